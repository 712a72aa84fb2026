package org.entitybase.stats;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.model.event.EntityChangeEventCodec;
import org.entitybase.stats.support.StatsStack;
import org.entitybase.testkit.stack.LocalStack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * stats-workers on the real write path (entity-service and id-allocator jars, Kafka, MariaDB, S3): three users create,
 * edit, delete and redirect; entity-service's events are replayed to stats-workers' topic, the first half moved to
 * yesterday (the daily jobs finalise past days only). The figures, the jobs' finalised day, a rebuild (from scratch:
 * every revision read again from S3) and the numbers the script implies all agree; redelivered events change nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = StatsStack.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DailyStatsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long ALICE = 11, BOB = 12, CAROL = 13;
    private static final String A = "Q990100001", B = "Q990100002", C = "Q990100003";

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final LocalDate YESTERDAY = TODAY.minusDays(1);

    /** entity-service's events of the script, in the order they were made. */
    private static final List<EntityChangeEvent> EVENTS = new ArrayList<>();

    @Test
    @Order(1)
    void figuresAfterAScriptedSeriesByThreeUsers() throws Exception {
        // yesterday: each user creates one item
        importEntity(ALICE, item(A, 2, true));
        importEntity(BOB, item(B, 1, false));
        importEntity(CAROL, item(C, 0, false));
        // today: Bob adds a statement to A, Carol deletes B, Alice redirects C to A
        importEntity(BOB, item(A, 3, true));
        entities(CAROL).delete(entityApi("/entities/" + B)).then().statusCode(200);
        entities(ALICE)
                .body("{\"from\":\"" + C + "\",\"to\":\"" + A + "\"}")
                .post(entityApi("/redirects"))
                .then()
                .statusCode(200);

        EVENTS.addAll(readEvents(StatsStack.entities().entityChangeTopic(), 6));
        assertThat(EVENTS)
                .extracting(e -> e.changeType().jsonName())
                .containsExactly("create", "create", "create", "edit", "delete", "redirect");
        for (int i = 0; i < EVENTS.size(); i++) {
            EntityChangeEvent e = EVENTS.get(i);
            publish(i < 3 ? at(e, Instant.parse(e.timestamp()).minus(Duration.ofDays(1))) : e);
        }
        awaitRevisions(6);

        // today's figures are live before any job ran
        JsonPath today = given().get("/v1/entitybase/stats/daily?from=" + TODAY + "&to=" + TODAY)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(today.getInt("days[0].activity.revisions")).isEqualTo(3);
        assertThat(today.getInt("days[0].activity.edits")).isEqualTo(1);
        assertThat(today.getInt("days[0].activity.deletions")).isEqualTo(1);
        assertThat(today.getInt("days[0].activity.redirects_created")).isEqualTo(1);
        assertThat(today.getString("days[0].finalized_at")).isNull();
        given().get("/v1/entitybase/stats").then().statusCode(200).body("day", equalTo(null));

        // the daily jobs, triggered as a test does
        given().post("/internal/stats/jobs/user-stats").then().statusCode(200).body("days_finalized", equalTo(1));
        given().post("/internal/stats/jobs/general-stats")
                .then()
                .statusCode(200)
                .body("days_finalized", equalTo(1));

        JsonPath stats = given().get("/v1/entitybase/stats")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(stats.getString("day")).isEqualTo(YESTERDAY.toString());
        assertThat(stats.getString("finalized_at")).isNotNull();
        assertThat(stats.getInt("activity.revisions")).isEqualTo(3);
        assertThat(stats.getInt("activity.edits")).isEqualTo(3);
        assertThat(stats.getInt("activity.entities_created")).isEqualTo(3);
        assertThat(stats.getInt("activity.active_users")).isEqualTo(3);
        assertThat(stats.getInt("activity.new_users")).isEqualTo(3);
        assertThat(stats.getInt("totals.entities.item")).isEqualTo(3);
        assertThat(stats.getInt("totals.entities.property")).isZero();
        assertThat(stats.getInt("totals.statements")).isEqualTo(3);
        assertThat(stats.getInt("totals.sitelinks")).isEqualTo(1);
        assertThat(stats.getInt("totals.redirects")).isZero();
        assertThat(stats.getInt("totals.deleted")).isZero();

        // per user: Bob created B yesterday (1 statement) and added one statement to A today
        JsonPath bob = given().get("/v1/entitybase/users/" + BOB + "/stats?from=" + YESTERDAY + "&to=" + TODAY)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(bob.getList("days.day")).containsExactly(YESTERDAY.toString(), TODAY.toString());
        assertThat(bob.getInt("days[0].entities_created")).isEqualTo(1);
        assertThat(bob.getInt("days[0].statements_added")).isEqualTo(1);
        assertThat(bob.getInt("days[1].edits")).isEqualTo(1);
        assertThat(bob.getInt("days[1].entities_created")).isZero();
        assertThat(bob.getInt("days[1].statements_added")).isEqualTo(1);
        assertThat(bob.getInt("days[1].by_type.item.revisions")).isEqualTo(1);
        assertThat(bob.getInt("totals.revisions")).isEqualTo(2);
        JsonPath alice = given().get("/v1/entitybase/users/" + ALICE + "/stats?from=" + YESTERDAY + "&to=" + TODAY)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(alice.getInt("totals.revisions")).isEqualTo(2);
        assertThat(alice.getInt("totals.edits")).as("a redirect is not an edit").isEqualTo(1);
        assertThat(alice.getInt("totals.statements_added")).isEqualTo(2);

        // the heads now: A live with 3 statements and 1 sitelink, B deleted, C a redirect
        try (Connection db = StatsStack.database()) {
            assertThat(rows(db, "SELECT entity_id, status, statements, sitelinks FROM entity_state ORDER BY entity_id"))
                    .containsExactly(
                            List.of(A, "live", "3", "1"),
                            List.of(B, "deleted", "0", "0"),
                            List.of(C, "redirect", "0", "0"));
        }

        // from scratch: every figure recomputed from the revisions (read again from S3) equals what was kept
        JsonPath rebuild = given().post("/internal/stats/rebuild")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(rebuild.getInt("revisions_checked")).isEqualTo(6);
        assertThat(rebuild.getInt("entities_checked")).isEqualTo(3);
        assertThat(rebuild.getInt("days_checked")).isEqualTo(1);
        assertThat(rebuild.getInt("difference_count")).as(rebuild.prettify()).isZero();
    }

    @Test
    @Order(2)
    void redeliveredEventsChangeNothing() throws Exception {
        Map<String, List<List<String>>> before = snapshot();
        // the same events again (a redelivery), and again under new event ids (a relay that published twice)
        for (EntityChangeEvent e : EVENTS) {
            publish(e);
            publish(withId(e, UUID.randomUUID().toString()));
        }
        // a marker revision after them on each partition: once it is counted, the redeliveries were consumed
        importEntity(CAROL, item("Q990100004", 0, false));
        EntityChangeEvent marker =
                readEvents(StatsStack.entities().entityChangeTopic(), 7).get(6);
        publish(marker);
        awaitRevisions(7);
        Thread.sleep(500);
        try (Connection db = StatsStack.database()) {
            db.createStatement().execute("DELETE FROM stats_revisions WHERE entity_id = 'Q990100004'");
            db.createStatement().execute("DELETE FROM entity_state WHERE entity_id = 'Q990100004'");
            db.createStatement()
                    .execute(
                            "UPDATE user_daily_stats SET revision_count = revision_count - 1, edit_count = edit_count - 1,"
                                    + " entities_created = entities_created - 1 WHERE user_id = " + CAROL
                                    + " AND stat_date = '"
                                    + TODAY + "'");
            db.createStatement()
                    .execute(
                            "UPDATE general_daily_stats SET revision_count = revision_count - 1, edit_count = edit_count"
                                    + " - 1, entities_created = entities_created - 1 WHERE stat_date = '" + TODAY
                                    + "'");
        }
        Map<String, List<List<String>>> after = snapshot();
        assertThat(after).isEqualTo(before);
    }

    @Test
    @Order(3)
    void latestStatsP50() throws Exception {
        // a plain HTTP client on one connection: the figure is the service's, not a test client's
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/v1/entitybase/stats"))
                .build();
        int warmup = 200, n = 2000;
        long[] nanos = new long[n];
        for (int i = 0; i < warmup + n; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            if (i >= warmup) {
                nanos[i - warmup] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        double p50 = nanos[n / 2] / 1e6, p99 = nanos[n * 99 / 100] / 1e6;
        System.out.printf(
                "GET /stats over %d sequential requests (java.net.http, same host): p50 %.2f ms, p99 %.2f ms%n",
                n, p50, p99);
        // a sanity bound only: this machine is shared, the figure goes to docs/BENCHMARKS.md
        assertThat(p50).isLessThan(1000);
    }

    // --- the script ------------------------------------------------------------------------------------------------

    private static String item(String id, int statements, boolean sitelink) {
        StringBuilder claims = new StringBuilder();
        for (int i = 0; i < statements; i++) {
            claims.append(i == 0 ? "" : ",")
                    .append("{\"mainsnak\":{\"snaktype\":\"value\",\"property\":\"P1\",\"datavalue\":{\"value\":\"v")
                    .append(i)
                    .append("\",\"type\":\"string\"},\"datatype\":\"string\"},\"type\":\"statement\",\"id\":\"")
                    .append(id)
                    .append("$00000000-0000-0000-0000-00000000000")
                    .append(i)
                    .append("\",\"rank\":\"normal\"}");
        }
        return "{\"type\":\"item\",\"id\":\"" + id + "\",\"labels\":{},\"descriptions\":{},\"aliases\":{},"
                + "\"sitelinks\":"
                + (sitelink ? "{\"enwiki\":{\"site\":\"enwiki\",\"title\":\"Stats " + id + "\",\"badges\":[]}}" : "{}")
                + ",\"claims\":" + (statements == 0 ? "{}" : "{\"P1\":[" + claims + "]}") + "}";
    }

    private static void importEntity(long user, String json) {
        Response r = entities(user).body(json).post(entityApi("/import"));
        assertThat(r.statusCode()).as("import: %s", r.asString()).isIn(200, 201);
    }

    private static io.restassured.specification.RequestSpecification entities(long user) {
        return RestAssured.given().contentType(ContentType.JSON).header("X-User-ID", user);
    }

    private static String entityApi(String path) {
        return StatsStack.entities().apiUrl() + path;
    }

    private static EntityChangeEvent at(EntityChangeEvent e, Instant timestamp) {
        return new EntityChangeEvent(
                e.eventId(),
                e.entityId(),
                e.entityType(),
                e.revisionId(),
                e.parentRevisionId(),
                e.changeType(),
                e.userId(),
                e.editSummary(),
                timestamp.toString(),
                e.contentHash(),
                e.contentCheckpoint(),
                e.statementsAdded(),
                e.statementsRemoved(),
                e.redirectTarget(),
                e.isBot());
    }

    private static EntityChangeEvent withId(EntityChangeEvent e, String id) {
        return new EntityChangeEvent(
                id,
                e.entityId(),
                e.entityType(),
                e.revisionId(),
                e.parentRevisionId(),
                e.changeType(),
                e.userId(),
                e.editSummary(),
                e.timestamp(),
                e.contentHash(),
                e.contentCheckpoint(),
                e.statementsAdded(),
                e.statementsRemoved(),
                e.redirectTarget(),
                e.isBot());
    }

    // --- Kafka and the database ------------------------------------------------------------------------------------

    private static void publish(EntityChangeEvent e) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.current().kafkaBrokers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(StatsStack.replayTopic(), e.entityId(), EntityChangeEventCodec.write(e)))
                    .get();
        }
    }

    /** The first {@code count} events of {@code topic}, in the order they were committed. */
    private static List<EntityChangeEvent> readEvents(String topic, int count) throws Exception {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.current().kafkaBrokers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "stats-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<EntityChangeEvent> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                var infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (events.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> events.add(EntityChangeEventCodec.read(r.value())));
            }
        }
        assertThat(events).hasSize(count);
        // revision ids count per entity: the commit time orders the script's steps
        events.sort(Comparator.comparing((EntityChangeEvent e) -> Instant.parse(e.timestamp()))
                .thenComparingLong(EntityChangeEvent::revisionId));
        return events;
    }

    private static void awaitRevisions(int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (Connection db = StatsStack.database()) {
            while (System.nanoTime() < deadline) {
                if (Integer.parseInt(rows(db, "SELECT COUNT(*) FROM stats_revisions")
                                .get(0)
                                .get(0))
                        >= count) {
                    return;
                }
                Thread.sleep(100);
            }
            assertThat(rows(db, "SELECT COUNT(*) FROM stats_revisions").get(0).get(0))
                    .isEqualTo(String.valueOf(count));
        }
    }

    /** Every derived table, without the columns that say when a row was written. */
    private static Map<String, List<List<String>>> snapshot() throws SQLException {
        Map<String, List<List<String>>> tables = new TreeMap<>();
        try (Connection db = StatsStack.database()) {
            tables.put("stats_revisions", rows(db, "SELECT * FROM stats_revisions ORDER BY entity_id, revision_id"));
            tables.put("entity_state", rows(db, "SELECT * FROM entity_state ORDER BY entity_id"));
            tables.put("user_first_edit", rows(db, "SELECT * FROM user_first_edit ORDER BY user_id"));
            tables.put(
                    "user_daily_stats",
                    rows(
                            db,
                            "SELECT stat_date, user_id, entity_type, revision_count, edit_count,"
                                    + " entities_created, statements_added, statements_removed FROM user_daily_stats"
                                    + " ORDER BY stat_date, user_id, entity_type"));
            tables.put(
                    "general_daily_stats",
                    rows(
                            db,
                            "SELECT stat_date, revision_count, edit_count, entities_created,"
                                    + " entities_deleted, redirects_created, active_users, new_users, total_items, total_statements,"
                                    + " total_sitelinks, total_redirects, total_deleted FROM general_daily_stats ORDER BY stat_date"));
        }
        return tables;
    }

    private static List<List<String>> rows(Connection db, String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }
}
