package org.entitybase.bench.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.FixtureEntity;
import org.entitybase.testkit.WikidataFixtures.FixtureRevision;
import org.entitybase.testkit.stack.EntityServiceUnderTest;
import org.entitybase.testkit.stack.LocalStack;

/**
 * What revisions cost in S3, measured through the API: bytes stored against the same revisions inline as full JSON,
 * S3 PUTs per edit and S3 GETs per cold read. Starts its own id-allocator and entity-service (packaged jars, fresh
 * databases) with every cache off, so each read is cold and the S3 request counter
 * ({@code entitybase_s3_requests_total} on {@code /q/metrics}) shows exactly what one read costs. Needs the local
 * stack ({@code ./entitybase stack up}) and the packaged services:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.entitybase.bench.load.StorageReport [edits-per-entity, default 20]
 * </pre>
 *
 * Two workloads: the real revision histories of {@code ../shared/data/wikidata/revisions.ndjson.gz} in order, and
 * every real entity of {@code entities.ndjson.gz} followed by small edits (one description changed per edit, what
 * most Wikidata edits look like). Pack sizes come from the local s3proxy's file store ({@code .stack/data/s3}).
 */
public final class StorageReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern S3_REQUESTS =
            Pattern.compile("^entitybase_s3_requests_total\\{([^}]*)}\\s+([0-9.eE+]+)$", Pattern.MULTILINE);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final EntityServiceUnderTest service;
    private final Path revisionsStore;

    private StorageReport(EntityServiceUnderTest service, Path revisionsStore) {
        this.service = service;
        this.revisionsStore = revisionsStore;
    }

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        LocalStack stack = LocalStack.current();
        Path store = stack.stackDir()
                .orElseThrow(() -> new IllegalStateException("no .stack: run ./entitybase stack up"))
                .resolve("data/s3")
                .resolve(stack.s3RevisionsBucket());
        Map<String, String> coldCaches = Map.of(
                "ENTITYBASE_ENTITY_STORAGE_PACK_CACHE_SIZE", "0",
                "ENTITYBASE_ENTITY_STORAGE_ENTITY_CACHE_SIZE", "0",
                "ENTITYBASE_ENTITY_STORAGE_JSON_CACHE_SIZE", "0");
        try (EntityServiceUnderTest service = EntityServiceUnderTest.start("storage_report", coldCaches)) {
            StorageReport report = new StorageReport(service, store);
            System.out.printf(Locale.ROOT, "storage report: %d cores, %s%n", cores(), Runtime.version());
            report.printHeader();
            report.measure("real histories (revisions.ndjson.gz)", report.realHistories());
            report.measure("entities.ndjson.gz + " + edits + " small edits each", report.entitiesWithSmallEdits(edits));
        }
    }

    /** One entity's revisions, oldest first, as Wikibase JSON documents to import in order. */
    private record History(String id, List<String> revisions) {}

    private List<History> realHistories() {
        Map<String, List<FixtureRevision>> byEntity = new LinkedHashMap<>();
        for (FixtureRevision revision : WikidataFixtures.revisions()) {
            byEntity.computeIfAbsent(revision.id(), k -> new ArrayList<>()).add(revision);
        }
        List<History> histories = new ArrayList<>();
        byEntity.forEach((id, revisions) -> {
            revisions.sort(Comparator.comparingLong(FixtureRevision::revision));
            histories.add(new History(
                    id, revisions.stream().map(r -> r.entity().json()).toList()));
        });
        return histories;
    }

    private List<History> entitiesWithSmallEdits(int edits) {
        List<History> histories = new ArrayList<>();
        for (FixtureEntity entity : WikidataFixtures.entities()) {
            List<String> revisions = new ArrayList<>();
            revisions.add(entity.json());
            for (int i = 1; i <= edits; i++) {
                revisions.add(withDescription(entity.json(), "storage report edit " + i));
            }
            histories.add(new History(entity.id(), revisions));
        }
        return histories;
    }

    private static String withDescription(String json, String value) {
        try {
            ObjectNode entity = (ObjectNode) JSON.readTree(json);
            String field = "lexeme".equals(entity.path("type").asText()) ? "lemmas" : "descriptions";
            ObjectNode terms = entity.has(field) && entity.get(field).isObject()
                    ? (ObjectNode) entity.get(field)
                    : entity.putObject(field);
            terms.putObject("en").put("language", "en").put("value", value);
            return JSON.writeValueAsString(entity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void printHeader() {
        System.out.printf(
                Locale.ROOT,
                "%-44s %6s %9s %12s %12s %12s %7s %7s %9s %9s%n",
                "workload",
                "ents",
                "revisions",
                "inline B",
                "inline gz B",
                "S3 packs B",
                "saved",
                "PUT/ed",
                "GET max",
                "GET mean");
    }

    private void measure(String workload, List<History> histories) throws Exception {
        long putsBefore = s3Requests("put");
        int revisions = 0;
        Map<String, List<Long>> written = new LinkedHashMap<>();
        for (History history : histories) {
            for (String revision : history.revisions) {
                HttpResponse<String> imported = send(HttpRequest.newBuilder(URI.create(service.apiUrl() + "/import"))
                        .header("Content-Type", "application/json")
                        .header("X-User-ID", "1")
                        .POST(HttpRequest.BodyPublishers.ofString(revision))
                        .build());
                if (imported.statusCode() != 200 && imported.statusCode() != 201) {
                    throw new IllegalStateException(history.id + ": " + imported.statusCode() + " " + imported.body());
                }
                written.computeIfAbsent(history.id, k -> new ArrayList<>())
                        .add(Long.parseLong(
                                imported.headers().firstValue("X-Revision-ID").orElseThrow()));
                revisions++;
            }
        }
        long puts = s3Requests("put") - putsBefore;

        long inline = 0;
        long inlineGzip = 0;
        Set<String> packs = new HashSet<>();
        List<Long> getsPerColdRead = new ArrayList<>();
        for (Map.Entry<String, List<Long>> entity : written.entrySet()) {
            JsonNode history = JSON.readTree(get("/entities/" + entity.getKey() + "/history?limit=500")
                            .body())
                    .path("revisions");
            Map<Long, String> contentHashes = new LinkedHashMap<>();
            history.forEach(r -> contentHashes.put(
                    r.path("revision_id").asLong(), r.path("content_hash").asText()));
            for (long revision : new HashSet<>(entity.getValue())) {
                long before = s3Requests("get");
                HttpResponse<String> read = get("/entities/" + entity.getKey() + "/revision/" + revision);
                getsPerColdRead.add(s3Requests("get") - before);
                if (read.statusCode() != 200) {
                    throw new IllegalStateException(entity.getKey() + "/" + revision + ": " + read.statusCode());
                }
                byte[] body = read.body().getBytes(StandardCharsets.UTF_8);
                inline += body.length;
                inlineGzip += gzip(body);
                packs.add(contentHashes.get(revision));
            }
            long before = s3Requests("get");
            get("/entities/" + entity.getKey());
            getsPerColdRead.add(s3Requests("get") - before);
        }
        long packBytes = 0;
        for (String hash : packs) {
            packBytes += Files.size(revisionsStore.resolve("revision/" + hash.substring(0, 2) + "/" + hash));
        }
        long[] gets = getsPerColdRead.stream().mapToLong(Long::longValue).toArray();
        System.out.printf(
                Locale.ROOT,
                "%-44s %6d %9d %12d %12d %12d %6.1f%% %7.2f %9d %9.2f%n",
                workload,
                written.size(),
                revisions,
                inline,
                inlineGzip,
                packBytes,
                100.0 * (1 - (double) packBytes / inline),
                (double) puts / revisions,
                Arrays.stream(gets).max().orElse(0),
                Arrays.stream(gets).average().orElse(0));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(service.apiUrl() + path))
                .GET()
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** entity-service's S3 request counter for one operation ({@code get} or {@code put}), summed over its tags. */
    private long s3Requests(String op) throws Exception {
        String metrics = http.send(
                        HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        double total = 0;
        Matcher m = S3_REQUESTS.matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains("op=\"" + op + "\"")) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return (long) total;
    }

    private static long gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
