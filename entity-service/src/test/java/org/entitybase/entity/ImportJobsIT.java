package org.entitybase.entity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.entitybase.entity.support.EntityDatabase;
import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.FixtureEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.reader;
import static org.entitybase.entity.support.Api.writer;

/**
 * Bulk import jobs ({@code /import/jobs}, issue 14) against the real stack: bad lines reported by line number while
 * the rest imports, a part sent again after a kill imported once, and eight jobs of the largest real entities at once
 * (the sample dump imported in parts and read back equal: WikidataRoundTripIT, with this class's client side).
 */
@QuarkusTest
class ImportJobsIT {

    private static final long USER = 14;

    /** One part of a dump: the number of its first line and its text (whole lines). */
    record Part(long firstLine, String text) {}

    @Test
    void badLinesAreReportedWithTheirLineNumbersAndTheRestImports() {
        String fresh = "Q" + (8_000_000_000L + System.nanoTime() % 1_000_000_000L);
        String existing = EntityApiIT.createdId("items", EntityApiIT.item("to be imported over"));
        String protectedId = EntityApiIT.createdId("items", EntityApiIT.item("mass edit protected"));
        assertThat(writer(USER)
                        .body("{\"mass_edit_protected\":true}")
                        .put(path("/entities/" + protectedId + "/protection"))
                        .statusCode())
                .isEqualTo(200);
        List<String> dump = dumpLines(List.of(
                EntityApiIT.withId(EntityApiIT.item("imported new"), fresh), // line 2
                "{\"type\":\"item\",\"id\":\"Q1\",\"labels\":{\"en\":", // 3: truncated
                EntityApiIT.item("no id"), // 4
                EntityApiIT.withId(EntityApiIT.item("imported over"), existing), // 5
                EntityApiIT.withId(EntityApiIT.item("twice"), fresh), // 6: duplicate id
                EntityApiIT.withId(EntityApiIT.item("refused"), protectedId))); // 7

        JsonPath job = run(List.of(new Part(1, String.join("\n", dump) + "\n")), dump.size(), true);

        assertThat(job.getLong("created")).isEqualTo(1);
        assertThat(job.getLong("updated")).isEqualTo(1);
        assertThat(job.getLong("failed")).isEqualTo(4);
        assertThat(job.getList("errors.line", Integer.class)).containsExactly(3, 4, 6, 7);
        assertThat(job.getList("errors.status", Integer.class)).containsExactly(400, 400, 409, 423);
        assertThat(job.getList("errors.error.code", String.class))
                .containsExactly("invalid-json", "missing-field", "duplicate-id", "mass-edit-protected");
        assertThat(job.getInt("errors[2].error.context.first_line")).isEqualTo(2);

        assertThat(label(fresh)).isEqualTo("imported new");
        assertThat(label(existing)).isEqualTo("imported over");
        assertThat(label(protectedId)).isEqualTo("mass edit protected");
    }

    @Test
    void aPartSentAgainAfterAKillIsImportedOnce() {
        List<String> ids = new ArrayList<>();
        List<String> jsons = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = "Q" + (7_000_000_000L + System.nanoTime() % 1_000_000_000L);
            ids.add(id);
            jsons.add(EntityApiIT.withId(EntityApiIT.item("resumed " + i), id));
        }
        List<String> dump = dumpLines(jsons);
        // entity-service killed mid-part: two of its entities were committed, the job's cursor was not moved
        for (String json : jsons.subList(0, 2)) {
            assertThat(writer(USER).body(json).post(path("/import")).statusCode())
                    .isEqualTo(201);
        }
        Response started = writer(USER).post(path("/import/jobs?total_lines=" + dump.size()));
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(201);
        long job = started.jsonPath().getLong("id");
        String text = String.join("\n", dump) + "\n";

