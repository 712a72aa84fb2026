package org.entitybase.watchlist.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

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

import io.restassured.response.Response;

import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.model.event.EntityChangeEventCodec;
import org.entitybase.testkit.stack.LocalStack;
import org.entitybase.watchlist.service.NotificationFanOut;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Reads of watchlist-consumer's routes and metrics, and the private topic, for the ITs. */
public final class Notifications {

    private Notifications() {}

    /** {@code GET /users/{user}/notifications?<query>} as the user; the response (any status). */
    public static Response list(long user, String query) {
        return given().header("X-User-ID", user)
                .get(NotifyStack.get().notificationsApi() + "/users/" + user + "/notifications" + query);
    }

    /** Every notification of the user (all pages), newest first, as maps of the route's JSON. */
    public static List<Map<String, Object>> all(long user) {
        List<Map<String, Object>> out = new ArrayList<>();
        String after = null;
        do {
            Response r = list(user, "?limit=500" + (after == null ? "" : "&after=" + after));
            assertThat(r.statusCode()).as("list: %s", r.asString()).isEqualTo(200);
            out.addAll(r.jsonPath().getList("notifications"));
            after = r.jsonPath().getString("next");
        } while (after != null);
        return out;
    }

    /** The user's notifications of {@code entity}. */
    public static List<Map<String, Object>> of(long user, String entity) {
        return all(user).stream().filter(n -> entity.equals(n.get("entity_id"))).toList();
    }

    /** Rows for one revision in the table. */
    public static long rows(String entity, long revision) {
        return NotifyStack.count("SELECT COUNT(*) FROM watchlist_notifications WHERE entity_id = '" + entity
                + "' AND revision_id = " + revision);
    }

    /**
     * Waits until the consumer has processed the event of {@code entity}'s revision {@code revision}: its id is in
     * the consumer's dedup table. Read from the topic, so this holds whether or not anyone watched.
     */
    public static void awaitProcessed(String entity, long revision, Duration wait) {
        String eventId = published().stream()
                .map(r -> EntityChangeEventCodec.read(r.value()))
                .filter(e -> entity.equals(e.entityId()) && e.revisionId() == revision)
                .map(EntityChangeEvent::eventId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event of " + entity + " r" + revision + " on the topic"));
        Edits.await(
                "the event of " + entity + " r" + revision + " processed",
                wait,
                () -> NotifyStack.count("SELECT COUNT(*) FROM " + NotificationFanOut.DEDUP_TABLE + " WHERE event_id = '"
                                + eventId + "'")
                        == 1);
    }

    /** {@code entitybase_consumer_events_total{outcome}} of the running consumer, from its Prometheus page. */
    public static double consumed(String outcome) {
        String metrics = given().get(NotifyStack.get().consumer().baseUrl() + "/q/metrics")
                .asString();
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("entitybase_consumer_events_total{") && line.contains("outcome=\"" + outcome + "\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Every record entity-service has published on the private topic so far. */
    public static List<ConsumerRecord<String, byte[]>> published() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.current().kafkaBrokers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        String topic = NotifyStack.get().entities().entityChangeTopic();
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }

    /** Publishes {@code records} again, as a redelivery would. */
    public static void republish(List<ConsumerRecord<String, byte[]>> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.current().kafkaBrokers());
        String topic = NotifyStack.get().entities().entityChangeTopic();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<String, byte[]> r : records) {
                producer.send(new ProducerRecord<>(topic, r.key(), r.value()));
            }
            producer.flush();
        }
    }
}
