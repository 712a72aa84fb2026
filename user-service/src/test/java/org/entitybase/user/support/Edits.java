package org.entitybase.user.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.model.event.EntityChangeEventCodec;
import org.entitybase.testkit.stack.LocalStack;
import org.entitybase.user.events.UserRevisionRecorder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Edits through the real entity-service of {@link UserStack}, and its entity_change events fed to the recorder. */
public final class Edits {

    private Edits() {}

    /** A write to entity-service as {@code user}. */
    public static RequestSpecification as(long user) {
        return given().contentType(ContentType.JSON).header("X-User-ID", user).header("X-Edit-Summary", "by " + user);
    }

    public static String api(String path) {
        return UserStack.entities().apiUrl() + path;
    }

    /** A new item labelled {@code label}, created by {@code user}; its id. */
    public static String createItem(long user, String label) {
        Response r = as(user).body(item(label, null)).post(api("/entities/items"));
        assertThat(r.statusCode()).as("create: %s", r.asString()).isEqualTo(201);
        return r.jsonPath().getString("id");
    }

    /**
     * {@link #createItem}, then its create event recorded in the revision index, as the running consumer would: what
     * user-service's existence checks answer from (it never asks entity-service).
     */
    public static String createIndexedItem(Pool pool, UserRevisionRecorder recorder, long user, String label) {
        String id = createItem(user, label);
        record(pool, recorder, awaitEvents(e -> e.entityId().equals(id), 1));
        return id;
    }

    /** A new revision of {@code id} by {@code user} with another label. */
    public static void relabel(long user, String id, String label) {
        Response r = as(user).body(item(label, id)).put(api("/entities/items/" + id));
        assertThat(r.statusCode()).as("edit: %s", r.asString()).isEqualTo(200);
    }

    /** The entity's history as entity-service answers it, newest first. */
    public static List<Map<String, Object>> history(String id) {
        JsonPath page = given().get(api("/entities/" + id + "/history?limit=500"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return page.getList("revisions");
    }

    static String item(String label, String id) {
        String idField = id == null ? "" : "\"id\":\"" + id + "\",";
        return """
                {%s"type":"item","labels":{"en":{"language":"en","value":"%s"}},"descriptions":{},"aliases":{},
                 "claims":{},"sitelinks":{}}""".formatted(idField, label);
    }

    /** Every event entity-service has published so far on the private topic, decoded, in topic order per partition. */
    public static List<EntityChangeEvent> publishedEvents() {
        List<EntityChangeEvent> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : publishedRecords()) {
            out.add(EntityChangeEventCodec.read(r.value()));
        }
        return out;
    }

    /** Every record on the private topic so far, as published (key and payload), in topic order per partition. */
    public static List<ConsumerRecord<String, byte[]>> publishedRecords() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.current().kafkaBrokers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "user-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        String topic = UserStack.entities().entityChangeTopic();
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /**
     * Waits until entity-service has published {@code count} events that match {@code which} (its outbox relays them a moment after
     * the commit), then returns them all.
     */
    public static List<EntityChangeEvent> awaitEvents(Predicate<EntityChangeEvent> which, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<EntityChangeEvent> events =
                    publishedEvents().stream().filter(which).toList();
            if (events.size() >= count || System.nanoTime() > deadline) {
                assertThat(events.size()).as("events published").isGreaterThanOrEqualTo(count);
                return events;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Each event through the recorder in a transaction of its own, as the consumer base will; how many were new. */
    public static int record(Pool pool, UserRevisionRecorder recorder, List<EntityChangeEvent> events) {
        int fresh = 0;
        for (EntityChangeEvent e : events) {
            if (pool.withTransaction(c -> recorder.record(e, c)).await().atMost(Duration.ofSeconds(10))) {
                fresh++;
            }
        }
        return fresh;
    }
}
