package org.entitybase.testkit.stack;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

import org.entitybase.testkit.stack.ReadinessProbe.Reading;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * What every Entitybase service must show against the real local stack: ready with exactly the
 * checks of the dependencies it uses, live, Prometheus metrics, OpenAPI, request ids, and its
 * info route. A service's {@code ReadinessIT} is a {@code @QuarkusTest} subclass naming its
 * checks; RestAssured already points at the test instance.
 */
public abstract class AbstractReadinessIT {

    /** Quarkus' check of the reactive MariaDB/MySQL pool. */
    protected static final String MARIADB_CHECK = "Reactive MySQL connections health check";

    /** Quarkus' check of the Kafka messaging channels, present wherever quarkus-messaging-kafka is. */
    protected static final String MESSAGING_CHECK = "SmallRye Reactive Messaging - readiness check";

    /** Like a readiness probe, the test asks again while dependencies are still connecting. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);

    private final String serviceName;
    private final List<String> expectedReadinessChecks;

    protected AbstractReadinessIT(String serviceName, String... expectedReadinessChecks) {
        this.serviceName = serviceName;
        this.expectedReadinessChecks = List.of(expectedReadinessChecks);
    }

    @Test
    void readyWithExactlyTheExpectedChecksAllUp() {
        Reading ready = ReadinessProbe.awaitStatus("UP", READY_WITHIN);
        assertThat(ready.checkStatuses().keySet())
                .as("readiness checks of %s: %s", serviceName, ready.body())
                .containsExactlyInAnyOrderElementsOf(expectedReadinessChecks);
        assertThat(ready.checkStatuses())
                .as(ready.body())
                .allSatisfy((name, status) -> assertThat(status).isEqualTo("UP"));
        assertThat(ready.httpStatus()).isEqualTo(200);
    }

    @Test
    void live() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsInPrometheusTextFormat() {
        // what a Prometheus server asks for (without it Quarkus answers in OpenMetrics)
        Response response = given().accept("text/plain; version=0.0.4").get("/q/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        assertThat(response.asString()).contains("# TYPE jvm_memory_used_bytes gauge");
    }

    @Test
    void openApiDocument() {
        Response response = given().queryParam("format", "json").get("/q/openapi");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("openapi")).startsWith("3.");
    }

    @Test
    void echoesTheRequestId() {
        given().header("X-Request-ID", "readiness-it-1")
                .get("/q/health/live")
                .then()
                .header("X-Request-ID", "readiness-it-1");
    }

    @Test
    void infoRouteNamesTheServiceUnderTheApiPrefix() {
        given().get(LocalStack.current().apiPrefix() + "/" + serviceName + "/info")
                .then()
                .statusCode(200)
                .body("name", equalTo(serviceName));
    }
}