        JsonPath first = sendPart(job, new Part(1, text), true);
        assertThat(first.getLong("part.unchanged")).isEqualTo(2); // same content: no second revision
        assertThat(first.getLong("part.created")).isEqualTo(2);
        // the client killed before it saw the answer sends the part again: the job has it already
        Response again = writer(USER).body(text).post(path("/import/jobs/" + job + "/parts?from=1"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.jsonPath().getString("code")).isEqualTo("import-job-done");

        for (String id : ids) {
            JsonPath history =
                    reader().get(path("/entities/" + id + "/history")).jsonPath();
            assertThat(history.getList("revisions")).as(id).hasSize(1);
        }
        JsonPath progress = reader().get(path("/import/jobs/" + job)).jsonPath();
        assertThat(progress.getLong("entities_done")).isEqualTo(4);
        assertThat(progress.getLong("committed_line")).isEqualTo(dump.size());
    }

    @Test
    void aResentPartSkipsTheLinesTheJobCommittedAndAGapIsRefused() {
        String id = "Q" + (6_000_000_000L + System.nanoTime() % 1_000_000_000L);
        String line = EntityApiIT.withId(EntityApiIT.item("cursor"), id).replace("\n", "");
        Response started = writer(USER).body("[\n" + line + ",\n").post(path("/import/jobs"));
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(201);
        long job = started.jsonPath().getLong("id");
        assertThat(started.jsonPath().getLong("committed_line")).isEqualTo(2);

        Response gap = writer(USER).body("]\n").post(path("/import/jobs/" + job + "/parts?from=9"));
        assertThat(gap.statusCode()).isEqualTo(409);
        assertThat(gap.jsonPath().getLong("context.next_line")).isEqualTo(3);

        JsonPath resent = sendPart(job, new Part(1, "[\n" + line + ",\n]\n"), true);
        assertThat(resent.getLong("part.created") + resent.getLong("part.unchanged"))
                .isZero();
        assertThat(resent.getLong("committed_line")).isEqualTo(3);
        assertThat(resent.getString("state")).isEqualTo("done");
    }

    /**
     * Two new items of one part claim the same sitelink: their commits share a group transaction, which fails; the
     * group is committed again one by one, so one of them is stored, the other reported on its line (409), and every
     * other entity of the part is stored once, with one revision and one event row.
     */
    @Test
    void aGroupWithAFailingCommitStoresTheOthersAndReportsThatLine() {
        long base = 5_000_000_000L + System.nanoTime() % 1_000_000_000L;
        String title = "Group commit " + base;
        List<String> ids = new ArrayList<>();
        List<String> jsons = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = "Q" + (base + i);
            ids.add(id);
            String sitelinks = i == 3 || i == 8
                    ? "{\"enwiki\":{\"site\":\"enwiki\",\"title\":\"" + title + "\",\"badges\":[]}}"
                    : "{}";
            jsons.add(EntityApiIT.withId(EntityApiIT.item("grouped " + i), id)
                    .replace("\"sitelinks\":{}", "\"sitelinks\":" + sitelinks));
        }
        List<String> dump = dumpLines(jsons);

        JsonPath job = run(List.of(new Part(1, String.join("\n", dump) + "\n")), dump.size(), false);

