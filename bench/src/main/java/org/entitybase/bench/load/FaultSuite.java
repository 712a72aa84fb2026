package org.entitybase.bench.load;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fault suite (issue 9): under a write load through the gateway (creates with an {@code Idempotency-Key},
 * retried with the same key after an I/O error or a 5xx, and edits with {@code If-Match}), each component is killed
 * with {@code kill -9} in turn and restarted: services by their supervisor (deploy/local/supervise.sh), the backing
 * servers (MariaDB, Kafka, s3proxy) by {@code ./entitybase stack up}. Every acknowledged write is recorded (id,
 * revision, hash of what it wrote). Afterwards, with the load stopped:
 *
 * <ul>
 *   <li>every acknowledged write reads back ({@code GET /entities/{id}/revision/{rev}}) with what it wrote;
 *   <li>no create made two entities: the database holds one create revision per idempotency key (the key is in the
 *       edit summary), and no id was acknowledged twice;
 *   <li>the {@code entity_change} topic holds an event for every revision the database committed for these writes;
 *   <li>statement-service's counts equal its recomputation ({@code POST /internal/statements/rebuild?apply=false}:
 *       no differences);
 *   <li>every consumer group has lag 0 (Kafka's {@code kafka-consumer-groups.sh}).
 * </ul>
 *
 * Per fault it reports the 5xx (by code) and I/O errors the clients saw, the time until the killed component
 * answers ready again (a backing server: until every service does), until a write first sent after the kill is
 * acknowledged, and until the consumers' summed lag is back to where it was right before the kill (at least 20). It also counts
 * {@code has been blocked for} (an event loop blocked) and {@code Terminating due to} lines the services logged
 * meanwhile. Only loopback; against {@code ./entitybase up} (it owns ports 8080-8087) with the stack of
 * {@code .stack-ports}. Bounded: each fault waits at most {@code --max-recovery} seconds. Exits 1 when a check fails.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.entitybase.bench.load.FaultSuite [--repo .] [--clients 8]
 *      [--faults entity-service,statement-service,rdf-service,id-allocator,kafka,s3proxy,mariadb]
 *      [--steady-seconds 20] [--max-recovery 180] [--catch-up-seconds 60]
 *      [--drain-seconds 600] [--cuts 20]
 * </pre>
 *
 * The database and Kafka ports come from the environment ({@code MARIADB_PORT}, {@code KAFKA_PORT}, as
 * {@code .stack-ports} sets them).
 */
public final class FaultSuite {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Integer> SERVICE_PORTS = new LinkedHashMap<>();

    static {
        SERVICE_PORTS.put("id-allocator", 8081);
        SERVICE_PORTS.put("entity-service", 8082);
        SERVICE_PORTS.put("statement-service", 8083);
        SERVICE_PORTS.put("rdf-service", 8084);
        SERVICE_PORTS.put("user-service", 8085);
        SERVICE_PORTS.put("watchlist-consumer", 8086);
        SERVICE_PORTS.put("stats-workers", 8087);
        SERVICE_PORTS.put("gateway", 8080);
    }

    private static final Set<String> BACKING = Set.of("mariadb", "kafka", "s3proxy");
    /** Values the load's statements point at (items of the sample data; a value need not exist anyway). */
    private static final String[] TARGETS = {"Q5", "Q30", "Q42", "Q60", "Q142", "Q145", "Q183", "Q515"};

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    private final Map<String, String> options;
    private final String base;
    private final Path repo;
    private final Path stackDir;
    private final String run = "fs" + Long.toString(System.currentTimeMillis() / 1000 % 10_000_000, 36);
    private final int mariadbPort;
    private final int kafkaPort;

    /** What the clients saw, per phase ("steady" or the fault's name). */
    private final AtomicReference<String> phase = new AtomicReference<>("steady");

    private final Map<String, Map<Integer, LongAdder>> statusesByPhase = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> ioErrorsByPhase = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final LongAdder createsGivenUp = new LongAdder();
    private final LongAdder unexpected4xx = new LongAdder();
    private volatile boolean loadRunning = true;

    /** One acknowledged write: the revision it made and the hash of what it wrote. */
    private record Ack(String kind, String id, long revision, String hash, long firstSentNanos, long ackNanos) {}

    /** One fault's figures. */
    private record FaultResult(
            String name,
            Map<Integer, Long> statuses,
            long ioErrors,
            double readySeconds,
            double writeSeconds,
            double catchUpSeconds,
            long lagBefore,
            long lagPeak,
            String note) {}

    private FaultSuite(Map<String, String> options) {
        this.options = options;
        this.base = options.getOrDefault("base", "http://127.0.0.1:8080/v1/entitybase");
        this.repo = Path.of(options.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        this.stackDir = Path.of(env("STACK_DIR", repo.resolve(".stack").toString()));
        this.mariadbPort = Integer.parseInt(env("MARIADB_PORT", "3306"));
        this.kafkaPort = Integer.parseInt(env("KAFKA_PORT", "9092"));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        System.exit(new FaultSuite(options).run());
    }

    private int run() throws Exception {
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        int steady = Integer.parseInt(options.getOrDefault("steady-seconds", "20"));
        int maxRecovery = Integer.parseInt(options.getOrDefault("max-recovery", "180"));
        int cuts = Integer.parseInt(options.getOrDefault("cuts", "20"));
        List<String> faults = List.of(options.getOrDefault(
                        "faults", "entity-service,statement-service,rdf-service,id-allocator,kafka,s3proxy,mariadb")
                .split(","));
        for (String f : faults) {
            if (!BACKING.contains(f) && !SERVICE_PORTS.containsKey(f)) {
                throw new IllegalArgumentException("unknown fault target " + f);
            }
        }
        for (Map.Entry<String, Integer> s : SERVICE_PORTS.entrySet()) {
            if (!ready(s.getValue())) {
                throw new IllegalStateException(s.getKey() + " is not ready: start the suite (./entitybase up)");
            }
        }
        System.out.printf(
                Locale.ROOT,
                "fault suite %s: %s, %d clients, faults %s, stack %s (MariaDB %d, Kafka %d)%n",
                run,
                base,
                clients,
                faults,
                stackDir,
                mariadbPort,
                kafkaPort);
        Map<String, Long> logOffsets = logSizes();
        ensureP31();

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            load.add(pool.submit(() -> client(client)));
        }
        long suiteStart = System.nanoTime();
        long baseline;
        try {
            sleep(steady);
            baseline = baselineLag();
        } catch (Exception e) {
            loadRunning = false;
            throw e;
        }
        System.out.printf("steady: consumers' summed lag under load %d%n", baseline);

        List<FaultResult> results = new ArrayList<>();
        int cutDuplicates;
        try {
            for (String fault : faults) {
                results.add(fault(fault, baseline, maxRecovery));
                phase.set("steady");
                sleep(steady);
            }
            cutDuplicates = cuts > 0 ? cutConnections(cuts) : 0;
        } finally {
            loadRunning = false;
            for (Future<?> f : load) {
                f.get();
            }
            pool.shutdownNow();
        }
        double loadSeconds = (System.nanoTime() - suiteStart) / 1e9;
        System.out.printf(Locale.ROOT, "load stopped after %.0f s: %d writes acknowledged%n", loadSeconds, acks.size());
        return verify(results, cutDuplicates, logOffsets, maxRecovery);
    }

    /** The load's statements use P31: imported (as Wikidata has it) when the suite runs without the sample data. */
    private void ensureP31() throws Exception {
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/entities/P31")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() == 200) {
            return;
        }
        HttpResponse<byte[]> imported = http.send(
                HttpRequest.newBuilder(URI.create(base + "/import"))
                        .header("Content-Type", "application/json")
                        .header("X-User-ID", "0")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"P31\",\"type\":\"property\","
                                + "\"datatype\":\"wikibase-item\",\"labels\":{\"en\":{\"language\":\"en\","
                                + "\"value\":\"instance of\"}}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (imported.statusCode() / 100 != 2) {
            throw new IllegalStateException("importing P31: " + imported.statusCode() + " "
                    + new String(imported.body(), StandardCharsets.UTF_8));
        }
    }

    // ---------------------------------------------------------------- load

    /** A client: creates items (retrying with the same Idempotency-Key) and edits its own items. */
    private void client(int client) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String[]> own = new ArrayList<>(); // {id, etag revision}
        long seq = 0;
        while (loadRunning) {
            seq++;
            try {
                if (own.size() < 4 || random.nextInt(10) < 4) {
                    String key = run + "-c" + client + "-" + seq;
                    String label = "fault suite " + key;
                    String target = TARGETS[random.nextInt(TARGETS.length)];
                    Ack ack = create(key, label, target, "fault-suite " + key);
                    if (ack != null) {
                        own.add(new String[] {ack.id, Long.toString(ack.revision)});
                    }
                } else {
                    String[] entity = own.get(random.nextInt(own.size()));
                    edit(entity, "fault suite " + run + " edit c" + client + " " + seq, random);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** POST until acknowledged (same key, same body), or until 180 s have passed. */
    private Ack create(String key, String label, String target, String summary) throws InterruptedException {
        String body = item(null, label, target);
        long first = System.nanoTime();
        long giveUp = first + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < giveUp) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/entities/items"))
                    .header("Content-Type", "application/json")
                    .header("X-User-ID", "1")
                    .header("X-Edit-Summary", summary)
                    .header("Idempotency-Key", key)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<byte[]> r = send(request);
            if (r != null && (r.statusCode() == 201 || r.statusCode() == 200)) {
                Ack ack = new Ack(
                        "create",
                        readTree(r.body()).path("id").asText(),
                        etag(r),
                        writtenHash(label, target),
                        first,
                        System.nanoTime());
                acks.add(ack);
                return ack;
            }
            if (r != null && r.statusCode() < 500 && r.statusCode() != 429) {
                unexpected(request, r);
                return null;
            }
            backoff(r);
        }
        createsGivenUp.increment();
        return null;
    }

    /** One PUT with If-Match; on anything but 200 the entity's head is read again (the edit may have committed). */
    private void edit(String[] entity, String label, ThreadLocalRandom random) throws InterruptedException {
        String target = TARGETS[random.nextInt(TARGETS.length)];
        long first = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/entities/items/" + entity[0]))
                .header("Content-Type", "application/json")
                .header("X-User-ID", "1")
                .header("X-Edit-Summary", "fault-suite " + run + " edit")
                .header("If-Match", "\"" + entity[1] + "\"")
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(item(entity[0], label, target)))
                .build();
        HttpResponse<byte[]> r = send(request);
        if (r != null && r.statusCode() == 200) {
            long revision = etag(r);
            acks.add(new Ack("edit", entity[0], revision, writtenHash(label, target), first, System.nanoTime()));
            entity[1] = Long.toString(revision);
            return;
        }
        if (r != null && r.statusCode() < 500 && r.statusCode() != 412 && r.statusCode() != 429) {
            unexpected(request, r);
        }
        backoff(r);
        // not acknowledged: it may or may not have committed; continue from the head as it is now
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (loadRunning && System.nanoTime() < giveUp) {
            HttpResponse<byte[]> head = send(HttpRequest.newBuilder(URI.create(base + "/entities/" + entity[0]))
                    .timeout(Duration.ofSeconds(30))
                    .build());
            if (head != null && head.statusCode() == 200) {
                entity[1] = Long.toString(etag(head));
                return;
            }
            backoff(head);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws InterruptedException {
        String p = phase.get();
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() >= 500) {
                statusesByPhase
                        .computeIfAbsent(p, k -> new ConcurrentHashMap<>())
                        .computeIfAbsent(r.statusCode(), k -> new LongAdder())
                        .increment();
                if (r.statusCode() != 503
                        || r.headers().firstValue("Retry-After").isEmpty()) {
                    System.out.printf(
                            "[%s] %s %s -> %d %s%n",
                            p,
                            request.method(),
                            request.uri().getPath(),
                            r.statusCode(),
                            new String(r.body(), 0, Math.min(200, r.body().length), StandardCharsets.UTF_8));
                }
            }
            return r;
        } catch (IOException e) {
            ioErrorsByPhase.computeIfAbsent(p, k -> new LongAdder()).increment();
            return null;
        }
    }

    private void unexpected(HttpRequest request, HttpResponse<byte[]> r) {
        unexpected4xx.increment();
        System.out.printf(
                "unexpected: %s %s -> %d %s%n",
                request.method(),
                request.uri().getPath(),
                r.statusCode(),
                new String(r.body(), 0, Math.min(300, r.body().length), StandardCharsets.UTF_8));
    }

    private static void backoff(HttpResponse<byte[]> r) throws InterruptedException {
        long millis = 500;
        if (r != null) {
            millis = r.headers()
                    .firstValue("Retry-After")
                    .map(s -> Long.parseLong(s.trim()) * 1000)
                    .orElse(500L);
        }
        Thread.sleep(Math.min(millis, 5000));
    }

    private static long etag(HttpResponse<byte[]> r) {
        String tag = r.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("no ETag"));
        return Long.parseLong(tag.replace("W/", "").replace("\"", ""));
    }

    private static JsonNode readTree(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    private static String item(String id, String label, String target) {
        String idField = id == null ? "" : "\"id\":\"" + id + "\",";
        return "{" + idField + "\"type\":\"item\",\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"" + label
                + "\"}},\"descriptions\":{\"en\":{\"language\":\"en\",\"value\":\"written by the fault suite\"}},"
                + "\"claims\":{\"P31\":[{\"mainsnak\":{\"snaktype\":\"value\",\"property\":\"P31\","
                + "\"datavalue\":{\"value\":{\"entity-type\":\"item\",\"numeric-id\":" + target.substring(1)
                + ",\"id\":\"" + target + "\"},\"type\":\"wikibase-entityid\"}},\"type\":\"statement\","
                + "\"rank\":\"normal\"}]}}";
    }

    /** What a write wrote, as the read-back sees it: its English label and its P31 value. */
    private static String writtenHash(String label, String target) {
        return sha256(label + "\n" + target);
    }

    private static String readHash(JsonNode entity) {
        String label = entity.path("labels").path("en").path("value").asText();
        String target = entity.path("claims")
                .path("P31")
                .path(0)
                .path("mainsnak")
                .path("datavalue")
                .path("value")
                .path("id")
                .asText();
        return sha256(label + "\n" + target);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- faults

    private FaultResult fault(String name, long baseline, int maxRecovery) throws Exception {
        Path pidFile = stackDir.resolve("pids").resolve(name + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        if (!Files.exists(Path.of("/proc/" + pid))) {
            throw new IllegalStateException(name + ": pid " + pid + " of " + pidFile + " is not running");
        }
        long lagBefore = Math.max(baseline, totalLag());
        phase.set(name);
        long killedAt = System.nanoTime();
        exec(List.of("kill", "-9", Long.toString(pid)), 10);
        System.out.printf("%s: kill -9 %d%n", name, pid);
        String note = "";
        if (BACKING.contains(name)) {
            // give the services a moment without it, as a crash would, then restart it as an operator would
            while (Files.exists(Path.of("/proc/" + pid))) {
                Thread.sleep(50);
            }
            Thread.sleep(2000);
            long t = System.nanoTime();
            int rc = exec(List.of(repo.resolve("entitybase").toString(), "stack", "up"), maxRecovery);
            note = String.format(Locale.ROOT, "stack up %.1f s (rc %d)", (System.nanoTime() - t) / 1e9, rc);
        }
        long deadline = killedAt + TimeUnit.SECONDS.toNanos(maxRecovery);
        // ready: the killed service; for a backing server, every service (each checks it in its readiness)
        List<Integer> ports =
                BACKING.contains(name) ? List.copyOf(SERVICE_PORTS.values()) : List.of(SERVICE_PORTS.get(name));
        double readySeconds = Double.NaN;
        // a killed service is not ready until its new process is up: first see it not ready
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (int port : ports) {
                all &= ready(port);
            }
            if (all && (BACKING.contains(name) || newPid(name, pid))) {
                readySeconds = (System.nanoTime() - killedAt) / 1e9;
                break;
            }
            Thread.sleep(100);
        }
        double writeSeconds = Double.NaN;
        while (System.nanoTime() < deadline && Double.isNaN(writeSeconds)) {
            for (Ack a : acks) {
                if (a.firstSentNanos > killedAt) {
                    writeSeconds = (a.ackNanos - killedAt) / 1e9;
                    break;
                }
            }
            Thread.sleep(100);
        }
        long peak = 0;
        double catchUp = Double.NaN;
        long caughtUpAt = Math.max(lagBefore, 20);
        // consumers slower than the write load (a busy machine) may not get back under load: bounded wait, and the
        // final check (lag 0 once the load stops) is the one that must hold
        long catchUpDeadline = Math.min(
                deadline,
                System.nanoTime()
                        + TimeUnit.SECONDS.toNanos(Integer.parseInt(options.getOrDefault("catch-up-seconds", "60"))));
        while (System.nanoTime() < catchUpDeadline) {
            long lag = totalLag();
            peak = Math.max(peak, lag);
            if (lag >= 0 && lag <= caughtUpAt) {
                catchUp = (System.nanoTime() - killedAt) / 1e9;
                break;
            }
            Thread.sleep(1000);
        }
        Map<Integer, Long> statuses = new TreeMap<>();
        statusesByPhase.getOrDefault(name, Map.of()).forEach((k, v) -> statuses.put(k, v.sum()));
        long io = ioErrorsByPhase.getOrDefault(name, new LongAdder()).sum();
        FaultResult result =
                new FaultResult(name, statuses, io, readySeconds, writeSeconds, catchUp, lagBefore, peak, note);
        System.out.printf(
                Locale.ROOT,
                "%s: 5xx %s, I/O errors %d, ready after %.1f s, a new write acknowledged after %.1f s, consumers"
                        + " back to lag <= %d after %.1f s (peak %d) %s%n",
                name,
                statuses,
                io,
                readySeconds,
                writeSeconds,
                caughtUpAt,
                catchUp,
                peak,
                note);
        return result;
    }

    /** A service's process is not the one killed (the supervisor started a new one). */
    private boolean newPid(String name, long killed) {
        try {
            long now = Long.parseLong(Files.readString(stackDir.resolve("pids").resolve(name + ".pid"))
                    .trim());
            return now != killed;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private boolean ready(int port) {
        try {
            HttpResponse<Void> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Connections cut after the request was sent: a POST with an Idempotency-Key written whole on a raw socket that
     * is then closed without reading the answer, then the same request again through the HTTP client. Returns how
     * many keys ended with more than one entity (0 is right).
     */
    private int cutConnections(int count) throws Exception {
        phase.set("cut");
        URI uri = URI.create(base + "/entities/items");
        int duplicates = 0;
        for (int i = 0; i < count; i++) {
            String key = run + "-cut-" + i;
            String label = "fault suite " + key;
            String body = item(null, label, "Q5");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                                + "\r\nContent-Type: application/json\r\nX-User-ID: 1\r\nX-Edit-Summary: fault-suite "
                                + key + "\r\nIdempotency-Key: " + key + "\r\nContent-Length: " + bytes.length
                                + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
                // vary the moment of the cut: at once, or while the write is under way
                Thread.sleep(ThreadLocalRandom.current().nextInt(0, 60));
            }
            Ack ack = create(key, label, "Q5", "fault-suite " + key);
            if (ack == null) {
                throw new IllegalStateException("the retry of cut request " + key + " was not acknowledged");
            }
            String n = sql("SELECT COUNT(*) FROM entitybase_entity.entity_revisions WHERE change_type = 'create'"
                            + " AND edit_summary = 'fault-suite " + key + "'")
                    .trim();
            if (!n.equals("1")) {
                duplicates++;
                System.out.printf("cut %s: %s entities created%n", key, n);
            }
        }
        System.out.printf(
                "cut connections: %d POSTs cut after sending and retried, %d made two entities%n", count, duplicates);
        return duplicates;
    }

    // ---------------------------------------------------------------- checks

    private int verify(List<FaultResult> results, int cutDuplicates, Map<String, Long> logOffsets, int maxRecovery)
            throws Exception {
        boolean failed = cutDuplicates > 0;
        // consumers caught up: lag 0 for every group, load stopped
        long t0 = System.nanoTime();
        Map<String, Long> lag = Map.of();
        int drainSeconds = Integer.parseInt(options.getOrDefault("drain-seconds", "600"));
        while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(drainSeconds)) {
            lag = lagByGroup();
            if (!lag.isEmpty() && lag.values().stream().allMatch(v -> v == 0)) {
                break;
            }
            Thread.sleep(2000);
        }
        boolean caughtUp = !lag.isEmpty() && lag.values().stream().allMatch(v -> v == 0);
        System.out.printf(
                Locale.ROOT,
                "consumers %s after the load: lag per group %s (%.1f s)%n",
                caughtUp ? "caught up" : "NOT caught up",
                lag,
                (System.nanoTime() - t0) / 1e9);
        failed |= !caughtUp;

        // every acknowledged write reads back as written (8 readers: thousands of GETs on a busy machine)
        Set<String> createdIds = new HashSet<>();
        int duplicateAcks = 0;
        for (Ack a : acks) {
            if (a.kind.equals("create") && !createdIds.add(a.id)) {
                duplicateAcks++;
            }
        }
        LongAdder lostCount = new LongAdder();
        ExecutorService readers = Executors.newFixedThreadPool(8);
        List<Future<?>> reads = new ArrayList<>();
        for (Ack a : acks) {
            reads.add(readers.submit(() -> {
                readBack(a, lostCount);
                return null;
            }));
        }
        for (Future<?> f : reads) {
            f.get();
        }
        readers.shutdown();
        long lost = lostCount.sum();
        long creates = acks.stream().filter(a -> a.kind.equals("create")).count();
        System.out.printf(
                "acknowledged writes: %d (%d creates, %d edits), %d lost; creates given up after 180 s: %d;"
                        + " unexpected 4xx: %d%n",
                acks.size(), creates, acks.size() - creates, lost, createsGivenUp.sum(), unexpected4xx.sum());
        failed |= lost > 0;

        // one entity per key: the key is in the create's edit summary
        String doubled = sql("SELECT edit_summary, COUNT(*) FROM entitybase_entity.entity_revisions"
                + " WHERE change_type = 'create' AND edit_summary LIKE 'fault-suite " + run + "-%'"
                + " GROUP BY edit_summary HAVING COUNT(*) > 1");
        long doubledKeys = doubled.lines().filter(l -> !l.isBlank()).count();
        String createdInDb = sql("SELECT COUNT(*) FROM entitybase_entity.entity_revisions"
                        + " WHERE change_type = 'create' AND edit_summary LIKE 'fault-suite " + run + "-%'")
                .trim();
        System.out.printf(
                "duplicates: %d keys with two entities, %d ids acknowledged to two creates; %s entities created in"
                        + " the database for %d acknowledged creates%n",
                doubledKeys, duplicateAcks, createdInDb, creates);
        failed |= doubledKeys > 0 || duplicateAcks > 0;

        // an event for every committed revision of these writes
        Set<String> committed = new HashSet<>();
        sql("SELECT r.entity_id, r.revision_id FROM entitybase_entity.entity_revisions r"
                        + " WHERE r.entity_id IN (SELECT entity_id FROM entitybase_entity.entity_revisions"
                        + " WHERE change_type = 'create' AND edit_summary LIKE 'fault-suite " + run + "-%')")
                .lines()
                .filter(l -> !l.isBlank())
                .forEach(l -> committed.add(l.replace('\t', '@')));
        Set<String> events = topicEvents();
        Set<String> missing = new HashSet<>(committed);
        missing.removeAll(events);
        System.out.printf(
                "events: %d revisions committed for these entities, %d without an entity_change event%s%n",
                committed.size(),
                missing.size(),
                missing.isEmpty() ? "" : " e.g. " + missing.stream().limit(5).toList());
        failed |= !missing.isEmpty() || committed.isEmpty();

        // statement counts equal a recomputation
        HttpResponse<byte[]> rebuild = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:8083/internal/statements/rebuild?apply=false"))
                        .timeout(Duration.ofSeconds(600))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        JsonNode report = rebuild.statusCode() == 200 ? readTree(rebuild.body()) : null;
        int differences = report == null ? -1 : report.path("differences").size();
        System.out.printf(
                "statement counts against a recomputation: %s%n",
                report == null
                        ? "rebuild answered " + rebuild.statusCode() + " "
                                + new String(rebuild.body(), StandardCharsets.UTF_8)
                        : report.path("revisions_checked").asLong() + " revisions, "
                                + report.path("statements_checked").asLong() + " statements checked, "
                                + differences + " differences"
                                + (differences > 0
                                        ? " e.g. " + report.path("differences").path(0)
                                        : ""));
        failed |= differences != 0;

        // what the services logged meanwhile
        Map<String, Long> blocked = grepLogs(logOffsets, "has been blocked for");
        Map<String, Long> oom = grepLogs(logOffsets, "Terminating due to");
        System.out.printf(
                "logged during the suite: 'has been blocked for' %s; 'Terminating due to' %s%n", blocked, oom);
        failed |= oom.values().stream().anyMatch(v -> v > 0);

        System.out.printf(
                "%n| fault | 5xx seen | I/O errors | ready after | new write acknowledged after | consumers caught up"
                        + " after (lag peak) | note |%n|---|---|---:|---:|---:|---:|---|%n");
        for (FaultResult r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %d | %.1f s | %.1f s | %.1f s (%d) | %s |%n",
                    r.name,
                    r.statuses.isEmpty() ? "none" : r.statuses,
                    r.ioErrors,
                    r.readySeconds,
                    r.writeSeconds,
                    r.catchUpSeconds,
                    r.lagPeak,
                    r.note);
            failed |= Double.isNaN(r.readySeconds) || Double.isNaN(r.writeSeconds);
        }
        System.out.println(failed ? "FAULT SUITE FAILED" : "FAULT SUITE PASSED");
        return failed ? 1 : 0;
    }

    private void readBack(Ack a, LongAdder lost) throws InterruptedException {
        HttpResponse<byte[]> r = null;
        for (int attempt = 0; attempt < 5 && (r == null || r.statusCode() >= 500); attempt++) {
            r = send(HttpRequest.newBuilder(URI.create(base + "/entities/" + a.id + "/revision/" + a.revision))
                    .timeout(Duration.ofSeconds(30))
                    .build());
        }
        if (r == null || r.statusCode() != 200) {
            lost.increment();
            System.out.printf(
                    "LOST: %s %s revision %d: %s%n",
                    a.kind, a.id, a.revision, r == null ? "no answer" : r.statusCode());
            return;
        }
        JsonNode entity = readTree(r.body());
        if (entity.has("entities")) {
            entity = entity.path("entities").path(a.id);
        }
        if (!readHash(entity).equals(a.hash)) {
            lost.increment();
            System.out.printf("LOST: %s %s revision %d reads back other content%n", a.kind, a.id, a.revision);
        }
    }

    /** entity id @ revision id of every event on the entity_change topic. */
    private Set<String> topicEvents() throws Exception {
        Path out = Files.createTempFile("fault-suite-events", ".ndjson");
        try {
            exec(
                    kafkaTool(
                            "org.apache.kafka.tools.consumer.ConsoleConsumer",
                            "--bootstrap-server",
                            "127.0.0.1:" + kafkaPort,
                            "--topic",
                            "entitybase.entity_change",
                            "--from-beginning",
                            "--timeout-ms",
                            "15000"),
                    300,
                    out);
            Set<String> events = new HashSet<>();
            try (var lines = Files.lines(out)) {
                lines.filter(l -> l.startsWith("{")).forEach(l -> {
                    JsonNode e = readTree(l.getBytes(StandardCharsets.UTF_8));
                    events.add(e.path("entity_id").asText() + "@"
                            + e.path("revision_id").asLong());
                });
            }
            return events;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Summed lag of the consumer groups, or -1 when Kafka does not answer. */
    private long totalLag() throws Exception {
        Map<String, Long> lag = lagByGroup();
        return lag.isEmpty()
                ? -1
                : lag.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Three readings a few seconds apart under load: the highest is what "caught up" means during the load. */
    private long baselineLag() throws Exception {
        long max = 0;
        for (int i = 0; i < 3; i++) {
            max = Math.max(max, totalLag());
            Thread.sleep(1000);
        }
        return max;
    }

    /**
     * Lag per consumer group on entitybase.entity_change and entity_diff. rdf-service's per-instance cache groups
     * ({@code rdf-service-cache-<uuid>}) are left out: a killed instance's group stays behind forever by design.
     */
    private Map<String, Long> lagByGroup() throws Exception {
        Path out = Files.createTempFile("fault-suite-lag", ".txt");
        try {
            int rc = exec(
                    kafkaTool(
                            "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
                            "--bootstrap-server",
                            "127.0.0.1:" + kafkaPort,
                            "--describe",
                            "--all-groups",
                            "--timeout",
                            "30000"),
                    60,
                    out);
            Map<String, Long> lag = new TreeMap<>();
            if (rc != 0) {
                return lag;
            }
            for (String line : Files.readAllLines(out)) {
                String[] f = line.trim().split("\\s+");
                // GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID
                if (f.length < 6 || f[0].equals("GROUP") || f[0].contains("-cache-")) {
                    continue;
                }
                long l = f[5].matches("\\d+") ? Long.parseLong(f[5]) : 0;
                if (f[3].equals("-") && f[4].matches("\\d+")) {
                    l = Long.parseLong(f[4]); // no committed offset yet: everything is behind
                }
                lag.merge(f[0], l, Long::sum);
            }
            return lag;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** A Kafka command-line tool from the stack's Kafka jars (the stack has no bin/ scripts). */
    private List<String> kafkaTool(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-cp",
                stackDir.resolve("lib/kafka/*").toString(),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private String sql(String query) throws Exception {
        Path out = Files.createTempFile("fault-suite-sql", ".txt");
        try {
            int rc = exec(
                    List.of(
                            "mariadb",
                            "--no-defaults",
                            "-h127.0.0.1",
                            "-P" + mariadbPort,
                            "-uroot",
                            "-N",
                            "-B",
                            "-e",
                            query),
                    120,
                    out);
            if (rc != 0) {
                throw new IllegalStateException("mariadb: " + Files.readString(out));
            }
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private Map<String, Long> logSizes() throws IOException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String s : SERVICE_PORTS.keySet()) {
            Path log = stackDir.resolve("logs").resolve(s + ".log");
            sizes.put(s, Files.exists(log) ? Files.size(log) : 0L);
        }
        return sizes;
    }

    /** Lines holding {@code needle} that each service logged after the offsets. */
    private Map<String, Long> grepLogs(Map<String, Long> offsets, String needle) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : offsets.entrySet()) {
            Path log = stackDir.resolve("logs").resolve(e.getKey() + ".log");
            if (!Files.exists(log)) {
                continue;
            }
            try (var channel = Files.newByteChannel(log)) {
                channel.position(e.getValue());
                String text = new String(
                        java.nio.channels.Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
                long n = text.lines().filter(l -> l.contains(needle)).count();
                if (n > 0) {
                    counts.put(e.getKey(), n);
                }
            }
        }
        return counts;
    }

    private int exec(List<String> command, int timeoutSeconds) throws Exception {
        Path out = Files.createTempFile("fault-suite-exec", ".txt");
        try {
            int rc = exec(command, timeoutSeconds, out);
            if (rc != 0) {
                System.out.printf("%s: exit %d: %s%n", command, rc, Files.readString(out));
            }
            return rc;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private int exec(List<String> command, int timeoutSeconds, Path output) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile());
        pb.redirectErrorStream(false);
        pb.redirectOutput(output.toFile());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        env.put("STACK_DIR", stackDir.toString());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static void sleep(int seconds) throws InterruptedException {
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    }
}
