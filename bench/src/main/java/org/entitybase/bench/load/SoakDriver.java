package org.entitybase.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entitybase.testkit.WikidataFixtures;

/**
 * The soak (issue 9): many clients through the gateway for minutes, a mix of creates of every real entity (Q30 many
 * times), properties with 300 labels and 300 descriptions, edits, reads (JSON, gzip, RDF), statement reads and batch
 * reads, while every service's RSS, heap after GC and GC pauses are sampled (heap after GC: the heap in use right
 * after a full collection asked for with {@code jcmd <pid> GC.run} at every sample; {@code --full-gc false} reads
 * Micrometer's {@code jvm_gc_live_data_size_bytes} instead, which under G1 still holds promoted garbage). Against
 * {@code ./entitybase up}:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.entitybase.bench.load.SoakDriver [--base URL] [--clients 32]
 *      [--seconds 600] [--sample-seconds 10] [--mix copy=20,p300=10,edit=15,json=15,gzip=10,rdf=10,statement=10,batch=10]
 *      [--copies all|largest50] [--giant true]
 * </pre>
 *
 * A copy is a real entity of {@code wikidata/entities.ndjson.gz} under a new id ({@code POST /import}, which keeps
 * the JSON as it is and does not need the referenced properties), its statement GUIDs and form/sense ids renamed with
 * it and its sitelink titles made unique; one copy in five is Q30. {@code --giant true} adds a client that writes an
 * item just under API.md's 4 MiB limit over and over, retrying after each 503 as its Retry-After says: it must get
 * through while the others write. A 503 counts as shed only with a Retry-After; any other 5xx is a failure.
 * Exits with 1 when a 5xx other than 503+Retry-After was seen, a service's process went away, or (runs of 3 minutes or
 * more) a service's heap after GC in the last minute is more than 10 % above minute two.
 */
