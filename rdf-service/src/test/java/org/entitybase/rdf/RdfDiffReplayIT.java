package org.entitybase.rdf;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.rio.helpers.StatementCollector;
import org.eclipse.rdf4j.sail.memory.MemoryStore;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;

import org.entitybase.model.event.EntityChangeEventCodec;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.rdf.diff.RdfChangeEvent;
import org.entitybase.rdf.diff.RdfChangeEventCodec;
import org.entitybase.rdf.diff.RdfReplay;
import org.entitybase.rdf.mapping.EntityRdfWriter;
import org.entitybase.rdf.mapping.Flavor;
import org.entitybase.rdf.mapping.RdfVocabulary;
import org.entitybase.rdf.mapping.WikimediaSites;
import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.FixtureEntity;
import org.entitybase.testkit.WikidataFixtures.FixtureRevision;
import org.entitybase.testkit.events.ConsumerChannels;
import org.entitybase.testkit.stack.EntityServiceUnderTest;
import org.entitybase.testkit.stack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diff stream end to end: every multi-revision history of the fixtures written through entity-service in order,
 * the entity_diff events read back from Kafka and applied, per history, to an empty RDF4J memory store, which must
 * then hold exactly the head revision's RDF ({@code ?flavor=dump}). Then a redelivered entity_change must give the
 * same events byte for byte, and the worker's committed offsets must reach the end of the topic (a restart resumes
 * there, and nothing before it is unprocessed: records are acknowledged after their events are). Last, a backlog
 * waiting on Kafka is processed with entity-service killed (revisions come from S3 and rdf-service's own index):
 * its diffs replay to the same RDF, and the routes answer.
 */
@QuarkusTest
@WithTestResource(value = EntityServiceResource.class, initArgs = @ResourceArg(name = "label", value = "rdf_replay"))
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RdfDiffReplayIT {

    private static final Duration WAIT = Duration.ofSeconds(180);

    EntityServiceUnderTest entities;

    @Inject
    ChannelRegistry channels;

    private final Map<String, Long> heads = new LinkedHashMap<>();
    private final Map<String, Integer> revisionCounts = new LinkedHashMap<>();
    private final List<ConsumerRecord<String, String>> diffs = new ArrayList<>();

    @Test
    @Order(1)
    void replayingEveryHistoryGivesTheHeadRevision() {
        Set<String> histories = new HashSet<>();
        WikidataFixtures.revisions().forEach(r -> histories.add(r.id()));
        for (FixtureEntity fixture : WikidataFixtures.entities()) {
            if (fixture.type().equals("property") && !histories.contains(fixture.id())) {
                importJson(fixture.json());
            }
        }
        for (FixtureRevision revision : WikidataFixtures.revisions()) {
            heads.put(revision.id(), importJson(revision.entity().json()));
            revisionCounts.merge(revision.id(), 1, Integer::sum);
        }

        diffs.addAll(readUntil(
                diffTopic(),
                records -> heads.entrySet().stream()
                        .allMatch(head -> records.stream()
                                .map(RdfDiffReplayIT::event)
                                .anyMatch(e -> e.entityId().equals(head.getKey())
                                        && e.revId() == head.getValue()
                                        && e.sequence() + 1 == e.sequenceLength()))));

        int replayed = 0;
        for (String id : heads.keySet()) {
            Repository repository = new SailRepository(new MemoryStore());
            int events = 0;
            Set<Long> revisions = new HashSet<>();
            try (RepositoryConnection store = repository.getConnection()) {
                for (ConsumerRecord<String, String> record : diffs) {
                    RdfChangeEvent event = event(record);
                    if (!event.entityId().equals(id)) {
                        continue;
                    }
                    assertThat(record.key()).isEqualTo(id);
                    assertThat(event.operation())
                            .isEqualTo(
                                    revisions.isEmpty()
                                            ? RdfChangeEvent.Operation.IMPORT
                                            : RdfChangeEvent.Operation.DIFF);
                    RdfReplay.Change change = RdfReplay.change(event);
                    store.remove(change.remove());
                    store.add(change.add());
                    if (event.sequence() + 1 == event.sequenceLength()) {
                        revisions.add(event.revId());
                    }
                    events++;
                }
                Model actual = new LinkedHashModel();
                store.getStatements(null, null, null).forEach(actual::add);
                Response head = RestAssured.get("/v1/entitybase/entities/" + id + ".ttl?flavor=dump");
                assertThat(head.statusCode()).isEqualTo(200);
                Model expected = RdfReplay.parseTurtle(head.asString());
                assertThat(revisions).as(id).hasSize(revisionCounts.get(id));
                assertThat(new HashSet<>(actual))
                        .as("%s: %d events", id, events)
                        .isEqualTo(new HashSet<>(expected));
                assertThat(Models.isomorphic(actual, expected)).isTrue();
                replayed++;
                System.out.printf(
                        "replay %s: %d revisions, %d events, %d triples = head%n",
                        id, revisionCounts.get(id), events, actual.size());
            } finally {
                repository.shutDown();
            }
        }
        System.out.printf("entity_diff replay: %d/%d histories give their head revision%n", replayed, heads.size());
        assertThat(replayed).isEqualTo(heads.size()).isEqualTo(10);
    }

    @Test
    @Order(2)
    void aRedeliveredEntityChangeGivesByteIdenticalEvents() {
        String topic = changeTopic();
        List<ConsumerRecord<byte[], byte[]>> changes = readRaw(topic);
        ConsumerRecord<byte[], byte[]> q42Head = changes.stream()
                .filter(r -> EntityChangeEventCodec.read(r.value()).revisionId() == heads.get("Q42"))
                .findFirst()
                .orElseThrow();
        List<String> first = diffs.stream()
                .filter(r -> r.key().equals("Q42") && event(r).revId() == heads.get("Q42"))
                .map(ConsumerRecord::value)
                .toList();
        assertThat(first).isNotEmpty();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(kafka(), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, q42Head.key(), q42Head.value()))
                    .get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        int before = diffs.size();
        List<ConsumerRecord<String, String>> all =
                readUntil(diffTopic(), records -> records.size() >= before + first.size());
        List<String> again = all.subList(before, before + first.size()).stream()
                .map(ConsumerRecord::value)
                .toList();
        assertThat(again).isEqualTo(first);
    }

    @Test
    @Order(3)
    void theWorkerCommitsItsOffsetsToTheEndOfTheTopic() throws Exception {
        String topic = changeTopic();
        Properties config = kafka();
        try (Admin admin = Admin.create(config);
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                        consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(WAIT);
            Map<TopicPartition, Long> committed = new HashMap<>();
            while (Instant.now().isBefore(deadline)) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("rdf-diff-worker")
                        .partitionsToOffsetAndMetadata()
                        .get();
                committed.clear();
                offsets.forEach((tp, o) -> {
                    if (tp.topic().equals(topic)) {
                        committed.put(tp, o.offset());
                    }
                });
                if (committed.equals(ends)) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(committed).isEqualTo(ends);
        }
    }

    @Test
    @Order(4)
    void aBacklogOnKafkaIsFullyProcessedWithEntityServiceKilled() throws Exception {
        importJson("{\"type\":\"property\",\"id\":\"P99301\",\"datatype\":\"wikibase-item\",\"labels\":{\"en\":"
                + "{\"language\":\"en\",\"value\":\"backlog link\"}}}");
        PausableChannel worker = ConsumerChannels.pausable(channels, "entity-change");
        worker.pause();
        Map<String, Long> newest = new LinkedHashMap<>();
        Map<String, String> headJson = new LinkedHashMap<>();
        try {
            for (int i = 0; i < 8; i++) {
                String id = "Q99300" + i;
                for (int edit = 0; edit < 3; edit++) { // a create, then edits that change a label and a claim
                    newest.put(id, importJson(backlogItem(id, edit)));
                }
            }
            Response redirected = RestAssured.given()
                    .header("X-User-ID", 3)
                    .contentType(ContentType.JSON)
                    .body("{\"from\":\"Q993000\",\"to\":\"Q993001\"}")
                    .post(entities.apiUrl() + "/redirects");
            assertThat(redirected.statusCode()).as(redirected.asString()).isEqualTo(200);
            newest.put("Q993000", redirected.jsonPath().getLong("revision_id"));
            Response deleted =
                    RestAssured.given().header("X-User-ID", 3).delete(entities.apiUrl() + "/entities/Q993002");
            assertThat(deleted.statusCode()).as(deleted.asString()).isEqualTo(200);
            newest.put("Q993002", newest.get("Q993002") + 1); // revision ids count per entity
            for (String id : newest.keySet()) {
                if (!id.equals("Q993000") && !id.equals("Q993002")) {
                    headJson.put(
                            id,
                            RestAssured.get(entities.apiUrl() + "/entities/" + id)
                                    .asString());
                }
            }
            awaitOutboxSent();
            entities.entityService().kill();
            worker.resume();

            List<ConsumerRecord<String, String>> all = readUntil(
                    diffTopic(),
                    records -> newest.entrySet().stream()
                            .allMatch(head -> records.stream()
                                    .map(RdfDiffReplayIT::event)
                                    .anyMatch(e -> e.entityId().equals(head.getKey())
                                            && e.revId() == head.getValue()
                                            && e.sequence() + 1 == e.sequenceLength())));
            for (Map.Entry<String, String> head : headJson.entrySet()) {
                Model expected = dump(head.getValue());
                assertThat(new HashSet<>(replay(all, head.getKey())))
                        .as("%s replayed from the diffs made with entity-service killed", head.getKey())
                        .isEqualTo(new HashSet<>(expected));
                Response route = RestAssured.get("/v1/entitybase/entities/" + head.getKey() + ".ttl?flavor=dump");
                assertThat(route.statusCode()).as(route.asString()).isEqualTo(200);
                assertThat(Models.isomorphic(RdfReplay.parseTurtle(route.asString()), expected))
                        .isTrue();
            }
            Model redirect = replay(all, "Q993000");
            assertThat(redirect).hasSize(1);
            assertThat(redirect.iterator().next().getPredicate().stringValue())
                    .isEqualTo("http://www.w3.org/2002/07/owl#sameAs");
            RdfChangeEvent last = all.stream()
                    .map(RdfDiffReplayIT::event)
                    .filter(e -> e.entityId().equals("Q993002"))
                    .reduce((a, b) -> b)
                    .orElseThrow();
            assertThat(last.operation()).isEqualTo(RdfChangeEvent.Operation.DELETE);
            assertThat(RestAssured.get("/v1/entitybase/entities/Q993002.ttl").statusCode())
                    .isEqualTo(410);
            assertThat(RestAssured.given()
                            .redirects()
                            .follow(false)
                            .get("/v1/entitybase/entities/Q993000.ttl")
                            .statusCode())
                    .isEqualTo(308);
        } finally {
            worker.resume();
            entities.entityService().restart();
        }
    }

    private static String backlogItem(String id, int edit) {
        return "{\"type\":\"item\",\"id\":\"" + id + "\",\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"" + id
                + " " + edit + "\"}},\"claims\":{\"P99301\":[{\"mainsnak\":{\"snaktype\":\"value\",\"property\":"
                + "\"P99301\",\"datavalue\":{\"value\":{\"entity-type\":\"item\",\"numeric-id\":" + (5 + edit)
                + ",\"id\":\"Q" + (5 + edit) + "\"},\"type\":\"wikibase-entityid\"},\"datatype\":\"wikibase-item\"},"
                + "\"type\":\"statement\",\"id\":\"" + id + "$"
                + UUID.randomUUID().toString().toUpperCase()
                + "\",\"rank\":\"normal\"}]}}";
    }

    /** The entity's events applied in order to an empty store. */
    private static Model replay(List<ConsumerRecord<String, String>> records, String id) {
        Repository repository = new SailRepository(new MemoryStore());
        try (RepositoryConnection store = repository.getConnection()) {
            for (ConsumerRecord<String, String> record : records) {
                RdfChangeEvent event = event(record);
                if (event.entityId().equals(id)) {
                    RdfReplay.Change change = RdfReplay.change(event);
                    store.remove(change.remove());
                    store.add(change.add());
                }
            }
            Model model = new LinkedHashModel();
            store.getStatements(null, null, null).forEach(model::add);
            return model;
        } finally {
            repository.shutDown();
        }
    }

    /** What the mapping writes in-process for the entity JSON ({@code ?flavor=dump}; the claims carry datatypes). */
    private static Model dump(String json) {
        StatementCollector collector = new StatementCollector();
        EntityRdfWriter.builder(RdfVocabulary.wikidata(), Flavor.FULL_DUMP)
                .sites(WikimediaSites.INSTANCE)
                .build(collector)
                .writeDocument(WikibaseJsonReader.lenient().readEntity(json));
        return new LinkedHashModel(collector.getStatements());
    }

    /** Until entity-service's relay has published every committed event (its outbox has no unsent row). */
    private static void awaitOutboxSent() throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        try (Connection db = LocalStack.current().connect(EntityServiceResource.entityDatabase("rdf_replay"))) {
            while (true) {
                try (ResultSet rs =
                        db.createStatement().executeQuery("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                assertThat(Instant.now()).as("outbox sent").isBefore(deadline);
                Thread.sleep(100);
            }
        }
    }

    private static RdfChangeEvent event(ConsumerRecord<String, String> record) {
        return RdfChangeEventCodec.read(record.value());
    }

    private long importJson(String json) {
        Response response = RestAssured.given()
                .header("X-User-ID", 3)
                .contentType(ContentType.JSON)
                .body(json)
                .post(entities.apiUrl() + "/import");
        assertThat(response.statusCode()).as(response.asString()).isIn(200, 201);
        return Long.parseLong(response.header("ETag").replace("\"", ""));
    }

    private static String diffTopic() {
        return ConfigProvider.getConfig().getValue("entitybase.streaming.entity-diff-topic", String.class);
    }

    private static String changeTopic() {
        return ConfigProvider.getConfig().getValue("entitybase.streaming.entity-change-topic", String.class);
    }

    private static Properties kafka() {
        Properties config = new Properties();
        config.put(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        return config;
    }

    private static Properties consumerConfig() {
        Properties config = kafka();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "rdf-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    /** The topic from the start, until {@code done} holds for what was read (or the wait is over). */
    private static List<ConsumerRecord<String, String>> readUntil(
            String topic, Predicate<List<ConsumerRecord<String, String>>> done) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                if (!records.isEmpty() && done.test(records)) {
                    return records;
                }
            }
        }
        throw new AssertionError("gave up waiting on " + topic + " after " + records.size() + " records");
    }

    private static List<ConsumerRecord<byte[], byte[]>> readRaw(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline)
                    && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
