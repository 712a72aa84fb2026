package org.entitybase.entity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import org.entitybase.entity.support.EntityDatabase;
import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.FixtureEntity;
import org.entitybase.testkit.http.RawHttpConnection;
import org.entitybase.testkit.stack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;

/**
 * {@code GET /export} (issue 14) against the real stack, in a database of its own (the other ITs' entities share the
 * usual one): the sample dump imported, exported, imported into the emptied store and exported again gives the same
 * bytes; gzip, one type, {@code since} and bad parameters; parallel clients of the largest entities.
 */
@QuarkusTest
@TestProfile(ExportRoundTripIT.OwnStore.class)
class ExportRoundTripIT {

    static final String DATABASE = "entitybase_test_export";

    /** The service on an empty database of its own. */
    public static class OwnStore implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmptyDatabase.class));
        }
    }

    /** Creates {@link #DATABASE} empty and points the service at it (Flyway migrates it at start). */
    public static class EmptyDatabase implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            LocalStack stack = LocalStack.current();
            stack.recreateDatabase(DATABASE);
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    stack.jdbcUrl(DATABASE),
                    "quarkus.datasource.reactive.url",
                    "mysql://" + stack.dbHost() + ":" + stack.dbPort() + "/" + DATABASE);
        }

        @Override
        public void stop() {}
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void anExportImportedIntoAnEmptyStoreExportsTheSameBytes() throws Exception {
        emptyTheStore(); // of what this class's other tests left
        List<FixtureEntity> sample = ImportJobsIT.sample();
        importDump(
                ImportJobsIT.dumpLines(sample.stream().map(FixtureEntity::json).toList()));

        byte[] first = export("", false);
        String text = new String(first, StandardCharsets.UTF_8);
        assertThat(text).startsWith("[\n{").endsWith("}\n]\n");
        List<String> lines = List.of(text.split("\n"));
        assertThat(lines).hasSize(WikidataFixtures.entities().size() + 2);
        assertThat(lines.subList(1, lines.size() - 2)).allMatch(line -> line.endsWith("},"));
        // properties first (an import needs them before the statements that use them), then items, then lexemes
        List<String> types = lines.subList(1, lines.size() - 1).stream()
                .map(line -> JsonPath.from(line.endsWith(",") ? line.substring(0, line.length() - 1) : line)
                        .getString("type"))
                .toList();
        assertThat(types).isSortedAccordingTo((a, b) -> Integer.compare(rank(a), rank(b)));
        assertThat(gunzip(export("", true))).isEqualTo(first);

        emptyTheStore();
        assertThat(export("", false)).asString().isEqualTo("[\n]\n");
        importDump(lines);

        assertThat(export("", false)).isEqualTo(first);
    }

    @Test
    void oneTypeSinceATimeAndBadParameters() throws Exception {
        String property = EntityApiIT.createdId("properties", EntityApiIT.property("string", "exported property"));
        String[] lines = new String(export("?type=property", false), StandardCharsets.UTF_8).split("\n");
        assertThat(Arrays.stream(lines, 1, lines.length - 1)).allMatch(line -> line.contains("\"type\":\"property\""));
        assertThat(Arrays.stream(lines).anyMatch(line -> line.contains("\"id\":\"" + property + "\"")))
                .isTrue();

        assertThat(export("?since=2999-01-01T00:00:00Z", false)).asString().isEqualTo("[\n]\n");
        assertThat(new String(export("?type=property&since=2000-01-01T00:00:00Z", false), StandardCharsets.UTF_8))
                .contains("\"id\":\"" + property + "\"");

        for (String bad : List.of("?type=form", "?since=yesterday", "?format=ttl")) {
            var response = RestAssured.given().get(path("/export" + bad));
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.jsonPath().getString("code")).as(bad).isNotBlank();
            assertThat(response.jsonPath().getString("message")).as(bad).isNotBlank();
        }
    }

    /**
     * Six clients at once, gzip'd, of a store with the largest real entities (Q30 and the sample): exports beyond
     * {@code max-concurrent} are 503 with Retry-After and, sent again, all give the same dump.
     */
    @Test
    void parallelClientsAllGetTheWholeDump() throws Exception {
        List<FixtureEntity> sample = ImportJobsIT.sample();
        importDump(
                ImportJobsIT.dumpLines(sample.stream().map(FixtureEntity::json).toList()));
        byte[] expected = export("", false);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<byte[]>> exports = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                exports.add(clients.submit(() -> gunzip(export("", true))));
            }
            for (Future<byte[]> export : exports) {
                assertThat(export.get()).isEqualTo(expected);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * Clients that hang up at once, more of them than {@code max-concurrent}: each export's slot comes back and the
     * next client is served. (Here the body has started when the hang-up is seen; the end handler that frees a slot
     * whose body never started is not reached by this test.)
     */
    @Test
    void clientsThatHangUpEarlyGiveTheirSlotsBack() throws Exception {
        for (int i = 0; i < 6; i++) {
            try (RawHttpConnection connection =
                    RawHttpConnection.open(URI.create(RestAssured.baseURI + ":" + RestAssured.port))) {
                connection.send("GET", path("/export"), Map.of(), null);
            }
        }
        assertThat(new String(export("?type=property", false), StandardCharsets.UTF_8))
                .startsWith("[");
    }

    private static int rank(String type) {
        return switch (type) {
            case "property" -> 0;
            case "item" -> 1;
            default -> 2;
        };
    }

    private static void importDump(List<String> lines) {
        JsonPath job = ImportJobsIT.run(ImportJobsIT.parts(lines, 512 * 1024), lines.size(), true);
        assertThat(job.getString("state")).isEqualTo("done");
        assertThat(job.getLong("failed")).as(job.prettify()).isZero();
    }

    /** The export's bytes as sent (gzip'd when asked); a 503 is asked again after its Retry-After. */
    static byte[] export(String query, boolean gzip) throws IOException, InterruptedException {
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + path("/export" + query));
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
            if (gzip) {
                request.header("Accept-Encoding", "gzip");
            }
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 503 && attempt < 60) {
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                Thread.sleep(500);
                continue;
            }
            assertThat(response.statusCode())
                    .as(new String(response.body(), StandardCharsets.UTF_8))
                    .isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Encoding"))
                    .isEqualTo(gzip ? java.util.Optional.of("gzip") : java.util.Optional.empty());
            return response.body();
        }
    }

    static byte[] gunzip(byte[] gzipped) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }

    /** Every row of the service's own tables but Flyway's: an empty store (packs in S3 are content-addressed). */
    private static void emptyTheStore() throws SQLException {
        List<String> tables = EntityDatabase.strings(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                        + " AND table_name NOT LIKE 'flyway%'",
                DATABASE);
        try (Connection connection = EntityDatabase.connect();
                Statement sql = connection.createStatement()) {
            for (String table : tables) {
                sql.execute("DELETE FROM " + table);
            }
        }
    }
}