public final class SoakDriver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] PORTS = {8080, 8081, 8082, 8083, 8084, 8085, 8086, 8087};
    private static final String[] NAMES = {
        "gateway",
        "id-allocator",
        "entity-service",
        "statement-service",
        "rdf-service",
        "user-service",
        "watchlist-consumer",
        "stats-workers"
    };
    private static final int MIB = 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, String> options;
    private final String base;
    private final long idBase = 1_000_000_000L + (System.currentTimeMillis() / 1000 % 100_000) * 100_000;
    private final AtomicLong nextId = new AtomicLong();
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final List<Template> copies = new ArrayList<>();
    private Template q30;
    private final List<String> editTargets = new ArrayList<>();
    private final List<String> readTargets = List.of("Q42", "Q30", "Q45", "Q142", "P31", "P17", "Q60");
    private List<String> statementHashes = List.of();
    private String batchBody;

    private SoakDriver(Map<String, String> options) {
        this.options = options;
        this.base = options.getOrDefault("base", "http://127.0.0.1:8080/v1/entitybase");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        System.exit(new SoakDriver(options).run());
    }

    /** An entity's JSON with {@code __ID__} where its new id goes and {@code __N__} in its sitelink titles. */
    private record Template(String id, String type, String json) {}

    /** Counts by status, and latencies, of one kind of request. */
    private static final class Operation {
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final LongAdder shedWithoutRetryAfter = new LongAdder();
        final LongAdder ioErrors = new LongAdder();
    }

    private int run() throws Exception {
        int clients = Integer.parseInt(options.getOrDefault("clients", "32"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "600"));
        int sampleSeconds = Integer.parseInt(options.getOrDefault("sample-seconds", "10"));
        Map<String, Integer> mix = mix(
                options.getOrDefault("mix", "copy=20,p300=10,edit=15,json=15,gzip=10,rdf=10,statement=10,batch=10"));
        prepare(options.getOrDefault("copies", "all"), mix);
        System.out.printf(
                Locale.ROOT,
                "soak: %s, %d clients, %d s, mix %s, %d entities to copy (Q30 one copy in five), %d cores, %s%n",
                base,
                clients,
                seconds,
                mix,
                copies.size(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.version());

        Map<String, Long> pidsAtStart = pids();
        List<Sample> samples = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients + 2);
        Map<String, LatencyLog> latencies = new ConcurrentHashMap<>();
        List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            runs.add(pool.submit(() -> client(mix, end, latencies)));
        }
        GiantResult giant = new GiantResult();
        if (Boolean.parseBoolean(options.getOrDefault("giant", "false"))) {
            runs.add(pool.submit(() -> giant(end, giant)));
        }
        while (System.nanoTime() < end) {
            samples.add(sample((System.nanoTime() - start) / 1e9));
            Sample last = samples.get(samples.size() - 1);
            System.out.println(last.line());
            Thread.sleep(TimeUnit.SECONDS.toMillis(sampleSeconds));
        }
        for (java.util.concurrent.Future<?> r : runs) {
            r.get();
        }
        pool.shutdownNow();
        samples.add(sample((System.nanoTime() - start) / 1e9));
        return report(seconds, samples, pidsAtStart, latencies, giant);
    }

    // ---------------------------------------------------------------- requests

    private void client(Map<String, Integer> mix, long end, Map<String, LatencyLog> latencies) {
        int total = mix.values().stream().mapToInt(Integer::intValue).sum();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < end) {
            int pick = random.nextInt(total);
            String op = null;
            for (Map.Entry<String, Integer> e : mix.entrySet()) {
                pick -= e.getValue();
                if (pick < 0) {
                    op = e.getKey();
                    break;
                }
            }
            HttpRequest request = request(op, random);
            String name = op.equals("copy")
                    ? "copy " + request.headers().firstValue("X-Soak-Kind").orElse("")
                    : op;
            long t0 = System.nanoTime();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                record(name, response, System.nanoTime() - t0, latencies);
            } catch (IOException e) {
                operations.computeIfAbsent(name, k -> new Operation()).ioErrors.increment();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void record(String name, HttpResponse<byte[]> response, long nanos, Map<String, LatencyLog> latencies) {
        Operation o = operations.computeIfAbsent(name, k -> new Operation());
        o.statuses.computeIfAbsent(response.statusCode(), k -> new LongAdder()).increment();
        if (response.statusCode() == 503
                && response.headers().firstValue("Retry-After").isEmpty()) {
            o.shedWithoutRetryAfter.increment();
        }
        if (response.statusCode() >= 400
                && response.statusCode() != 503
                && o.statuses.get(response.statusCode()).sum() <= 3) {
            System.out.printf(
                    "%s %d %s%n",
                    name,
                    response.statusCode(),
                    new String(response.body(), 0, Math.min(300, response.body().length), StandardCharsets.UTF_8));
        }
        latencies.computeIfAbsent(name, k -> new LatencyLog()).add(nanos);
    }

    private HttpRequest request(String op, ThreadLocalRandom random) {
        String read = readTargets.get(random.nextInt(readTargets.size()));
        return switch (op) {
            case "copy" -> {
                Template t = random.nextInt(5) == 0 ? q30 : copies.get(random.nextInt(copies.size()));
                String id = newId(t);
                yield HttpRequest.newBuilder(URI.create(base + "/import"))
                        .header("Content-Type", "application/json")
                        .header("X-User-ID", "1")
                        .header("X-Edit-Summary", "soak copy of " + t.id)
                        .header("X-Soak-Kind", t.type)
                        .timeout(Duration.ofSeconds(120))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                t.json.replace("__ID__", id).replace("__N__", id)))
                        .build();
            }
            case "p300" -> write("POST", "/entities/properties", property300(nextId.incrementAndGet()));
            case "edit" -> {
                String id = editTargets.get(random.nextInt(editTargets.size()));
                yield write("PUT", "/entities/items/" + id, smallItem(id, random.nextInt(1_000_000)));
            }
            case "json" -> get("/entities/" + read, null);
            case "gzip" -> get("/entities/" + read, "gzip");
            case "rdf" -> get("/entities/" + read + ".ttl", null);
            case "statement" -> get("/statements/" + statementHashes.get(random.nextInt(statementHashes.size())), null);
            case "batch" ->
                HttpRequest.newBuilder(URI.create(base + "/statements/batch"))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(batchBody))
                        .build();
            default -> throw new IllegalArgumentException("unknown operation " + op);
        };
    }

    private String newId(Template t) {
        String prefix = switch (t.type) {
            case "property" -> "P";
            case "lexeme" -> "L";
            default -> "Q";
        };
        return prefix + (idBase + nextId.incrementAndGet());
    }

    private HttpRequest get(String path, String encoding) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .GET();
        if (encoding != null) {
            b.header("Accept-Encoding", encoding);
        }
        return b.build();
    }

    private HttpRequest write(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("X-User-ID", "1")
                .header("X-Edit-Summary", "soak")
                .timeout(Duration.ofSeconds(120))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** The writer of an item just under 4 MiB: it must get through while the others write. */
    private void giant(long end, GiantResult result) {
        try {
            ObjectNode item = (ObjectNode) JSON.readTree(q30.json);
            ObjectNode claims = (ObjectNode) item.get("claims");
            List<Map.Entry<String, JsonNode>> groups = new ArrayList<>();
            claims.fields().forEachRemaining(groups::add);
            // Q30 with its statements repeated (new GUIDs) until the body is just under API.md's 4 MiB
            int target = 4 * MIB - 120_000;
            int size = JSON.writeValueAsBytes(item).length;
            for (int round = 0; size < target; round++) {
                for (Map.Entry<String, JsonNode> group : groups) {
                    ArrayNode list = (ArrayNode) claims.get(group.getKey());
                    if (round < list.size() && size < target) {
                        ObjectNode copy = list.get(round).deepCopy();
                        copy.put("id", "__ID__$" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
                        list.add(copy);
                        size += JSON.writeValueAsBytes(copy).length + 1;
                    }
                }
                if (round > 1000) {
                    break;
                }
            }
            String template = JSON.writeValueAsString(item);
            result.bytes = template.replace("__ID__", "Q" + idBase).getBytes(StandardCharsets.UTF_8).length;
            while (System.nanoTime() < end) {
                String id = "Q" + (idBase + nextId.incrementAndGet());
                long t0 = System.nanoTime();
                int attempts = 0;
                while (System.nanoTime() < end) {
                    attempts++;
                    HttpResponse<byte[]> r = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/import"))
                                    .header("Content-Type", "application/json")
                                    .header("X-User-ID", "1")
                                    .header("X-Edit-Summary", "soak giant")
                                    .timeout(Duration.ofSeconds(300))
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            template.replace("__ID__", id).replace("__N__", id)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    result.statuses.merge(r.statusCode(), 1, Integer::sum);
                    if (r.statusCode() == 503) {
                        long wait = r.headers()
                                .firstValue("Retry-After")
                                .map(Long::parseLong)
                                .orElse(1L);
                        Thread.sleep(wait * 1000);
                        continue;
                    }
                    if (r.statusCode() == 201 || r.statusCode() == 200) {
                        result.written++;
                        result.latenciesMs.add((System.nanoTime() - t0) / 1_000_000);
                        result.attempts.add(attempts);
                    } else {
                        System.out.println("giant: " + r.statusCode() + " "
                                + new String(r.body(), 0, Math.min(300, r.body().length), StandardCharsets.UTF_8));
                    }
                    break;
                }
            }
        } catch (IOException | InterruptedException e) {
            result.error = e.toString();
        }
    }

    private static final class GiantResult {
        int bytes;
        int written;
        String error;
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final List<Long> latenciesMs = new ArrayList<>();
        final List<Integer> attempts = new ArrayList<>();
    }

    // ---------------------------------------------------------------- preparation

    private void prepare(String which, Map<String, Integer> mix) throws Exception {
        Path dump = WikidataFixtures.dataDir().resolve("wikidata/entities.ndjson.gz");
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(dump)), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                line = line.strip();
                if (line.endsWith(",")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (line.startsWith("{")) {
                    lines.add(line);
                }
            }
        }
        if (which.equals("largest50")) {
            List<String> items = new ArrayList<>(
                    lines.stream().filter(l -> l.contains("\"type\":\"item\"")).toList());
            items.sort(Comparator.comparingInt(String::length).reversed());
            List<String> properties = lines.stream()
                    .filter(l -> l.contains("\"type\":\"property\""))
                    .toList();
            lines = new ArrayList<>(items.subList(0, Math.min(50, items.size())));
            lines.addAll(properties);
        }
        for (String line : lines) {
            Template t = template(line);
            copies.add(t);
            if (t.id.equals("Q30")) {
                q30 = t;
            }
        }
        if (q30 == null) {
            throw new IllegalStateException("no Q30 in " + dump);
        }
        if (mix.containsKey("edit")) {
            for (int i = 0; i < 64; i++) {
                HttpResponse<String> created = http.send(
                        write("POST", "/entities/items", smallItem(null, -i)), HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("create: " + created.statusCode() + " " + created.body());
                }
                editTargets.add(JSON.readTree(created.body()).path("id").asText());
            }
        }
        if (mix.containsKey("statement") || mix.containsKey("batch")) {
            statementHashes = statementHashes(List.of("Q42", "Q30", "Q45", "Q142", "Q60"), 500);
            batchBody = "{\"hashes\":[\"" + String.join("\",\"", statementHashes) + "\"]}";
        }
    }

    /** A dump line as a template: id, GUIDs, form and sense ids renamed; sitelink titles made unique. */
    private static Template template(String line) throws IOException {
        ObjectNode e = (ObjectNode) JSON.readTree(line);
        String id = e.path("id").asText();
        String type = e.path("type").asText();
        for (String field : List.of("lastrevid", "modified", "pageid", "ns", "title")) {
            e.remove(field);
        }
        e.put("id", "__ID__");
        JsonNode sitelinks = e.path("sitelinks");
        sitelinks.forEach(
                link -> ((ObjectNode) link).put("title", link.path("title").asText() + " __N__"));
        String json = JSON.writeValueAsString(e);
        // statement GUIDs (Q30$…) and form/sense ids (L1-F1) name their entity
        json = json.replace("\"" + id + "$", "\"__ID__$").replace("\"" + id + "-", "\"__ID__-");
        return new Template(id, type, json);
    }

    private List<String> statementHashes(List<String> entities, int limit) throws Exception {
        List<String> hashes = new ArrayList<>();
        Pattern hash = Pattern.compile("\"hash\":\"([0-9a-f]{64})\"");
        for (String entity : entities) {
            String properties = http.send(
                            get("/entities/" + entity + "/properties", null), HttpResponse.BodyHandlers.ofString())
                    .body();
            String ids = properties.replaceAll("(?s).*\\[(.*)].*", "$1").replace("\"", "");
            if (ids.isBlank()) {
                continue;
            }
            String statements = http.send(
                            get("/entities/" + entity + "/properties/" + ids, null),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher m = hash.matcher(statements);
            while (m.find() && hashes.size() < limit) {
                if (!hashes.contains(m.group(1))) {
                    hashes.add(m.group(1));
                }
            }
        }
        if (hashes.isEmpty()) {
            throw new IllegalStateException("no statement hashes: load the sample data first (./entitybase up)");
        }
        return hashes;
    }

    private static String smallItem(String id, int i) {
        String idField = id == null ? "" : "\"id\":\"" + id + "\",";
        return "{" + idField + "\"type\":\"item\",\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"soak item " + i
                + "\"}},\"descriptions\":{\"en\":{\"language\":\"en\",\"value\":\"edited by the soak\"}}}";
    }

    /** A string property with 300 labels and 300 descriptions (~50 KB), each unique to this request. */
    private static String property300(long n) {
        StringBuilder json = new StringBuilder("{\"type\":\"property\",\"datatype\":\"string\",\"labels\":{");
        for (int i = 0; i < 300; i++) {
            String lang = language(i);
            json.append(i == 0 ? "" : ",")
                    .append("\"")
                    .append(lang)
                    .append("\":{\"language\":\"")
                    .append(lang)
                    .append("\",\"value\":\"soak property ")
                    .append(n)
                    .append(" label in ")
                    .append(lang)
                    .append("\"}");
        }
        json.append("},\"descriptions\":{");
        for (int i = 0; i < 300; i++) {
            String lang = language(i);
            json.append(i == 0 ? "" : ",")
                    .append("\"")
                    .append(lang)
                    .append("\":{\"language\":\"")
                    .append(lang)
                    .append("\",\"value\":\"a property made by the soak, number ")
                    .append(n)
                    .append(", with a description in ")
                    .append(lang)
                    .append(" that is about this long\"}");
        }
        return json.append("}}").toString();
    }

    /** 300 distinct language codes of the form Wikibase accepts (two and three letters). */
    private static final List<String> LANGUAGES = languages();

    private static List<String> languages() {
        List<String> codes = new ArrayList<>(List.of("en", "de", "fr", "es", "it", "nl", "pl", "ru", "ja", "zh"));
        for (char a = 'a'; a <= 'z' && codes.size() < 300; a++) {
            for (char b = 'a'; b <= 'z' && codes.size() < 300; b++) {
                String code = "" + a + b + "x";
                codes.add(code);
            }
        }
        return codes;
    }

    private static String language(int i) {
        return LANGUAGES.get(i);
    }

    private static Map<String, Integer> mix(String spec) {
        Map<String, Integer> mix = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.split("=");
            mix.put(kv[0], Integer.parseInt(kv[1]));
        }
        return mix;
    }

    // ---------------------------------------------------------------- sampling

    private record ServiceSample(
            String name,
            long pid,
            long rssBytes,
            double liveHeapBytes,
            double heapUsedBytes,
            double gcPauseCount,
            double gcPauseSeconds,
            double gcPauseMaxSeconds) {}

    private record Sample(double at, List<ServiceSample> services) {
        String line() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "t=%4.0fs", at));
            for (ServiceSample s : services) {
                b.append(String.format(
                        Locale.ROOT,
                        " | %s rss %d heap-after-gc %.0f",
                        s.name.replace("-service", ""),
                        s.rssBytes / MIB,
                        s.liveHeapBytes / MIB));
            }
            return b.append(" (MiB)").toString();
        }
    }

    private Sample sample(double at) {
        Map<String, Long> pids = pids();
        List<ServiceSample> out = new ArrayList<>();
        boolean fullGc = Boolean.parseBoolean(options.getOrDefault("full-gc", "true"));
        for (int i = 0; i < PORTS.length; i++) {
            long pid = pids.getOrDefault(NAMES[i], -1L);
            if (fullGc && pid > 0) {
                fullGc(pid);
            }
            Map<String, Double> metrics = metrics(PORTS[i]);
            if (fullGc) {
                // right after a full collection the heap in use is the live set: the heap after GC
                metrics.put("jvm_gc_live_data_size_bytes", metrics.getOrDefault("heap_used", Double.NaN));
            }
            out.add(new ServiceSample(
                    NAMES[i],
                    pid,
                    rss(pid),
                    metrics.getOrDefault("jvm_gc_live_data_size_bytes", Double.NaN),
                    metrics.getOrDefault("heap_used", Double.NaN),
                    metrics.getOrDefault("jvm_gc_pause_seconds_count", Double.NaN),
                    metrics.getOrDefault("jvm_gc_pause_seconds_sum", Double.NaN),
                    metrics.getOrDefault("jvm_gc_pause_seconds_max", Double.NaN)));
        }
        return new Sample(at, out);
    }

    /** {@code jcmd <pid> GC.run}: a full collection, so that the heap in use is what survives one. */
    private static void fullGc(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("jcmd " + pid + " GC.run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The pid of each service: the java process whose command line sets its port. */
    private static Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String cmdline;
                try {
                    cmdline = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                } catch (IOException e) {
                    continue;
                }
                for (int i = 0; i < PORTS.length; i++) {
                    if (cmdline.contains("-Dquarkus.http.port=" + PORTS[i] + " ")) {
                        pids.put(NAMES[i], Long.parseLong(name));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("listing /proc", e);
        }
        return pids;
    }

    private static long rss(long pid) {
        if (pid < 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** The service's Micrometer figures this report needs, summed over tags. */
    private Map<String, Double> metrics(int port) {
        Map<String, Double> out = new LinkedHashMap<>();
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String line : r.body().split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                int space = line.lastIndexOf(' ');
                String key = line.substring(0, space);
                double value = Double.parseDouble(line.substring(space + 1));
                String name = key.contains("{") ? key.substring(0, key.indexOf('{')) : key;
                if (name.equals("jvm_memory_used_bytes") && key.contains("area=\"heap\"")) {
                    out.merge("heap_used", value, Double::sum);
                } else if (name.equals("jvm_gc_pause_seconds_max")) {
                    out.merge(name, value, Math::max);
                } else if (name.equals("jvm_gc_live_data_size_bytes")
                        || name.equals("jvm_gc_pause_seconds_count")
                        || name.equals("jvm_gc_pause_seconds_sum")) {
                    out.merge(name, value, Double::sum);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a service that does not answer shows as NaN; its process check tells whether it exited
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    // ---------------------------------------------------------------- report

    private int report(
            int seconds,
            List<Sample> samples,
            Map<String, Long> pidsAtStart,
            Map<String, LatencyLog> latencies,
            GiantResult giant) {
        boolean failed = false;
        System.out.printf("%n%-22s %9s %8s %8s  %s%n", "operation", "requests", "p50 ms", "p99 ms", "statuses");
        long shed = 0;
        long otherServerErrors = 0;
        for (String name : new TreeMap<>(operations).keySet()) {
            Operation o = operations.get(name);
            LatencyLog l = latencies.getOrDefault(name, new LatencyLog());
            Map<Integer, Long> statuses = new TreeMap<>();
            o.statuses.forEach((k, v) -> statuses.put(k, v.sum()));
            System.out.printf(
                    Locale.ROOT,
                    "%-22s %9d %8.1f %8.1f  %s%s%n",
                    name,
                    l.size(),
                    l.percentileMillis(0.50),
                    l.percentileMillis(0.99),
                    statuses,
                    o.ioErrors.sum() > 0 ? " io-errors=" + o.ioErrors.sum() : "");
            for (Map.Entry<Integer, Long> e : statuses.entrySet()) {
                if (e.getKey() == 503) {
                    shed += e.getValue() - o.shedWithoutRetryAfter.sum();
                    otherServerErrors += o.shedWithoutRetryAfter.sum();
                } else if (e.getKey() >= 500) {
                    otherServerErrors += e.getValue();
                }
            }
            otherServerErrors += o.ioErrors.sum();
        }
        System.out.printf("503 with Retry-After (shed): %d; other 5xx and I/O errors: %d%n", shed, otherServerErrors);
        failed |= otherServerErrors > 0;
        if (giant.bytes > 0) {
            System.out.printf(
                    "giant item (%d bytes): %d written, statuses %s, attempts %s, ms per write %s%s%n",
                    giant.bytes,
                    giant.written,
                    giant.statuses,
                    giant.attempts,
                    giant.latenciesMs,
                    giant.error == null ? "" : ", error " + giant.error);
            failed |= giant.written == 0;
        }

        Map<String, Long> pidsAtEnd = pids();
        System.out.printf(
                "%n%-19s %8s %8s %14s %14s %12s %10s %10s%n",
                "service", "rss MiB", "max rss", "heap@gc min 2", "heap@gc last", "change", "gc pauses", "gc max ms");
        for (int i = 0; i < NAMES.length; i++) {
            String name = NAMES[i];
            int index = i;
            if (!pidsAtEnd.containsKey(name) || !pidsAtEnd.get(name).equals(pidsAtStart.get(name))) {
                System.out.printf(
                        "%s: process %s at start, %s at the end: EXITED%n",
                        name, pidsAtStart.get(name), pidsAtEnd.get(name));
                failed = true;
            }
            double minute2 = average(samples, index, 60, 120);
            double last = average(samples, index, seconds - 60, seconds + 60);
            ServiceSample end = samples.get(samples.size() - 1).services.get(index);
            long maxRss = samples.stream()
                    .mapToLong(s -> s.services.get(index).rssBytes)
                    .max()
                    .orElse(-1);
            double change = (last - minute2) / minute2;
            System.out.printf(
                    Locale.ROOT,
                    "%-19s %8d %8d %14.1f %14.1f %11.1f%% %10.0f %10.0f%n",
                    name,
                    end.rssBytes / MIB,
                    maxRss / MIB,
                    minute2 / MIB,
                    last / MIB,
                    100 * change,
                    end.gcPauseCount,
                    end.gcPauseMaxSeconds * 1000);
            if (seconds >= 180 && change > 0.10) {
                System.out.printf(
                        "%s: heap after GC grew %.1f %% from minute two to the last minute%n", name, 100 * change);
                failed = true;
            }
        }
        System.out.println(failed ? "SOAK FAILED" : "SOAK PASSED");
        return failed ? 1 : 0;
    }

    /** Mean heap after GC of one service over the samples taken in [from, to) seconds. */
    private static double average(List<Sample> samples, int service, double from, double to) {
        return samples.stream()
                .filter(s -> s.at >= from && s.at < to)
                .mapToDouble(s -> s.services.get(service).liveHeapBytes)
                .filter(v -> !Double.isNaN(v))
                .average()
                .orElse(Double.NaN);
    }

    private static final class LatencyLog {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized int size() {
            return size;
        }

        synchronized double percentileMillis(double p) {
            if (size == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int index = (int) Math.min(size - 1, Math.ceil(p * size) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }
}
