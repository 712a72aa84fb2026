package org.entitybase.statement;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;

import org.entitybase.model.content.EntitySplitter;
import org.entitybase.model.event.ChangeType;
import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.model.event.EntityChangeEventCodec;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.statement.events.EntityChangeConsumer;
import org.entitybase.statement.service.StatementAccounting;
import org.entitybase.statement.support.FromScratch;
import org.entitybase.statement.support.StatementStack;
import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.FixtureRevision;
import org.entitybase.testkit.events.ConsumerChannels;
import org.entitybase.testkit.stack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * statement-service on the real write path (entity-service and id-allocator jars, Kafka, MariaDB, a private s3proxy):
 * real Wikidata histories imported, edited, deleted, reverted and redirected; counts and backlinks compared with a
 * recomputation from scratch; every event delivered twice; dead letters; cleanup while writers write; a backlog on
 * Kafka processed with entity-service killed (revisions are read from S3, never from entity-service).
 */
@QuarkusTest
@QuarkusTestResource(value = StatementStack.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatementAccountingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);

    /** Every entity the tests touched (the from-scratch recomputation reads their histories). */
    private static final Set<String> TOUCHED = new LinkedHashSet<>();

    private static String sharedHash;

    @Inject
    MeterRegistry registry;

    @Inject
    S3Client s3;

    @Inject
    ChannelRegistry channels;

    @Inject
    StatementAccounting accounting;

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void scriptedHistoryOfRealEntitiesMatchesARecomputationFromScratch() throws Exception {
        for (FixtureRevision revision : WikidataFixtures.revisions()) {
            importEntity(revision.entity().json());
        }
        // an edit that drops a property's statements
        String q271094 = WikidataFixtures.revisions().stream()
                .filter(r -> r.id().equals("Q271094"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .entity()
                .json();
        ObjectNode edited = (ObjectNode) JSON.readTree(q271094);
        ObjectNode claims = (ObjectNode) edited.get("claims");
        claims.remove(claims.fieldNames().next());
        importEntity(JSON.writeValueAsString(edited));
        // delete and undelete (revert to the first revision); delete for good
        delete("Q4132785");
        entities()
                .body("{\"to_revision_id\": 1}")
                .post(entityApi("/entities/Q4132785/revert"))
                .then()
                .statusCode(200);
        delete("Q217447");
        // redirect for good; redirect and undo it
        redirect("Q2112", "Q1");
        redirect("Q328212", "Q571");
        entities().post(entityApi("/entities/Q328212/revert-redirect")).then().statusCode(200);

        awaitConsumed();
        FromScratch.Counts expected = FromScratch.compute(TOUCHED);
        assertMatches(expected);

        // by hand: Q4132785 = import r1, import r2, delete r3, revert to r1 as r4. Each statement of r1 is referenced
        // by r1, r4 and, if it kept it, r2; it is in the head (r4) once (no other entity has these claims)
        assertThat(revisionIds("Q4132785")).hasSize(4);
        Map<String, long[]> counts = statementCounts();
        Set<String> r1 = addressesOf("Q4132785", 1);
        Set<String> r2 = addressesOf("Q4132785", 2);
        assertThat(r1).isNotEmpty();
        for (String hash : r1) {
            assertThat(counts.get(hash)).as("counts of %s", hash).containsExactly(r2.contains(hash) ? 3 : 2, 1);
        }
        // Q217447 is deleted: none of its statements is in a head unless another head has it
        for (String hash : addressesOf("Q217447", 2)) {
            assertThat(counts.get(hash)[1])
                    .as("head count of deleted Q217447's %s", hash)
                    .isZero();
            assertThat(counts.get(hash)[0]).isGreaterThanOrEqualTo(1);
        }
        // Q2112 is a redirect: no backlinks from it remain; Q328212's came back
        try (Connection db = StatementStack.database()) {
            assertThat(count(db, "SELECT COUNT(*) FROM entity_backlinks WHERE source_id = 'Q2112'"))
                    .isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM entity_backlinks WHERE source_id = 'Q328212'"))
                    .isPositive();
            assertThat(count(db, "SELECT COUNT(*) FROM head_statements WHERE entity_id = 'Q217447'"))
                    .isZero();
        }

        JsonPath rebuild = statements()
                .post("/internal/statements/rebuild")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(rebuild.getList("differences")).isEmpty();
        assertThat(rebuild.getInt("revisions_checked")).isEqualTo(expected.revisions());
        assertThat(rebuild.getInt("statements_checked"))
                .isEqualTo(expected.statements().size());
    }

    @Test
    @Order(2)
    void twoEntitiesWithAnIdenticalClaimShareOneHashAndOneObject() throws Exception {
        String claim = "{\"mainsnak\":{\"snaktype\":\"value\",\"property\":\"P31\",\"datavalue\":{\"value\":"
                + "{\"entity-type\":\"item\",\"numeric-id\":5,\"id\":\"Q5\"},\"type\":\"wikibase-entityid\"},"
                + "\"datatype\":\"wikibase-item\"},\"type\":\"statement\",\"id\":\"%s$%s\",\"rank\":\"normal\"}";
        for (String id : List.of("Q990000001", "Q990000002")) {
            String json =
                    "{\"type\":\"item\",\"id\":\"" + id + "\",\"labels\":{\"en\":{\"language\":\"en\",\"value\":\""
                            + id + "\"}},\"descriptions\":{},\"aliases\":{},\"sitelinks\":{},\"claims\":{\"P31\":["
                            + claim.formatted(id, UUID.randomUUID().toString().toUpperCase()) + "]}}";
            importEntity(json);
        }
        awaitConsumed();
        // the address as entity-service stores the claim (snak hashes filled in): the same in both entities
        Set<String> first = addressesOf("Q990000001", 1);
        assertThat(first).hasSize(1).isEqualTo(addressesOf("Q990000002", 1));
        sharedHash = first.iterator().next();

        statements()
                .get(api("/statements/" + sharedHash))
                .then()
                .statusCode(200)
                .body("hash", equalTo(sharedHash))
                .body("property", equalTo("P31"))
                .body("ref_count", equalTo(2))
                .body("head_ref_count", equalTo(2))
                .body("statement.mainsnak.datavalue.value.id", equalTo("Q5"))
                .body("statement.id", equalTo(null));
        String bucket = ConfigProvider.getConfig().getValue("entitybase.s3.content-bucket", String.class);
        String prefix = "statement/" + sharedHash.substring(0, 2) + "/";
        List<String> keys = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(o -> o.key())
                .filter(k -> k.endsWith(sharedHash))
                .toList();
        assertThat(keys).containsExactly(prefix + sharedHash);
        s3.headObject(b -> b.bucket(bucket).key(prefix + sharedHash)); // throws when missing
        byte[] stored = s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + sharedHash))
                .asByteArray();
        assertThat(new String(stored, StandardCharsets.UTF_8))
                .doesNotContain("Q990000001")
                .doesNotContain("$");
    }

    @Test
    @Order(3)
    void routesAnswerAndRejectBadInput() {
        String unknown = "0".repeat(64);
        // batch: found and missing, request order
        ObjectNode body = JSON.createObjectNode();
        body.putArray("hashes").add(unknown).add(sharedHash);
        statements()
                .body(body.toString())
                .post(api("/statements/batch"))
                .then()
                .statusCode(200)
                .body("statements", hasSize(1))
                .body("statements[0].hash", equalTo(sharedHash))
                .body("statements[0].ref_count", equalTo(2))
                .body("missing", equalTo(List.of(unknown)));
        ArrayNode many = JSON.createObjectNode().putArray("hashes");
        for (int i = 0; i < 501; i++) {
            many.add(unknown);
        }
        statements()
                .body("{\"hashes\":" + many + "}")
                .post(api("/statements/batch"))
                .then()
                .statusCode(400)
                .body("code", equalTo("batch-too-large"));
        statements()
                .body("{\"hashes\":[\"xyz\"]}")
                .post(api("/statements/batch"))
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid-parameter"));
        statements()
                .get(api("/statements/" + unknown))
                .then()
                .statusCode(404)
                .body("code", equalTo("statement-not-found"));
        statements().get(api("/statements/ABC")).then().statusCode(400).body("context.parameter", equalTo("hash"));

        // most_used: by head count, descending; the property filter keeps only that property's statements
        JsonPath top = statements()
                .get(api("/statements/most_used?limit=20"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Integer> heads = top.getList("statements.head_ref_count", Integer.class);
        assertThat(heads).isNotEmpty().isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(heads.get(0)).isGreaterThanOrEqualTo(2);
        JsonPath p31 = statements()
                .get(api("/statements/most_used?property=P31&limit=5"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(p31.getList("statements.property", String.class))
                .isNotEmpty()
                .containsOnly("P31");
        assertThat(p31.getList("statements.hash", String.class)).contains(sharedHash);
        statements().get(api("/statements/most_used?limit=0")).then().statusCode(400);
        statements().get(api("/statements/most_used?property=Q5")).then().statusCode(400);

        // backlinks of Q5: pages of 1 through the cursor cover every link exactly once
        Set<String> seen = new TreeSet<>();
        String after = null;
        int pages = 0;
        do {
            String url = api("/entities/Q5/backlinks?limit=1") + (after == null ? "" : "&after=" + after);
            JsonPath page =
                    statements().get(url).then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("backlinks")).hasSizeLessThanOrEqualTo(1);
            page.getList("backlinks", Map.class)
                    .forEach(b -> assertThat(seen.add(b.get("id") + " " + b.get("property")))
                            .isTrue());
            after = page.getString("next");
            pages++;
        } while (after != null && pages < 1000);
        JsonPath all = statements()
                .get(api("/entities/Q5/backlinks?limit=1000"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(all.getList("backlinks")).hasSize(seen.size());
        assertThat(seen).contains("Q990000001 P31", "Q990000002 P31");
        JsonPath byProperty = statements()
                .get(api("/entities/Q5/backlinks?property=P31&limit=1000"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(byProperty.getList("backlinks.property", String.class)).containsOnly("P31");
        statements().get(api("/entities/nonsense/backlinks")).then().statusCode(400);
        statements().get(api("/entities/Q5/backlinks?limit=x")).then().statusCode(400);

        // statistics: Q5 is linked from at least the two entities above
        statements().post("/internal/statements/backlink-statistics").then().statusCode(200);
        try (Connection db = StatementStack.database()) {
            assertThat(count(db, "SELECT backlink_count FROM backlink_statistics WHERE target_id = 'Q5'"))
                    .isGreaterThanOrEqualTo(2);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(4)
    void everyEventDeliveredTwiceChangesNothing() throws Exception {
        awaitConsumed();
        Map<String, List<String>> before = snapshot();
        double duplicatesBefore = counter("duplicate");
        int republished = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer();
                KafkaProducer<String, byte[]> producer = producer()) {
            for (ConsumerRecord<String, byte[]> record : readAll(consumer, StatementStack.topic())) {
                producer.send(new ProducerRecord<>(StatementStack.topic(), record.key(), record.value()));
                republished++;
            }
            producer.flush();
        }
        assertThat(republished).isGreaterThan(30);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (counter("duplicate") < duplicatesBefore + republished && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(counter("duplicate")).isEqualTo(duplicatesBefore + republished);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void unreadableAndForeignEventsGoToTheDeadLetterTopicAndTheNextEventIsProcessed() throws Exception {
        double deadBefore = deadLettered();
        byte[] garbage = ("not an event " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        // well formed, but for a revision this entity-service never had (another deployment's or a test's event):
        // entity-service answers 404, which no retry can change
        byte[] foreign = EntityChangeEventCodec.write(new EntityChangeEvent(
                UUID.randomUUID().toString(),
                "Q990000004",
                "item",
                1,
                null,
                ChangeType.CREATE,
                0,
                null,
                "2026-01-01T00:00:00Z",
                "0".repeat(64),
                "0".repeat(64),
                List.of(),
                List.of(),
                null,
                null));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(StatementStack.topic(), "Q990000003", garbage))
                    .get();
            producer.send(new ProducerRecord<>(StatementStack.topic(), "Q990000004", foreign))
                    .get();
        }
        importEntity("{\"type\":\"item\",\"id\":\"Q990000003\",\"labels\":{},\"descriptions\":{},\"aliases\":{},"
                + "\"sitelinks\":{},\"claims\":{}}");
        awaitConsumed();
        // the foreign event may sit on another partition than the import that awaitConsumed waited for
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (deadLettered() < deadBefore + 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(deadLettered()).isEqualTo(deadBefore + 2);
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<ConsumerRecord<String, byte[]>> dead = readAll(consumer, StatementStack.topic() + ".dlq");
            assertThat(dead).anySatisfy(r -> assertThat(r.value()).isEqualTo(garbage));
            assertThat(dead).anySatisfy(r -> assertThat(r.value()).isEqualTo(foreign));
        }
    }

    @Test
    @Order(6)
    void cleanupDuringConcurrentWritesNeverDeletesReferencedContent() throws Exception {
        LocalStack stack = LocalStack.current();
        String fakePack = "revision/ab/ab" + "1".repeat(62);
        String fakeStatement = "statement/cd/cd" + "2".repeat(62);
        s3.putObject(b -> b.bucket(stack.s3RevisionsBucket()).key(fakePack), RequestBody.fromString("x"));
        s3.putObject(b -> b.bucket(stack.s3ContentBucket()).key(fakeStatement), RequestBody.fromString("{}"));
        Thread.sleep(2500); // older than cleanup.min-age (2s in tests)

        // statement objects are statement-service's to clean up, revision packs entity-service's
        JsonPath dry = statements()
                .body("{\"grace_period\":\"PT0S\"}")
                .post(api("/statements/cleanup-orphaned"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath dryPacks = statements()
                .body("{\"grace_period\":\"PT0S\"}")
                .post(StatementStack.entityBase() + "/internal/revisions/cleanup-orphaned")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(dry.getBoolean("dry_run")).isTrue();
        assertThat(dryPacks.getBoolean("dry_run")).isTrue();
        assertThat(dry.getInt("deleted") + dryPacks.getInt("deleted")).isZero();
        List<String> orphans = new ArrayList<>(dry.getList("orphans.key", String.class));
        orphans.addAll(dryPacks.getList("orphans.key", String.class));
        assertThat(orphans).contains(fakePack, fakeStatement);
        assertThat(exists(stack.s3RevisionsBucket(), fakePack)).isTrue();

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger writes = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                int n = 0;
                while (writing.get()) {
                    String id = "Q99100" + writer + String.format("%03d", n % 20);
                    String claim = "{\"mainsnak\":{\"snaktype\":\"value\",\"property\":\"P1\",\"datavalue\":"
                            + "{\"value\":\"v" + n + "\",\"type\":\"string\"},\"datatype\":\"string\"},"
                            + "\"type\":\"statement\",\"id\":\"" + id + "$"
                            + UUID.randomUUID().toString().toUpperCase() + "\",\"rank\":\"normal\"}";
                    importEntity("{\"type\":\"item\",\"id\":\"" + id + "\",\"labels\":{},\"descriptions\":{},"
                            + "\"aliases\":{},\"sitelinks\":{},\"claims\":{\"P1\":[" + claim + "]}}");
                    writes.incrementAndGet();
                    n++;
                }
                return null;
            }));
        }
        int deletedTotal = 0;
        for (int i = 0; i < 4; i++) {
            JsonPath run = statements()
                    .body("{\"dry_run\":false,\"grace_period\":\"PT0S\"}")
                    .post(api("/statements/cleanup-orphaned"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            JsonPath packs = statements()
                    .body("{\"dry_run\":false,\"grace_period\":\"PT0S\"}")
                    .post(StatementStack.entityBase() + "/internal/revisions/cleanup-orphaned")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            deletedTotal += run.getInt("deleted") + packs.getInt("deleted");
            Thread.sleep(500);
        }
        writing.set(false);
        for (Future<?> f : running) {
            f.get();
        }
        writers.shutdown();
        assertThat(writes.get()).isGreaterThan(10);
        assertThat(deletedTotal).isGreaterThanOrEqualTo(2);
        assertThat(exists(stack.s3RevisionsBucket(), fakePack)).isFalse();
        assertThat(exists(stack.s3ContentBucket(), fakeStatement)).isFalse();

        awaitConsumed();
        // every committed revision still reads; every referenced statement still has its object
        for (String id : TOUCHED) {
            for (long revision : revisionIds(id)) {
                int status = entities()
                        .redirects()
                        .follow(false)
                        .get(entityApi("/entities/" + id + "/revision/" + revision))
                        .statusCode();
                assertThat(status).as("revision %d of %s", revision, id).isIn(200, 308, 410);
            }
        }
        for (String hash : statementCounts().keySet()) {
            assertThat(exists(stack.s3ContentBucket(), "statement/" + hash.substring(0, 2) + "/" + hash))
                    .as("object of %s", hash)
                    .isTrue();
        }
        assertMatches(FromScratch.compute(TOUCHED));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String api(String path) {
        return ConfigProvider.getConfig().getValue("entitybase.api-prefix", String.class) + path;
    }

    private static String entityApi(String path) {
        return StatementStack.entityApi() + path;
    }

    private static io.restassured.specification.RequestSpecification statements() {
        return RestAssured.given().contentType(ContentType.JSON);
    }

    private static io.restassured.specification.RequestSpecification entities() {
        return RestAssured.given().contentType(ContentType.JSON).header("X-User-ID", 7);
    }

    @Test
    @Order(7)
    void aBacklogOnKafkaIsFullyProcessedWithEntityServiceKilled() throws Exception {
        PausableChannel consumer = ConsumerChannels.pausable(channels, "entity-change");
        consumer.pause();
        Set<String> batch = new LinkedHashSet<>();
        try {
            for (int i = 0; i < 12; i++) {
                String id = "Q99200" + String.format("%03d", i);
                for (int edit = 0; edit < 3; edit++) { // a create, then edits that move the backlink
                    importEntity(itemLinkingTo(id, edit, 5 + edit));
                }
                batch.add(id);
            }
            // what the consumer must reach, read while entity-service still answers
            Map<String, Long> newest = newestRevisions(batch);
            FromScratch.Counts expected = FromScratch.compute(TOUCHED);
            awaitOutboxSent();
            StatementStack.entities().entityService().kill();
            try (Connection db = StatementStack.database()) {
                assertThat(count(db, "SELECT COUNT(*) FROM seen_revisions WHERE entity_id LIKE 'Q99200%'"))
                        .as("the batch waits on Kafka, not yet processed")
                        .isLessThan(batch.size() * 3L);
            }

            consumer.resume();
            awaitConsumed(newest);
            assertMatches(expected);
        } finally {
            consumer.resume();
            StatementStack.entities().entityService().restart();
        }
    }

    @Test
    @Order(8)
    void theEventsOfOneEntityAppliedAtOnceInAnyOrderByTwoConsumersMatchARecomputation() throws Exception {
        PausableChannel channel = ConsumerChannels.pausable(channels, "entity-change");
        channel.pause();
        Set<String> batch = new LinkedHashSet<>();
        try {
            // two entities whose histories move a shared claim's target back and forth, one removing it at the end
            for (int i = 0; i < 2; i++) {
                String id = "Q99300" + String.format("%03d", i);
                for (int edit = 0; edit < 8; edit++) {
                    importEntity(itemLinkingTo(id, edit, 5 + edit % 3));
                }
                batch.add(id);
            }
            importEntity("{\"type\":\"item\",\"id\":\"Q99300001\",\"labels\":{},\"descriptions\":{},"
                    + "\"aliases\":{},\"sitelinks\":{},\"claims\":{}}");
            Map<String, Long> newest = newestRevisions(batch);
            FromScratch.Counts expected = FromScratch.compute(TOUCHED);
            awaitOutboxSent();
            List<EntityChangeEvent> events = new ArrayList<>();
            try (KafkaConsumer<String, byte[]> consumer = consumer()) {
                for (ConsumerRecord<String, byte[]> record : readAll(consumer, StatementStack.topic())) {
                    if (batch.contains(record.key())) {
                        events.add(EntityChangeEventCodec.read(record.value()));
                    }
                }
            }
            assertThat(events).hasSize(17);

            // what two consumers do when a rebalance hands them the same partition: each applies every event, one
            // newest first, the other oldest first, at the same time (a deadlock between them is retried, as the
            // consumer skeleton retries it)
            List<EntityChangeEvent> newestFirst = new ArrayList<>(events);
            Collections.reverse(newestFirst);
            ExecutorService appliers = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (List<EntityChangeEvent> order : List.of(events, newestFirst)) {
                    runs.add(appliers.submit(() -> {
                        for (EntityChangeEvent event : order) {
                            accounting
                                    .apply(event)
                                    .onFailure()
                                    .retry()
                                    .withBackOff(Duration.ofMillis(20), Duration.ofMillis(200))
                                    .atMost(20)
                                    .await()
                                    .atMost(WAIT);
                        }
                    }));
                }
                for (Future<?> run : runs) {
                    run.get();
                }
            } finally {
                appliers.shutdownNow();
            }
            channel.resume();
            awaitConsumed(newest);
            assertMatches(expected);
        } finally {
            channel.resume();
        }
    }

    /**
     * An item {@code id} labelled with {@code edit}, with one P31 claim linking to {@code Q<target>} under a new
     * GUID.
     */
    private static String itemLinkingTo(String id, int edit, int target) {
        return "{\"type\":\"item\",\"id\":\"" + id + "\",\"labels\":{\"en\":{\"language\":\"en\",\"value\":\""
                + id + " " + edit + "\"}},\"descriptions\":{},\"aliases\":{},\"sitelinks\":{},\"claims\":{\"P31\":[{"
                + "\"mainsnak\":{\"snaktype\":\"value\",\"property\":\"P31\",\"datavalue\":{\"value\":"
                + "{\"entity-type\":\"item\",\"numeric-id\":" + target + ",\"id\":\"Q" + target + "\"},"
                + "\"type\":\"wikibase-entityid\"},\"datatype\":\"wikibase-item\"},\"type\":\"statement\",\"id\":\""
                + id + "$" + UUID.randomUUID().toString().toUpperCase() + "\",\"rank\":\"normal\"}]}}";
    }

    /** Until entity-service's relay has published every committed event (its outbox has no unsent row). */
    private static void awaitOutboxSent() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (Connection db = LocalStack.current().connect(StatementStack.ENTITY_DATABASE)) {
            while (count(db, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL") > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(count(db, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"))
                    .isZero();
        }
    }

    private static void importEntity(String json) {
        Response r = entities().body(json).post(entityApi("/import"));
        assertThat(r.statusCode()).as("import: %s", r.asString()).isIn(200, 201);
        synchronized (TOUCHED) {
            TOUCHED.add(r.jsonPath().getString("id"));
        }
    }

    private static void delete(String id) {
        entities().delete(entityApi("/entities/" + id)).then().statusCode(200);
        TOUCHED.add(id);
    }

    private static void redirect(String from, String to) {
        entities()
                .body("{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}")
                .post(entityApi("/redirects"))
                .then()
                .statusCode(200);
        TOUCHED.add(from);
    }

    private static List<Long> revisionIds(String id) {
        List<Long> out = new ArrayList<>();
        entities()
                .get(entityApi("/entities/" + id + "/history?limit=500"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("revisions.revision_id", Number.class)
                .forEach(n -> out.add(n.longValue()));
        return out;
    }

    /** The statement addresses of revision {@code revision} of {@code id}. */
    private static Set<String> addressesOf(String id, long revision) {
        byte[] json = entities()
                .get(entityApi("/entities/" + id + "/revision/" + revision))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        Set<String> out = new TreeSet<>();
        EntitySplitter splitter = new EntitySplitter();
        WikibaseJsonReader.lenient()
                .readEntity(json)
                .claims()
                .values()
                .forEach(list ->
                        list.forEach(s -> out.add(splitter.statementAddress(s).sha256())));
        return out;
    }

    /** Until every touched entity's newest revision is in seen_revisions (events of an entity come in order). */
    private static void awaitConsumed() throws Exception {
        awaitConsumed(newestRevisions(TOUCHED));
    }

    private static Map<String, Long> newestRevisions(Set<String> ids) {
        Map<String, Long> newest = new HashMap<>();
        for (String id : ids) {
            newest.put(
                    id,
                    revisionIds(id).stream().mapToLong(Long::longValue).max().orElseThrow());
        }
        return newest;
    }

    /** Until each entity's given revision is in seen_revisions (read nothing from entity-service). */
    private static void awaitConsumed(Map<String, Long> newest) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (Connection db = StatementStack.database()) {
            for (Map.Entry<String, Long> e : newest.entrySet()) {
                while (count(
                                        db,
                                        "SELECT COUNT(*) FROM seen_revisions WHERE entity_id = '" + e.getKey()
                                                + "' AND revision_id = " + e.getValue())
                                == 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(count(
                                db,
                                "SELECT COUNT(*) FROM seen_revisions WHERE entity_id = '" + e.getKey()
                                        + "' AND revision_id = " + e.getValue()))
                        .as("revision %d of %s consumed", e.getValue(), e.getKey())
                        .isEqualTo(1);
            }
        }
    }

    private static void assertMatches(FromScratch.Counts expected) throws SQLException {
        Map<String, long[]> actual = statementCounts();
        Map<String, String> want = new TreeMap<>();
        expected.statements().forEach((h, c) -> want.put(h, c[0] + "/" + c[1]));
        Map<String, String> have = new TreeMap<>();
        actual.forEach((h, c) -> have.put(h, c[0] + "/" + c[1]));
        assertThat(have).isEqualTo(want);
        Set<String> links = new TreeSet<>();
        try (Connection db = StatementStack.database();
                ResultSet rs = db.createStatement()
                        .executeQuery("SELECT target_id, source_id, property_id FROM entity_backlinks")) {
            while (rs.next()) {
                links.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        assertThat(links).isEqualTo(expected.backlinks());
    }

    /** hash → {ref_count, head_ref_count} of every row. */
    private static Map<String, long[]> statementCounts() throws SQLException {
        Map<String, long[]> out = new TreeMap<>();
        try (Connection db = StatementStack.database();
                ResultSet rs = db.createStatement()
                        .executeQuery("SELECT hash, ref_count, head_ref_count FROM statement_content")) {
            while (rs.next()) {
                out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        return out;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Every row of every table the consumer writes, as text. */
    private static Map<String, List<String>> snapshot() throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection db = StatementStack.database()) {
            for (String table : List.of(
                    "statement_content",
                    "entity_backlinks",
                    "processed_events",
                    "entity_heads",
                    "head_statements",
                    "seen_revisions")) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = db.createStatement().executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                out.put(table, rows);
            }
        }
        return out;
    }

    /** The shared consumer skeleton's count of dead-lettered events. */
    private double deadLettered() {
        var c = registry.find("entitybase.consumer.events")
                .tag("consumer", "statement-service")
                .tag("outcome", "dead_lettered")
                .counter();
        return c == null ? 0 : c.count();
    }

    private double counter(String outcome) {
        var c = registry.find(EntityChangeConsumer.EVENTS)
                .tag("outcome", outcome)
                .counter();
        return c == null ? 0 : c.count();
    }

    private boolean exists(String bucket, String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.current().kafkaBrokers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "statement-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.current().kafkaBrokers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Every record of {@code topic} from the beginning to its end now. */
    private static List<ConsumerRecord<String, byte[]>> readAll(KafkaConsumer<String, byte[]> consumer, String topic)
            throws InterruptedException {
        List<TopicPartition> partitions = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.isEmpty() && System.nanoTime() < deadline) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null) {
                infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            if (partitions.isEmpty()) {
                Thread.sleep(200);
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(out::add);
        }
        return out;
    }
}
