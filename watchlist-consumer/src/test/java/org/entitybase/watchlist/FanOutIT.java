package org.entitybase.watchlist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.entitybase.watchlist.support.Edits;
import org.entitybase.watchlist.support.Notifications;
import org.entitybase.watchlist.support.NotifyStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An entity with 10,000 watchers: its fan-out is timed and does not hold up the entities behind it, and a consumer
 * killed in the middle of it (kill -9 of the jar) and started again leaves exactly one notification per watcher.
 * The watch rows are written as user-service writes them (10,000 watch requests would time the test, not the
 * consumer).
 */
class FanOutIT {

    private static final int WATCHERS = 10_000;
    private static final long EDITOR = 9_500_001;
    private static final long FIRST_WATCHER = 20_000_001;

    @Test
    void tenThousandWatchersFanOutInBatchesAndSurviveAKillInTheMiddle() throws Exception {
        NotifyStack stack = NotifyStack.get();
        String crowded = Edits.createItem(EDITOR, "crowded", Map.of());
        String quiet = Edits.createItem(EDITOR, "quiet", Map.of());
        insertWatchers(crowded, FIRST_WATCHER, WATCHERS);
        long lone = 9_500_002;
        Edits.watch(lone, quiet, null);

        // timed: the whole fan-out, then an edit of another entity right behind it
        long started = System.nanoTime();
        long first = Edits.edit(EDITOR, crowded, "crowded 1", Map.of());
        long quietRevision = Edits.edit(EDITOR, quiet, "quiet 1", Map.of());
        Edits.await(
                "10,000 notifications", Duration.ofSeconds(120), () -> Notifications.rows(crowded, first) == WATCHERS);
        long fanOutMillis = (System.nanoTime() - started) / 1_000_000;
        Edits.await(
                "the quiet entity's notification",
                Duration.ofSeconds(30),
                () -> Notifications.rows(quiet, quietRevision) == 1);
        long bothMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "fan-out to %d watchers in batches of %d: %d ms; the next entity's notification after %d ms%n",
                WATCHERS, NotifyStack.FAN_OUT_BATCH, fanOutMillis, bothMillis);
        assertThat(fanOutMillis).as("fan-out of 10,000 in ms").isLessThan(60_000);

        // killed in the middle of the next fan-out, started again
        long second = Edits.edit(EDITOR, crowded, "crowded 2", Map.of());
        Edits.await("the fan-out under way", Duration.ofSeconds(60), () -> Notifications.rows(crowded, second) > 0);
        stack.consumer().kill();
        long atKill = Notifications.rows(crowded, second);
        System.out.printf("killed with %d of %d notifications of r%d written%n", atKill, WATCHERS, second);
        assertThat(atKill).as("the kill landed mid-fan-out").isBetween(1L, WATCHERS - 1L);
        stack.consumer().restart();
        Edits.await(
                "the fan-out finished after the restart",
                Duration.ofSeconds(120),
                () -> Notifications.rows(crowded, second) == WATCHERS);
        // redelivered events processed after the restart must not add anything more
        Thread.sleep(2000);
        assertThat(Notifications.rows(crowded, second)).isEqualTo(WATCHERS);
        assertThat(Notifications.rows(crowded, first)).isEqualTo(WATCHERS);
        assertThat(NotifyStack.count("SELECT COUNT(DISTINCT user_id) FROM watchlist_notifications WHERE entity_id = '"
                        + crowded + "' AND revision_id = " + second))
                .isEqualTo(WATCHERS);
        assertThat(NotifyStack.count("SELECT COUNT(*) FROM watchlist_notifications WHERE entity_id = '" + crowded
                        + "' AND user_id = " + EDITOR))
                .isZero();
    }

    /** What user-service's watch writes: a user_watchlist entry and its entity_watchers row, for each user. */
    static void insertWatchers(String entity, long firstUser, int count) throws SQLException {
        try (Connection db = NotifyStack.database()) {
            db.setAutoCommit(false);
            try (PreparedStatement entry = db.prepareStatement(
                            "INSERT INTO user_watchlist (user_id, entity_id, properties, created_at) VALUES (?, ?, NULL, ?)");
                    PreparedStatement watcher =
                            db.prepareStatement("INSERT INTO entity_watchers (entity_id, user_id) VALUES (?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (long user = firstUser; user < firstUser + count; user++) {
                    entry.setLong(1, user);
                    entry.setString(2, entity);
                    entry.setTimestamp(3, now);
                    entry.addBatch();
                    watcher.setString(1, entity);
                    watcher.setLong(2, user);
                    watcher.addBatch();
                }
                entry.executeBatch();
                watcher.executeBatch();
            }
            db.commit();
        }
    }
}