        assertThat(job.getLong("created")).isEqualTo(11);
        assertThat(job.getLong("failed")).isEqualTo(1);
        assertThat(job.getList("errors.line", Integer.class))
                .containsAnyOf(5, 10)
                .hasSize(1);
        assertThat(job.getList("errors.error.code", String.class)).containsExactly("sitelink-conflict");
        String refused = ids.get(job.getInt("errors[0].line") == 5 ? 3 : 8);
        for (String id : ids) {
            long revisions = EntityDatabase.count("SELECT COUNT(*) FROM entity_revisions WHERE entity_id = ?", id);
            long events = EntityDatabase.count("SELECT COUNT(*) FROM outbox WHERE event_key = ?", id);
            assertThat(revisions).as(id).isEqualTo(id.equals(refused) ? 0 : 1);
            assertThat(events).as(id).isEqualTo(revisions);
        }
    }

    @Test
    void eightJobsOfTheLargestEntitiesAtOnceAllFinish() throws Exception {
        // the largest real entity (Q30, ~700 KB) in every job: eight of its imports at once, as admission allows
        List<FixtureEntity> largest = sample().stream()
                .sorted(Comparator.comparingInt((FixtureEntity f) -> f.json().length())
                        .reversed())
                .limit(1)
                .toList();
        assertThat(largest.get(0).json().length()).isGreaterThan(500_000);
        List<String> dump = dumpLines(largest.stream().map(FixtureEntity::json).toList());
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonPath>> jobs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                jobs.add(clients.submit(() -> run(parts(dump, 1), dump.size(), true)));
            }
            for (Future<JsonPath> job : jobs) {
                JsonPath done = job.get();
                assertThat(done.getString("state")).isEqualTo("done");
                assertThat(done.getLong("entities_done")).as(done.prettify()).isEqualTo(largest.size());
                assertThat(done.getLong("failed")).as(done.prettify()).isZero();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- the client side

    /** The sample entities, properties first (their datatypes check the others' values). */
    static List<FixtureEntity> sample() {
        List<FixtureEntity> fixtures = new ArrayList<>(WikidataFixtures.entities());
        fixtures.sort(Comparator.comparing(f -> !"property".equals(f.type())));
        return fixtures;
    }

    /** Wikidata's dump format: {@code [}, one entity a line ending in a comma (but the last), {@code ]}. */
    static List<String> dumpLines(List<String> entities) {
        List<String> lines = new ArrayList<>();
        lines.add("[");
        for (int i = 0; i < entities.size(); i++) {
            String json = entities.get(i).replace("\n", "");
            lines.add(i < entities.size() - 1 ? json + "," : json);
        }
        lines.add("]");
        return lines;
    }

    /** Whole lines, at most {@code maxBytes} a part (or one line, if longer). */
    static List<Part> parts(List<String> lines, int maxBytes) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        long first = 1;
        for (int i = 0; i < lines.size(); i++) {
            if (!text.isEmpty() && text.length() + lines.get(i).length() > maxBytes) {
                parts.add(new Part(first, text.toString()));
                text.setLength(0);
                first = i + 1;
            }
            text.append(lines.get(i)).append('\n');
        }
        parts.add(new Part(first, text.toString()));
        return parts;
    }

    /** Starts a job, sends the parts (gzip'd if asked), the last one marked; the job's final state. */
    static JsonPath run(List<Part> parts, long totalLines, boolean gzip) {
        Response started = writer(USER)
                .header("X-Edit-Summary", "bulk import IT")
                .post(path("/import/jobs?total_lines=" + totalLines));
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(201);
        long job = started.jsonPath().getLong("id");
        assertThat(started.header("Location")).endsWith("/import/jobs/" + job);
        for (int i = 0; i < parts.size(); i++) {
            sendPart(job, parts.get(i), i == parts.size() - 1, gzip);
        }
        Response progress = reader().get(path("/import/jobs/" + job));
        assertThat(progress.statusCode()).isEqualTo(200);
        return progress.jsonPath();
    }

    static JsonPath sendPart(long job, Part part, boolean last) {
        return sendPart(job, part, last, false);
    }

    /** One part; a 503 (admission control at its budget) is sent again after its Retry-After, as the CLI does. */
    static JsonPath sendPart(long job, Part part, boolean last, boolean gzip) {
        byte[] body = part.text().getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; ; attempt++) {
            var request = writer(USER).contentType("application/x-ndjson");
            if (gzip) {
                request = request.header("Content-Encoding", "gzip");
            }
            Response response = request.body(gzip ? gzipped(body) : body)
                    .post(path("/import/jobs/" + job + "/parts?from=" + part.firstLine() + "&last=" + last));
            if (response.statusCode() == 503 && attempt < 20) {
                sleep(Long.parseLong(response.header("Retry-After")) * 1000);
                continue;
            }
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            return response.jsonPath();
        }
    }

    private static String label(String id) {
        return reader().get(path("/entities/" + id)).jsonPath().getString("labels.en.value");
    }

    private static byte[] gzipped(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
