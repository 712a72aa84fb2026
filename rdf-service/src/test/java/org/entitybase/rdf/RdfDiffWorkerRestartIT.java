package org.entitybase.rdf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.entitybase.rdf.diff.RdfChangeEvent;
import org.entitybase.rdf.diff.RdfChangeEventCodec;
import org.entitybase.testkit.stack.EntityServiceUnderTest;
import org.entitybase.testkit.stack.LocalStack;
import org.entitybase.testkit.stack.ServiceJar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diff worker killed like a crash (SIGKILL) while edits keep coming, then started again: every committed revision
 * still gets its entity_diff, and a revision delivered twice (at-least-once) gets the same event twice, never a
 * different one. The worker is the packaged rdf-service on its own (its own database); entity-service and
 * id-allocator are real too.
 */
class RdfDiffWorkerRestartIT {

    private static final int EDITS_BEFORE_KILL = 12;
    private static final int EDITS_WHILE_DOWN = 12;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aKilledWorkerResumesWithoutLosingARevision() throws Exception {
        String diffTopic = "entitybase.it.rdf_restart." + System.currentTimeMillis() + ".entity_diff";
        String database = EntityServiceResource.rdfDatabase("rdf_restart");
        LocalStack.current().recreateDatabase(database);
        try (EntityServiceUnderTest entities = EntityServiceUnderTest.start("rdf_restart");
                ServiceJar worker = ServiceJar.start(
                        "rdf-service",
                        Map.of(
                                "VITESS_DATABASE", database,
                                "KAFKA_ENTITY_CHANGE_TOPIC", entities.entityChangeTopic(),
                                "KAFKA_ENTITY_DIFF_TOPIC", diffTopic))) {
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < EDITS_BEFORE_KILL; i++) {
                expected.add(create(entities, "before the crash " + i));
            }
            // some of these are in flight when the worker dies
            worker.kill();
            for (int i = 0; i < EDITS_WHILE_DOWN; i++) {
                expected.add(create(entities, "while the worker is down " + i));
            }
            worker.restart();

            Map<String, List<String>> byRevision = awaitDiffs(diffTopic, expected);
            assertThat(byRevision.keySet())
                    .as("one entity_diff per committed revision, none lost to the crash")
                    .containsAll(expected);
            byRevision.forEach((revision, payloads) -> assertThat(Set.copyOf(payloads))
                    .as("a revision processed twice gives the same event twice: %s", revision)
                    .hasSize(1));
            System.out.printf(
                    "diff worker restart: %d/%d revisions diffed, %d events (%d redelivered)%n",
                    byRevision.size(),
                    expected.size(),
                    byRevision.values().stream().mapToInt(List::size).sum(),
                    byRevision.values().stream().mapToInt(List::size).sum() - byRevision.size());
        }
    }

    /** A new item; returns {@code <id>@<revision>}. */
    private static String create(EntityServiceUnderTest entities, String label) throws Exception {
        String body = "{\"type\":\"item\",\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"" + label + "\"}}}";
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(URI.create(entities.apiUrl() + "/entities/items"))
                        .header("Content-Type", "application/json")
                        .header("X-User-ID", "5")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = created.body().replaceAll("(?s).*?\"id\":\"(Q\\d+)\".*", "$1");
        return id + "@" + created.headers().firstValue("X-Revision-ID").orElseThrow();
    }

    /** The diff topic's events by {@code <entity>@<revision>}, read until every expected revision has one. */
    private static Map<String, List<String>> awaitDiffs(String topic, Set<String> expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.current().kafkaBrokers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, List<String>> byRevision = new HashMap<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!byRevision.keySet().containsAll(expected) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    RdfChangeEvent event = RdfChangeEventCodec.read(record.value());
                    byRevision
                            .computeIfAbsent(event.entityId() + "@" + event.revId(), k -> new ArrayList<>())
                            .add(record.value());
                }
            }
        }
        return byRevision;
    }
}
