package org.entitybase.bench.load;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load against the running suite through the gateway, as clients and bots see it: {@code ./entitybase up}, then
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.entitybase.bench.load.LoadDriver [--base URL] [--clients 8]
 *      [--seconds 20] [--warmup 5] [--entity Q42]
 *      [--scenarios read,read-gzip,create,edit,rdf,statement,statement-batch,lexeme-search,lexeme-search-prefix,
 *      suggest]
 *      [--activity-user 1] [--token JWT]
 * </pre>
 *
 * {@code --token}: a bearer JWT sent with every read (the gateway's authentication on: {@code ./entitybase up --auth}
 * prints one); the gateway's cost of verifying it and of its rate limits is the difference to a run without.
 *
 * user-service's scenarios are chosen by name: {@code user-activity} (GET a page of 50 of {@code --activity-user}'s
 * activity), {@code user-watchlist} (GET a 100-entry watchlist), {@code endorsements} (GET a statement's 50
 * endorsers), {@code thank} and {@code endorse} (each request a new sender: every one is a write).
 *
 * Each scenario runs twice: one client alone (latency: p50/p99 with nothing else queued) and {@code --clients}
 * clients at once (throughput: requests/s, with their p50/p99). Every answer's status is checked: a scenario with an
 * unexpected status fails the run, so a figure is never computed over errors.
 */
public final class LoadDriver {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final String base;
    private final Options options;

    /** A fresh acting user per write of the user scenarios (thanks and endorsements are once per user). */
    private final AtomicLong actors = new AtomicLong(System.currentTimeMillis() * 1000);

