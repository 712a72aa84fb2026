package org.entitybase.user;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import org.entitybase.testkit.stack.LocalStack;
import org.entitybase.user.events.EntityChangeConsumer;
import org.entitybase.user.support.Edits;
import org.entitybase.user.support.UserStack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running consumer: edits through the real entity-service reach {@code GET /users/{id}/activity} by its
 * entity_change events alone (no test code feeds the recorder), and every event published again, plus an unreadable
 * one, changes nothing: the duplicates are processed as such, the unreadable one is dead-lettered. The other ITs leave
 * the channel on a topic nobody writes to, so what they check of an index that lags is not raced by the consumer.
 */
@QuarkusTest
@TestProfile(EntityChangeConsumerIT.Consuming.class)
class EntityChangeConsumerIT {

    private static final long ALICE = 8_000_001;
    private static final long BOB = 8_000_002;

    /** The channel on the private topic of UserStack's entity-service. */
    public static class Consuming implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PrivateTopic.class));
        }
    }

    /** Started after UserStack (higher order), whose entity-service names the topic. */
    public static class PrivateTopic implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of(
                    "entitybase.streaming.entity-change-topic",
                    UserStack.entities().entityChangeTopic(),
                    "entitybase.user.consumer.retry-max-backoff",
                    "2s");
        }

        @Override
        public void stop() {}

        @Override
        public int order() {
            return 1;
        }
    }

    @Inject
    MeterRegistry registry;

    @Test
    void editsReachActivityThroughTheConsumerAndRedeliveryChangesNothing() {
        String first = Edits.createItem(ALICE, "consumed");
        Edits.relabel(BOB, first, "consumed, relabelled");
        Edits.relabel(ALICE, first, "consumed, relabelled again");
        String second = Edits.createItem(BOB, "consumed too");

        Map<Long, List<String>> expected = new HashMap<>();
        for (String id : List.of(first, second)) {
            for (Map<String, Object> rev : Edits.history(id)) {
                long user = ((Number) rev.get("user_id")).longValue();
                expected.computeIfAbsent(user, k -> new ArrayList<>()).add(line(id, rev));
            }
        }
        assertThat(expected.get(ALICE)).hasSize(2);
        assertThat(expected.get(BOB)).hasSize(2);
        await(
                "activity of both users",
                () -> activity(ALICE).size() == 2 && activity(BOB).size() == 2);
        assertThat(activity(ALICE)).containsExactlyInAnyOrderElementsOf(expected.get(ALICE));
        assertThat(activity(BOB)).containsExactlyInAnyOrderElementsOf(expected.get(BOB));
        assertThat(UserStack.count("SELECT COUNT(*) FROM processed_events")).isEqualTo(4);

        // every event again, and one nobody can read
        List<ConsumerRecord<String, byte[]>> published = Edits.publishedRecords();
        assertThat(published).hasSize(4);
        double processedBefore = outcome("processed").count();
        double deadBefore = outcome("dead_lettered").count();
        republish(published);
        await(
                "the redelivered events processed and the unreadable one dead-lettered",
                () -> outcome("processed").count() >= processedBefore + published.size()
                        && outcome("dead_lettered").count() >= deadBefore + 1);

        assertThat(activity(ALICE)).containsExactlyInAnyOrderElementsOf(expected.get(ALICE));
        assertThat(activity(BOB)).containsExactlyInAnyOrderElementsOf(expected.get(BOB));
        assertThat(UserStack.count("SELECT COUNT(*) FROM user_activity")).isEqualTo(4);
        assertThat(UserStack.count("SELECT COUNT(*) FROM revision_authors")).isEqualTo(4);
        assertThat(UserStack.count("SELECT COUNT(*) FROM processed_events")).isEqualTo(4);
    }

    private Counter outcome(String outcome) {
        Counter counter = registry.find("entitybase.consumer.events")
                .tag("consumer", EntityChangeConsumer.CONSUMER)
                .tag("outcome", outcome)
                .counter();
        assertThat(counter).as("consumer counter %s", outcome).isNotNull();
        return counter;
    }

    private static void republish(List<ConsumerRecord<String, byte[]>> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.current().kafkaBrokers());
        String topic = UserStack.entities().entityChangeTopic();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<String, byte[]> r : records) {
                producer.send(new ProducerRecord<>(topic, r.key(), r.value()));
            }
            producer.send(new ProducerRecord<>(topic, "Q1", "not an event".getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<String> activity(long user) {
        JsonPath page = given().get("/v1/entitybase/users/" + user + "/activity?limit=100")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> out = new ArrayList<>();
        for (Map<String, Object> e : page.<Map<String, Object>>getList("activity")) {
            out.add(line((String) e.get("entity_id"), e));
        }
        return out;
    }

    /** What activity and history share for one revision. */
    private static String line(String entityId, Map<String, Object> revision) {
        return entityId + " r" + revision.get("revision_id") + " parent " + revision.get("parent_revision_id") + " "
                + revision.get("change_type") + " '" + revision.get("edit_summary") + "' "
                + Instant.parse((String) revision.get("timestamp"));
    }
}
