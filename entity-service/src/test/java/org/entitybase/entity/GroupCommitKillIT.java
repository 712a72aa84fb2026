package org.entitybase.entity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.model.event.EntityChangeEventCodec;
import org.entitybase.testkit.stack.EntityServiceUnderTest;
import org.entitybase.testkit.stack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * entity-service killed (-9) while 8 clients write under group commit (docs/DECISIONS.md "Group commit of client
 * writes"): after a restart every write that got a 2xx is stored with the content it sent, and every stored revision
 * has its entity_change event on Kafka. Its own id-allocator and entity-service jars, databases and topic.
 */
class GroupCommitKillIT {

    private static final int CLIENTS = 8;
    private static final int ENTITIES_PER_CLIENT = 2;
    /** Acknowledged writes before the kill: enough that it lands among group commits under load. */
    private static final int ACKS_BEFORE_KILL = 120;

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(Q\\d+)\"");
    private static final Pattern GROUP_SUM =
            Pattern.compile("entitybase_write_group_size_sum\\{[^}]*kind=\"write\"[^}]*} ([0-9.E]+)");
    private static final Pattern GROUP_COUNT =
            Pattern.compile("entitybase_write_group_size_count\\{[^}]*kind=\"write\"[^}]*} ([0-9.E]+)");

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** A write that got a 2xx: the revision it made and the label it wrote. */
    private record Acknowledged(String id, long revision, String label) {}

    @Test
    void everyAcknowledgedWriteSurvivesAKillAndEveryRevisionHasItsEvent() throws Exception {
        try (EntityServiceUnderTest service = EntityServiceUnderTest.start("group_kill")) {
            String api = service.apiUrl();
            List<String> targets = new ArrayList<>();
            for (int i = 0; i < CLIENTS * ENTITIES_PER_CLIENT; i++) {
                HttpResponse<String> created = send(api, "POST", "/entities/items", item(null, "target " + i));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                targets.add(id(created.body()));
            }

            clashingCreatesFailOnlyTheLoser(api);

            ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
            AtomicInteger acks = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch enough = new CountDownLatch(ACKS_BEFORE_KILL);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> write(api, client, targets, stop, acknowledged, unexpected, acks, enough));
            }
            boolean underLoad = enough.await(60, TimeUnit.SECONDS);
            String metrics = http.send(
                            HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            service.entityService().kill();
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(unexpected)
                    .as("answers other than 200/201 before the kill")
                    .isEmpty();
            assertThat(underLoad)
                    .as("%d writes acknowledged before the kill", acks.get())
                    .isTrue();
            // the kill came while writes shared transactions: more commits than group transactions so far
            assertThat(metric(GROUP_SUM, metrics)).isGreaterThan(metric(GROUP_COUNT, metrics));

            service.entityService().restart();

            for (Acknowledged ack : acknowledged) {
                HttpResponse<String> read =
                        send(api, "GET", "/entities/" + ack.id() + "/revision/" + ack.revision(), null);
                assertThat(read.statusCode()).as("%s read back", ack).isEqualTo(200);
                assertThat(read.body()).as("%s read back", ack).contains("\"" + ack.label() + "\"");
            }

            Set<String> stored = storedRevisions();
            assertThat(stored).hasSizeGreaterThanOrEqualTo(acknowledged.size());
            assertThat(eventsOf(service.entityChangeTopic(), stored.size(), Duration.ofSeconds(30)))
                    .as("an entity_change event for every stored revision")
                    .containsAll(stored);
        }
    }

    /**
     * Bursts of 8 concurrent creates, two of which claim one sitelink: whether or not they share a group, one of the
     * two gets 409 and every other create its 201 (a failed group is committed again one by one).
     */
    private void clashingCreatesFailOnlyTheLoser(String api) throws Exception {
        ExecutorService burst = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int round = 0; round < 3; round++) {
                String title = "Group clash " + UUID.randomUUID();
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    String label = "clash " + round + " " + i + " " + UUID.randomUUID();
                    String sitelinks = i < 2
                            ? "{\"enwiki\":{\"site\":\"enwiki\",\"title\":\"" + title + "\",\"badges\":[]}}"
                            : "{}";
                    String body = EntityApiIT.item(label).replace("\"sitelinks\":{}", "\"sitelinks\":" + sitelinks);
                    answers.add(burst.submit(() -> send(api, "POST", "/entities/items", body)));
                }
                List<Integer> statuses = new ArrayList<>();
                for (var answer : answers) {
                    statuses.add(answer.get(60, TimeUnit.SECONDS).statusCode());
                }
                assertThat(statuses.subList(0, 2))
                        .as("the two claims of %s", title)
                        .containsExactlyInAnyOrder(201, 409);
                assertThat(statuses.subList(2, CLIENTS)).as("their group-mates").containsOnly(201);
            }
        } finally {
            burst.shutdownNow();
        }
    }

    /** One client: edits of its own entities, every third request a create, until {@code stop}. */
    private Void write(
            String api,
            int client,
            List<String> targets,
            AtomicBoolean stop,
            ConcurrentLinkedQueue<Acknowledged> acknowledged,
            ConcurrentLinkedQueue<String> unexpected,
            AtomicInteger acks,
            CountDownLatch enough) {
        for (int n = 0; !stop.get(); n++) {
            String label = "client " + client + " write " + n + " " + UUID.randomUUID();
            try {
                if (n % 3 == 2) {
                    HttpResponse<String> created = send(api, "POST", "/entities/items", item(null, label));
                    if (created.statusCode() != 201) {
                        unexpected.add("create: " + created.statusCode() + " " + created.body());
                        continue;
                    }
                    acknowledged.add(new Acknowledged(id(created.body()), 1, label));
                } else {
                    String id = targets.get(client * ENTITIES_PER_CLIENT + n % ENTITIES_PER_CLIENT);
                    HttpResponse<String> edited = send(api, "PUT", "/entities/items/" + id, item(id, label));
                    if (edited.statusCode() != 200) {
                        unexpected.add("edit of " + id + ": " + edited.statusCode() + " " + edited.body());
                        continue;
                    }
                    String etag = edited.headers().firstValue("ETag").orElseThrow();
                    acknowledged.add(new Acknowledged(id, Long.parseLong(etag.replace("\"", "")), label));
                }
                acks.incrementAndGet();
                enough.countDown();
            } catch (IOException e) {
                // the service was killed: this write got no answer, so nothing is owed to it
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private HttpResponse<String> send(String api, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-User-ID", "7")
                .header("Content-Type", "application/json");
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String item(String id, String label) {
        String json = EntityApiIT.item(label);
        return id == null ? json : EntityApiIT.withId(json, id);
    }

    private static String id(String body) {
        Matcher m = ID.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    private static double metric(Pattern pattern, String metrics) {
        Matcher m = pattern.matcher(metrics);
        assertThat(m.find()).as("%s in /q/metrics", pattern).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** "Q1@3" for every row of entity_revisions. */
    private static Set<String> storedRevisions() throws SQLException {
        Set<String> revisions = new HashSet<>();
        try (Connection db = LocalStack.current().connect("entitybase_test_group_kill_entity");
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT entity_id, revision_id FROM entity_revisions")) {
            while (rows.next()) {
                revisions.add(rows.getString(1) + "@" + rows.getLong(2));
            }
        }
        return revisions;
    }

    /** "Q1@3" for every event on {@code topic} from its start, once {@code count} distinct ones came (or time is up). */
    private static Set<String> eventsOf(String topic, int count, Duration within) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.current().kafkaBrokers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "group-commit-kill-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Set<String> events = new HashSet<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + within.toNanos();
            while (events.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    EntityChangeEvent event =
                            EntityChangeEventCodec.read(record.value().getBytes(StandardCharsets.UTF_8));
                    events.add(event.entityId() + "@" + event.revisionId());
                });
            }
        }
        return events;
    }
}