    private LoadDriver(Options options) {
        this.options = options;
        this.base = options.base;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        LoadDriver driver = new LoadDriver(options);
        System.out.printf(
                Locale.ROOT,
                "load driver: %s, %d clients, %ds per run after %ds warm-up, %d cores, %s%n",
                options.base,
                options.clients,
                options.seconds,
                options.warmup,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        System.out.printf(
                Locale.ROOT,
                "%-34s %8s %10s %9s %9s %9s%n",
                "scenario",
                "clients",
                "requests",
                "req/s",
                "p50 ms",
                "p99 ms");
        for (String scenario : options.scenarios) {
            Scenario s = driver.scenario(scenario);
            driver.run(s, 1);
            driver.run(s, options.clients);
        }
    }

    /** One kind of request; {@code request(i)} builds the i-th (any client). */
    private record Scenario(String name, IntFunction<HttpRequest> request, int expectedStatus) {}

    private Scenario scenario(String name) throws Exception {
        String entity = options.entity;
        return switch (name) {
            case "read" ->
                new Scenario("read GET /entities/" + entity, i -> get("/entities/" + entity, "application/json"), 200);
            case "read-gzip" ->
                new Scenario(
                        "read GET /entities/" + entity + " (gzip)",
                        i -> authorized(HttpRequest.newBuilder(URI.create(base + "/entities/" + entity)))
                                .header("Accept", "application/json")
                                .header("Accept-Encoding", "gzip")
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build(),
                        200);
            case "rdf" ->
                new Scenario(
                        "rdf GET /entities/" + entity + ".ttl", i -> get("/entities/" + entity + ".ttl", "*/*"), 200);
            case "create" ->
                new Scenario(
                        "create POST /entities/items", i -> write("POST", "/entities/items", smallItem(null, i)), 201);
            case "edit" -> {
                List<String> targets = createTargets(64);
                yield new Scenario(
                        "edit PUT /entities/items/{id}",
                        i -> {
                            String id = targets.get(i % targets.size());
                            return write("PUT", "/entities/items/" + id, smallItem(id, i));
                        },
                        200);
            }
            case "lexeme-search" -> {
                // the lemmas of the real lexemes (./entitybase up loads them), exact, with their language
                List<String> queries = List.of(
                        "lemma=pino&language=es",
                        "lemma=answer&language=en",
                        "lemma=maison&language=fr",
                        "lemma=be&language=en",
                        "lemma=go&language=en",
                        "lemma=bank&language=en",
                        "lemma=business&language=en",
                        "lemma=melon&language=da");
                yield new Scenario(
                        "lexeme-search GET /lexemes?lemma=",
                        i -> get("/lexemes?" + queries.get(i % queries.size()), "application/json"),
                        200);
            }
            case "lexeme-search-prefix" -> {
                List<String> prefixes = List.of("pin", "ans", "mai", "b", "go", "ban", "bus", "mel", "a", "w");
                yield new Scenario(
                        "lexeme-search GET /lexemes?representation=&prefix=true",
                        i -> get(
                                "/lexemes?representation=" + prefixes.get(i % prefixes.size()) + "&prefix=true",
                                "application/json"),
                        200);
            }
            case "suggest" -> {
                // prefixes of English labels and aliases of the sample entities (./entitybase up loads them), short
                // ones (many matches) and longer ones, through the v1 facade's suggest
                List<String> prefixes =
                        List.of("d", "douglas ad", "united st", "a", "ger", "new y", "lon", "instance o", "ber", "q");
                yield new Scenario(
                        "suggest GET /w/rest.php/wikibase/v1/suggest/items",
                        i -> get(
                                "/w/rest.php/wikibase/v1/suggest/items?language=en&q="
                                        + URLEncoder.encode(prefixes.get(i % prefixes.size()), StandardCharsets.UTF_8),
                                "application/json"),
                        200);
            }
            case "statement" -> {
                String hash = statementHashes(List.of(entity), 1).get(0);
                yield new Scenario("statement GET /statements/{hash}", i -> get("/statements/" + hash, "*/*"), 200);
            }
            case "statement-batch" -> {
                // Q42's statements and, if it has fewer than 500, other sample entities' up to 500
                String body = "{\"hashes\":[\""
                        + String.join("\",\"", statementHashes(List.of(entity, "Q30", "Q45", "Q142", "Q60"), 500))
                        + "\"]}";
                yield new Scenario(
                        "statement-batch POST /statements/batch (500)",
                        i -> HttpRequest.newBuilder(URI.create(base + "/statements/batch"))
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        200);
            }
            case "user-activity" ->
                new Scenario(
                        "user GET /users/{id}/activity (50)",
                        i -> get("/users/" + options.activityUser + "/activity?limit=50", "*/*"),
                        200);
            case "user-watchlist" -> {
                long watcher = actors.incrementAndGet();
                for (String id : createTargets(100)) {
                    send(
                            userWrite(
                                    "POST",
                                    "/users/" + watcher + "/watchlist",
                                    watcher,
                                    "{\"entity_id\":\"" + id + "\"}"),
                            201);
                }
                yield new Scenario(
                        "user GET /users/{id}/watchlist (100)",
                        i -> HttpRequest.newBuilder(URI.create(base + "/users/" + watcher + "/watchlist?limit=100"))
                                .header("X-User-ID", Long.toString(watcher))
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build(),
                        200);
            }
            case "endorsements" -> {
                String hash = statementHashes(List.of(entity), 1).get(0);
                for (int e = 0; e < 50; e++) {
                    send(userWrite("POST", "/statements/" + hash + "/endorse", actors.incrementAndGet(), ""), 201);
                }
                yield new Scenario(
                        "user GET /statements/{hash}/endorsements (50)",
                        i -> get("/statements/" + hash + "/endorsements?limit=50", "*/*"),
                        200);
            }
            case "thank" -> {
                String target = createTargets(1).get(0);
                String body = "{\"entity_id\":\"" + target + "\",\"revision_id\":1}";
                yield new Scenario(
                        "user POST /users/{id}/thank",
                        i -> {
                            long sender = actors.incrementAndGet();
                            return userWrite("POST", "/users/" + sender + "/thank", sender, body);
                        },
                        201);
            }
            case "endorse" -> {
                String hash = statementHashes(List.of(entity), 1).get(0);
                yield new Scenario(
                        "user POST /statements/{hash}/endorse",
                        i -> userWrite("POST", "/statements/" + hash + "/endorse", actors.incrementAndGet(), ""),
                        201);
            }
            default -> throw new IllegalArgumentException("unknown scenario " + name);
        };
    }

    private void run(Scenario scenario, int clients) throws Exception {
        AtomicLong sequence = new AtomicLong();
        drive(scenario, clients, options.warmup, sequence); // JIT, caches, connections
        Result result = drive(scenario, clients, options.seconds, sequence);
        System.out.printf(
                Locale.ROOT,
                "%-34s %8d %10d %9.0f %9.2f %9.2f%n",
                scenario.name,
                clients,
                result.latenciesNanos.length,
                result.latenciesNanos.length / result.seconds,
                result.percentileMillis(0.50),
                result.percentileMillis(0.99));
    }

    private Result drive(Scenario scenario, int clients, int seconds, AtomicLong sequence) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        try {
            List<Future<long[]>> runs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                runs.add(pool.submit(() -> {
                    LongList latencies = new LongList();
                    while (System.nanoTime() < end) {
                        HttpRequest request = scenario.request.apply((int) sequence.getAndIncrement());
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        latencies.add(System.nanoTime() - t0);
                        if (response.statusCode() != scenario.expectedStatus) {
                            throw new IllegalStateException(scenario.name + ": " + response.statusCode() + " "
                                    + new String(response.body(), StandardCharsets.UTF_8));
                        }
                    }
                    return latencies.toArray();
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> run : runs) {
                all.add(run.get());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            return Result.of(all, elapsed);
        } finally {
            pool.shutdownNow();
        }
    }

    /** With {@code --token}: the bearer credential of every read. */
    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return options.token == null ? request : request.header("Authorization", "Bearer " + options.token);
    }

    private HttpRequest get(String path, String accept) {
        return authorized(HttpRequest.newBuilder(URI.create(base + path)))
                .header("Accept", accept)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
    }

    private HttpRequest write(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("X-User-ID", "1")
                .header("X-Edit-Summary", "load driver")
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpRequest userWrite(String method, String path, long user, String body) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("X-User-ID", Long.toString(user))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private void send(HttpRequest request, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(request.uri() + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** A small item (labels in two languages, one description): what most bot creates look like. */
    private static String smallItem(String id, int i) {
        String idField = id == null ? "" : "\"id\":\"" + id + "\",";
        return "{" + idField + "\"type\":\"item\",\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"load item " + i
                + "\"},\"de\":{\"language\":\"de\",\"value\":\"Lastobjekt " + i + "\"}},"
                + "\"descriptions\":{\"en\":{\"language\":\"en\",\"value\":\"made by the load driver\"}}}";
    }

    private List<String> createTargets(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> created = http.send(
                    write("POST", "/entities/items", smallItem(null, -i)), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("create: " + created.statusCode() + " " + created.body());
            }
            ids.add(field(created.body(), "id"));
        }
        return ids;
    }

    /** Up to {@code limit} distinct statement content addresses of {@code entities}, via entity-service's routes. */
    private List<String> statementHashes(List<String> entities, int limit) throws Exception {
        Set<String> hashes = new LinkedHashSet<>();
        Pattern hash = Pattern.compile("\"hash\":\"([0-9a-f]{64})\"");
        for (String entity : entities) {
            String properties = http.send(
                            get("/entities/" + entity + "/properties", "*/*"), HttpResponse.BodyHandlers.ofString())
                    .body();
            String ids = properties.replaceAll("(?s).*\\[(.*)].*", "$1").replace("\"", "");
            if (ids.isBlank()) {
                continue;
            }
            String statements = http.send(
                            get("/entities/" + entity + "/properties/" + ids, "*/*"),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher m = hash.matcher(statements);
            while (m.find() && hashes.size() < limit) {
                hashes.add(m.group(1));
            }
            if (hashes.size() >= limit) {
                break;
            }
        }
        if (hashes.isEmpty()) {
            throw new IllegalStateException("no statement hashes for " + entities + ": load the sample data first");
        }
        return new ArrayList<>(hashes);
    }

    /** The first {@code "name":"value"} of a JSON body: enough for an id, no JSON library needed here. */
    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"");
        if (at < 0) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        int from = at + name.length() + 4;
        return json.substring(from, json.indexOf('"', from));
    }

    private record Result(long[] latenciesNanos, double seconds) {
        static Result of(List<long[]> perClient, double seconds) {
            long[] all =
                    perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(all, seconds);
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, index)] / 1e6;
        }
    }

    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private record Options(
            String base,
            int clients,
            int seconds,
            int warmup,
            String entity,
            List<String> scenarios,
            String activityUser,
            String token) {
        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --name value, got " + args[i]);
                }
                given.put(args[i].substring(2), args[i + 1]);
            }
            return new Options(
                    given.getOrDefault("base", "http://127.0.0.1:8080/v1/entitybase"),
                    Integer.parseInt(given.getOrDefault("clients", "8")),
                    Integer.parseInt(given.getOrDefault("seconds", "20")),
                    Integer.parseInt(given.getOrDefault("warmup", "5")),
                    given.getOrDefault("entity", "Q42"),
                    List.of(given.getOrDefault("scenarios", "read,read-gzip,create,edit,rdf,statement,statement-batch")
                            .split(",")),
                    given.getOrDefault("activity-user", "1"),
                    given.get("token"));
        }
    }
}
