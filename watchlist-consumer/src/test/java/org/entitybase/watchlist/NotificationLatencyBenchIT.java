package org.entitybase.watchlist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.entitybase.watchlist.support.Edits;
import org.entitybase.watchlist.support.NotifyStack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Edit → notification visible, through the gateway jar: the time from entity-service acknowledging an edit (the
 * gateway's answer to the PUT) to the watcher's {@code GET /users/{id}/notifications?limit=1} through the gateway
 * showing that revision (polled every 5 ms), for an entity with 1 watcher and one with 10,000 (its first and its last
 * watcher by id: the first and the last page of the fan-out). Only with {@code -Dwatchlist.bench=true}; figures in
 * docs/BENCHMARKS.md and target/notification-latency.txt.
 */
class NotificationLatencyBenchIT {

    private static final long EDITOR = 9_600_001;
    private static final long LONE_WATCHER = 9_600_002;
    private static final long FIRST_OF_MANY = 30_000_001;
    private static final int MANY = 10_000;

    @Test
    void editToNotificationVisibleThroughTheGateway() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("watchlist.bench"), "-Dwatchlist.bench=true runs the benchmark");
        int singleEdits = Integer.getInteger("watchlist.bench.single-edits", 100);
        int crowdedEdits = Integer.getInteger("watchlist.bench.crowded-edits", 10);
        String gateway = NotifyStack.get().gateway().apiUrl();

        String single = Edits.createItem(EDITOR, "bench single", Map.of());
        Edits.watch(LONE_WATCHER, single, null);
        String crowded = Edits.createItem(EDITOR, "bench crowded", Map.of());
        FanOutIT.insertWatchers(crowded, FIRST_OF_MANY, MANY);
        long lastOfMany = FIRST_OF_MANY + MANY - 1;

        // warm-up: class loading and connection pools of every hop
        for (int i = 0; i < 5; i++) {
            measure(gateway, single, "bench single warm-up " + i, LONE_WATCHER);
        }
        List<Double> one = new ArrayList<>();
        for (int i = 0; i < singleEdits; i++) {
            one.add(measure(gateway, single, "bench single " + i, LONE_WATCHER));
        }
        List<Double> firstPage = new ArrayList<>();
        List<Double> lastPage = new ArrayList<>();
        for (int i = 0; i < crowdedEdits; i++) {
            long revision = edit(gateway, crowded, "bench crowded " + i);
            long start = System.nanoTime();
            firstPage.add(awaitVisible(gateway, FIRST_OF_MANY, revision, crowded, start));
            lastPage.add(awaitVisible(gateway, lastOfMany, revision, crowded, start));
        }

        String report = String.join(
                "\n",
                line("1 watcher", one),
                line("10,000 watchers, first watcher", firstPage),
                line("10,000 watchers, last watcher", lastPage),
                "fan-out batch " + NotifyStack.FAN_OUT_BATCH);
        System.out.println(report);
        Files.writeString(
                Path.of("target", "notification-latency.txt"),
                report + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        assertThat(one).hasSize(singleEdits);
    }

    private static double measure(String gateway, String entity, String label, long watcher) {
        long revision = edit(gateway, entity, label);
        return awaitVisible(gateway, watcher, revision, entity, System.nanoTime());
    }

    /** Milliseconds from {@code ackedAt} until the watcher sees a notification of {@code revision} or a later one. */
    private static double awaitVisible(String gateway, long watcher, long revision, String entity, long ackedAt) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            Response r =
                    given().header("X-User-ID", watcher).get(gateway + "/users/" + watcher + "/notifications?limit=1");
            assertThat(r.statusCode()).as("%s", r.asString()).isEqualTo(200);
            List<Map<String, Object>> rows = r.jsonPath().getList("notifications");
            if (!rows.isEmpty()
                    && entity.equals(rows.get(0).get("entity_id"))
                    && ((Number) rows.get(0).get("revision_id")).longValue() >= revision) {
                return (System.nanoTime() - ackedAt) / 1e6;
            }
            assertThat(System.nanoTime())
                    .as("notification of %s r%d", entity, revision)
                    .isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A relabel through the gateway; its revision. The clock starts when the gateway acknowledges it. */
    private static long edit(String gateway, String entity, String label) {
        Response r = given().contentType(ContentType.JSON)
                .header("X-User-ID", EDITOR)
                .body(Edits.itemJson(entity, label, Map.of()))
                .put(gateway + "/entities/items/" + entity);
        assertThat(r.statusCode()).as("edit: %s", r.asString()).isEqualTo(200);
        return r.jsonPath().getLong("lastrevid");
    }

    private static String line(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format(
                "%s: n=%d p50=%.0f ms p99=%.0f ms max=%.0f ms",
                what, sorted.size(), percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
