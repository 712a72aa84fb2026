package org.entitybase.runtime.admission;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;

import org.entitybase.testkit.http.RawHttpConnection;
import org.entitybase.testkit.http.RawHttpConnection.Answer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admission control in a real Quarkus app: a 1 MiB budget, one byte of work per body byte, half a second in line, one
 * request allowed to wait.
 */
@QuarkusTest
@TestProfile(AdmissionFilterTest.SmallBudget.class)
class AdmissionFilterTest {
    private static final String ROUTE = "/v1/entitybase/admission-probe";
    private static final int KIB = 1024;
    /** Each request its own thread (the common pool has one thread on two cores). */
    private static final java.util.concurrent.ExecutorService CLIENTS =
            java.util.concurrent.Executors.newCachedThreadPool();

    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "entitybase.memory.admission", "1M",
                    "entitybase.memory.admission-control.work-per-body-byte", "1",
                    "entitybase.memory.admission-control.max-wait", "500ms",
                    "entitybase.memory.admission-control.max-queued", "1",
                    "entitybase.memory.admission-control.retry-after", "2s");
        }
    }

    @Inject
    MeterRegistry registry;

    @AfterEach
    void letGo() {
        AdmissionProbeResource.hold.countDown();
    }

    private static Response post(int bytes) {
        return given().contentType("application/octet-stream")
                .body(new byte[bytes])
                .post(ROUTE);
    }

    private static CompletableFuture<Response> postAsync(int bytes) {
        return CompletableFuture.supplyAsync(() -> post(bytes), CLIENTS);
    }

    private CompletableFuture<Response> holding(int bytes) {
        int before = AdmissionProbeResource.entered.get();
        CompletableFuture<Response> held = postAsync(bytes);
        within(10, () -> AdmissionProbeResource.entered.get() > before);
        return held;
    }

    private double gauge(String name) {
        return registry.get("entitybase.admission." + name).gauge().value();
    }

    private double shed(String reason) {
        return registry.get("entitybase.admission.shed")
                .tag("reason", reason)
                .counter()
                .count();
    }

    @Test
    void aBodyAboveFourMebibytesIs413BeforeItIsRead() {
        Response response = post(4 * KIB * KIB + 1);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.jsonPath().getString("code")).isEqualTo("entity-too-large");
        assertThat(response.jsonPath().getLong("context.limit")).isEqualTo(4L * KIB * KIB);
        assertThat(post(4 * KIB * KIB).statusCode())
                .as("the limit itself is accepted")
                .isEqualTo(200);
    }

    @Test
    void anOversizedBodyOnAKeptAliveConnectionIs413WithConnectionCloseAndTheConnectionCloses() {
        URI base = URI.create(
                "http://127.0.0.1:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class));
        Map<String, String> octets = Map.of("Content-Type", "application/octet-stream");
        try (RawHttpConnection connection = RawHttpConnection.open(base)) {
            connection.send("POST", ROUTE, octets, "four");
            Answer kept = connection.read();
            assertThat(kept.status()).isEqualTo(200);
            assertThat(kept.header("Connection"))
                    .as("a normal answer keeps the connection")
                    .isNull();

            // a body just over the limit, all of it sent before the answer is read (as most clients do)
            connection.sendHead("POST", ROUTE, octets, 4L * KIB * KIB + 1, 4 * KIB * KIB + 1);
            Answer refused = connection.read();
            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(refused.header("Content-Type")).startsWith("application/json");
            JsonObject error = new JsonObject(refused.body());
            assertThat(error.getString("code")).isEqualTo("entity-too-large");
            assertThat(error.getString("message")).contains("at most 4194304");
            assertThat(error.getJsonObject("context").getLong("size")).isEqualTo(4L * KIB * KIB + 1);
            assertThat(connection.closedByServerWithin(2_000))
                    .as("the server closes the connection once the body is in")
                    .isTrue();
        }
        try (RawHttpConnection stalled = RawHttpConnection.open(base)) {
            // only the head and 64 KiB of such a body: the answer comes at once, the close after the linger
            stalled.sendHead("POST", ROUTE, octets, 4L * KIB * KIB + 1, 64 * KIB);
            Answer refused = stalled.read();
            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(stalled.closedByServerWithin((int) AdmissionFilter.LINGER_MILLIS + 5_000))
                    .as("the server closes a connection whose body never comes")
                    .isTrue();
        }
        try (RawHttpConnection fresh = RawHttpConnection.open(base)) {
            fresh.send("POST", ROUTE, octets, "again");
            Answer answer = fresh.read();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("5");
        }
    }

    @Test
    void overTheBudgetARequestWaitsThenIsShedWith503AndRetryAfter() throws Exception {
        AdmissionProbeResource.hold = new CountDownLatch(1);
        double timeoutsBefore = shed("timeout");
        double fullBefore = shed("queue-full");
        CompletableFuture<Response> first = holding(600 * KIB);
        CompletableFuture<Response> waiting = postAsync(600 * KIB);
        within(5, () -> registry.get("entitybase.admission.queued").gauge().value() == 1);
        Response lineFull = post(10);
        assertThat(lineFull.statusCode()).isEqualTo(503);
        assertThat(lineFull.header("Retry-After")).isEqualTo("2");
        assertThat(lineFull.jsonPath().getString("code")).isEqualTo("overloaded");
        assertThat(lineFull.jsonPath().getString("context.request_id")).isNotBlank();

        Response timedOut = waiting.get(10, TimeUnit.SECONDS);
        assertThat(timedOut.statusCode()).isEqualTo(503);
        assertThat(timedOut.header("Retry-After")).isEqualTo("2");
        assertThat(shed("timeout")).isEqualTo(timeoutsBefore + 1);
        assertThat(shed("queue-full")).isEqualTo(fullBefore + 1);

        AdmissionProbeResource.hold.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        within(5, () -> registry.get("entitybase.admission.in.use").gauge().value() == 0);
    }

    @Test
    void aWaitingRequestIsLetInWhenRoomIsFreedAndALargeOneRunsAlone() throws Exception {
        AdmissionProbeResource.hold = new CountDownLatch(1);
        CompletableFuture<Response> first = holding(600 * KIB);
        // 3 MiB is above the 1 MiB budget: it waits for the whole budget, then runs alone
        CompletableFuture<Response> large = postAsync(3 * KIB * KIB);
        within(5, () -> registry.get("entitybase.admission.queued").gauge().value() == 1);
        AdmissionProbeResource.hold.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        Response response = large.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asString()).isEqualTo(Integer.toString(3 * KIB * KIB));
    }

    private void within(int seconds, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime())
                    .as(
                            "condition within %d s (capacity %s, in use %s, queued %s)",
                            seconds, gauge("capacity"), gauge("in.use"), gauge("queued"))
                    .isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
