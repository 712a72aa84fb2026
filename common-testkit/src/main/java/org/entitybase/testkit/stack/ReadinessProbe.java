package org.entitybase.testkit.stack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import io.restassured.response.Response;

import static io.restassured.RestAssured.given;

/**
 * Polls {@code /q/health/ready} of the service under test (RestAssured's target) until one check
 * and the overall answer reach a state: for tests that take a dependency away and bring it back.
 */
public final class ReadinessProbe {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private ReadinessProbe() {}

    /** One reading of /q/health/ready. */
    public record Reading(int httpStatus, String status, Map<String, String> checkStatuses, String body) {

        public String check(String name) {
            return checkStatuses.get(name);
        }
    }

    public static Reading read() {
        Response response = given().get("/q/health/ready");
        List<Map<String, Object>> checks = response.jsonPath().getList("checks");
        Map<String, String> statuses = new LinkedHashMap<>();
        for (Map<String, Object> check : checks) {
            statuses.put(String.valueOf(check.get("name")), String.valueOf(check.get("status")));
        }
        return new Reading(
                response.statusCode(), response.jsonPath().getString("status"), statuses, response.asString());
    }

    /**
     * Waits until {@code checkName} reports {@code checkStatus} and readiness as a whole reports
     * the same (UP is 200, DOWN is 503); returns how long that took.
     *
     * @throws AssertionError with the last reading when {@code timeout} passes first
     */
    public static Duration awaitCheck(String checkName, String checkStatus, Duration timeout) {
        long start = System.nanoTime();
        await(
                reading -> Objects.equals(reading.check(checkName), checkStatus)
                        && Objects.equals(reading.status(), checkStatus),
                checkName + " " + checkStatus,
                timeout);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Waits until readiness as a whole reports {@code status}; returns that reading. */
    public static Reading awaitStatus(String status, Duration timeout) {
        return await(reading -> Objects.equals(reading.status(), status), "readiness " + status, timeout);
    }

    private static Reading await(Predicate<Reading> condition, String what, Duration timeout) {
        long start = System.nanoTime();
        Reading last = null;
        while (System.nanoTime() - start < timeout.toNanos()) {
            last = read();
            if (condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(
                "no " + what + " within " + timeout + "; last reading: " + (last == null ? "none" : last.body()));
    }
}
