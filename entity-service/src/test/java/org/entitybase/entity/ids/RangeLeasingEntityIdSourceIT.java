package org.entitybase.entity.ids;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.runtime.rest.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two leasing sources (two entity-service instances, as far as ids go) against a real id-allocator: the packaged
 * id-allocator module ({@code ../id-allocator/target/quarkus-app}, built before this module in the reactor) on a free
 * port, with its test profile (the test database).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RangeLeasingEntityIdSourceIT {

    private static final Path ALLOCATOR_JAR = Path.of("..", "id-allocator", "target", "quarkus-app", "quarkus-run.jar")
            .toAbsolutePath()
            .normalize();
    /** Generous: a freshly started allocator answers its first requests slowly on a busy machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private static Vertx vertx;
    private static int port;
    private static Process allocatorProcess;

    @BeforeAll
    static void startAllocator() {
        assumeTrue(
                Files.isRegularFile(ALLOCATOR_JAR),
                ALLOCATOR_JAR + " is missing: package id-allocator first (mvn -pl id-allocator package)");
        // SmallRye context propagation (which Mutiny finds on the class path) sets itself up on first use, not
        // thread-safely: let that happen here, not in eight threads at once
        Uni.createFrom().emitter(emitter -> emitter.complete(1)).await().indefinitely();
        vertx = Vertx.vertx();
        port = freePort();
        allocatorProcess = startAllocatorOn(port);
    }

    @AfterAll
    static void stopAllocator() throws Exception {
        if (allocatorProcess != null) {
            allocatorProcess.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (vertx != null) {
            vertx.closeAndAwait();
        }
    }

    private static RangeLeasingEntityIdSource instance(String owner) {
        HttpIdAllocatorClient client = new HttpIdAllocatorClient(vertx, "http://127.0.0.1:" + port, TIMEOUT, owner);
        return new RangeLeasingEntityIdSource(client, 50, 10, System::nanoTime, false);
    }

    @Test
    @Order(1)
    void twoInstancesTakingIdsConcurrentlyNeverShareOne() throws Exception {
        List<RangeLeasingEntityIdSource> instances =
                List.of(instance(HttpIdAllocatorClient.ownerId()), instance(HttpIdAllocatorClient.ownerId()));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<EntityId>>> batches = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                RangeLeasingEntityIdSource instance = instances.get(t % 2);
                EntityType type = t % 4 < 2 ? EntityType.ITEM : EntityType.PROPERTY;
                batches.add(callers.submit(() -> {
                    List<EntityId> ids = new ArrayList<>();
                    for (int i = 0; i < 400; i++) {
                        ids.add(instance.next(type).await().atMost(Duration.ofSeconds(10)));
                    }
                    return ids;
                }));
            }
            Set<EntityId> distinct = new HashSet<>();
            for (Future<List<EntityId>> batch : batches) {
                distinct.addAll(batch.get(60, TimeUnit.SECONDS));
            }
            assertThat(distinct).as("3,200 ids, none twice").hasSize(3200);
            assertThat(distinct.stream().filter(id -> id.type() == EntityType.ITEM))
                    .hasSize(1600);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    @Order(2)
    void aReservationOnOneInstanceKeepsEveryLaterClaimAboveIt() {
        RangeLeasingEntityIdSource importer = instance("it-importer");
        RangeLeasingEntityIdSource other = instance("it-other");
        long current = importer.next(EntityType.LEXEME).await().atMost(TIMEOUT).numericId();
        long kept = current + 5000;

        importer.reserveUpTo(EntityId.ofNumeric(EntityType.LEXEME, kept))
                .await()
                .atMost(TIMEOUT);

        assertThat(importer.next(EntityType.LEXEME).await().atMost(TIMEOUT).numericId())
                .as("the importer drops its leased ids up to the kept one")
                .isGreaterThan(kept);
        assertThat(other.next(EntityType.LEXEME).await().atMost(TIMEOUT).numericId())
                .as("another instance's first claim starts above it")
                .isGreaterThan(kept);
    }

    @Test
    @Order(3)
    void withoutAnAllocatorCallersGet503AndIdsFlowAgainOnceItIsBack() throws Exception {
        RangeLeasingEntityIdSource instance = instance("it-outage");
        allocatorProcess.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        CompletableFuture<EntityId> during = instance.next(EntityType.ITEM).subscribeAsCompletionStage();
        assertThatThrownBy(() -> during.get(TIMEOUT.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS))
                .cause()
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.code()).isEqualTo("id-allocator-unavailable");
                });

        allocatorProcess = startAllocatorOn(port);
        assertThat(instance.next(EntityType.ITEM).await().atMost(TIMEOUT)).isNotNull();
    }

    private static Process startAllocatorOn(int port) {
        ProcessBuilder command = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx160m",
                        "-jar",
                        ALLOCATOR_JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        Path.of("target", "id-allocator-" + port + ".log").toFile()));
        command.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // as id-allocator's own tests configure it: on the test database, never on the data of `./entitybase up`
        command.environment().put("QUARKUS_PROFILE", "test");
        try {
            Process process = command.start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (!ready(port)) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(
                            "id-allocator did not start, see target/id-allocator-" + port + ".log");
                }
                Thread.sleep(200);
            }
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ready = its MariaDB pool is connected, so the first claim does not pay for that. */
    private static boolean ready(int port) throws InterruptedException {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
