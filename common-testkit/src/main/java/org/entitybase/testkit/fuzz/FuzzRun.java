package org.entitybase.testkit.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.entitybase.testkit.fuzz.BadBodies.BadBody;
import org.entitybase.testkit.fuzz.BadBodies.Mutation;

/**
 * Sends {@link BadBodies} to a service's write routes from a few threads over keep-alive connections and counts the
 * answers: by status, by route and mutation, with a sample of every 5xx (and of anything that is not a 4xx) for the
 * failure message. Deterministic for a seed: thread {@code t} draws from {@code new SplittableRandom(seed + t)}.
 */
public final class FuzzRun {

    /** A write route: method, URI and body template (see {@link BadBodies}), and the headers a write needs. */
    public record Route(String method, URI uri, String contentType, String template, Map<String, String> headers) {
        public String label() {
            return method + " " + uri.getPath();
        }
    }

    /** What a run saw. */
    public record Report(
            long requests,
            Duration elapsed,
            Map<Integer, Long> byStatus,
            Map<String, Long> byMutation,
            Map<String, Long> byRoute,
            List<String> notClientErrors,
            long transportErrors) {

        public long serverErrors() {
            return byStatus.entrySet().stream()
                    .filter(e -> e.getKey() >= 500)
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }

        public String summary() {
            return String.format(
                    "%d bad requests in %.1f s (%.0f/s): statuses %s; transport errors %d; by mutation %s",
                    requests,
                    elapsed.toMillis() / 1000.0,
                    requests * 1000.0 / Math.max(1, elapsed.toMillis()),
                    byStatus,
                    transportErrors,
                    byMutation);
        }
    }

    private static final int SAMPLES = 20;

    private FuzzRun() {}

    public static Report run(List<Route> routes, int requests, int threads, long seed) throws Exception {
        // One pool for every request, oversized bodies included: their 413 says `Connection: close` and the server
        // closes that connection, so the pool never hands it to the next request (issue 9; it once did, without the
        // header: "header parser received no bytes").
        HttpClient client = newClient();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, LongAdder> mutations = new ConcurrentHashMap<>();
        Map<String, LongAdder> routeCounts = new ConcurrentHashMap<>();
        List<String> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        LongAdder transport = new LongAdder();
        AtomicLong remaining = new AtomicLong(requests);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                SplittableRandom random = new SplittableRandom(seed + t);
                workers.add(pool.submit(() -> {
                    while (remaining.getAndDecrement() > 0) {
                        Route route = routes.get(random.nextInt(routes.size()));
                        BadBody body = BadBodies.next(route.template(), random);
                        int status = send(client, route, body, transport, samples);
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                        mutations
                                .computeIfAbsent(body.mutation().name(), m -> new LongAdder())
                                .increment();
                        routeCounts
                                .computeIfAbsent(route.label(), r -> new LongAdder())
                                .increment();
                        if (status != CLOSED_ON_OVERSIZED
                                && (status < 400 || status >= 500)
                                && samples.size() < SAMPLES) {
                            samples.add(status + " " + route.label() + " " + body.mutation() + ": " + preview(body));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(30, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Report(
                requests,
                Duration.ofNanos(System.nanoTime() - start),
                counts(statuses),
                counts(mutations),
                counts(routeCounts),
                List.copyOf(samples),
                transport.sum());
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** No answer: the connection failed. */
    public static final int NO_ANSWER = -1;
    /** No answer read: the server closed the connection while an oversized body was still being sent (its 413). */
    public static final int CLOSED_ON_OVERSIZED = -2;

    /** The answer's status, or {@link #NO_ANSWER} / {@link #CLOSED_ON_OVERSIZED}. */
    private static int send(HttpClient client, Route route, BadBody body, LongAdder transport, List<String> samples) {
        HttpRequest.Builder request = HttpRequest.newBuilder(route.uri())
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", route.contentType())
                .method(route.method(), HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        route.headers().forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            // a server refuses an oversized body and closes the connection before the client has sent it all
            if (body.mutation() == Mutation.OVERSIZED_BODY) {
                return CLOSED_ON_OVERSIZED;
            }
            transport.increment();
            if (samples.size() < SAMPLES) {
                // which request, and how it failed (a timeout, a reset, a close before the answer)
                samples.add("no answer " + route.label() + " " + body.mutation() + " (" + body.bytes().length
                        + " bytes): " + e);
            }
            return NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NO_ANSWER;
        }
    }

    private static String preview(BadBody body) {
        byte[] bytes = body.bytes();
        String text = new String(bytes, 0, Math.min(bytes.length, 160), StandardCharsets.ISO_8859_1);
        return text.replaceAll("[^\\x20-\\x7e]", "?") + (bytes.length > 160 ? "... (" + bytes.length + " bytes)" : "");
    }

    private static <K extends Comparable<K>> Map<K, Long> counts(Map<K, LongAdder> adders) {
        Map<K, Long> out = new TreeMap<>();
        adders.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
