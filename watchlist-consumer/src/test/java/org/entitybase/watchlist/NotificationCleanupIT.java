package org.entitybase.watchlist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.entitybase.testkit.stack.LocalStack;
import org.entitybase.watchlist.service.NotificationCleanup;
import org.entitybase.watchlist.support.JobsDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cleanup job triggered as the scheduler would run it (LeasedJob.runNow): every notification of an edit older
 * than the retention (30 days) goes, in several batches, and every younger one stays, read or not.
 */
@QuarkusTest
@QuarkusTestResource(JobsDatabase.class)
class NotificationCleanupIT {

    private static final long USER = 7_700_001;

    @Inject
    NotificationCleanup cleanup;

    @Test
    void removesExactlyTheNotificationsPastTheRetention() throws Exception {
        Instant now = Instant.now();
        List<Instant> old = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            old.add(now.minus(Duration.ofDays(31)).minusSeconds(i));
        }
        old.add(now.minus(Duration.ofDays(30)).minus(Duration.ofMinutes(5)));
        old.add(now.minus(Duration.ofDays(400)));
        List<Instant> young = List.of(
                now.minus(Duration.ofDays(30)).plus(Duration.ofMinutes(5)),
                now.minus(Duration.ofDays(29)),
                now.minus(Duration.ofHours(1)),
                now);
        insert(old, 1);
        Set<Long> kept = insert(young, 10_000);

        long removed = cleanup.job().runNow().await().atMost(Duration.ofSeconds(60));

        assertThat(removed).isEqualTo(old.size());
        assertThat(ids()).containsExactlyInAnyOrderElementsOf(kept);
        assertThat(cleanup.job().runNow().await().atMost(Duration.ofSeconds(60)))
                .as("nothing left to remove")
                .isZero();
    }

    /** One notification of revision {@code firstRevision + i} per time; their ids. */
    private static Set<Long> insert(List<Instant> createdAt, long firstRevision) throws Exception {
        Set<Long> ids = new HashSet<>();
        try (Connection db = LocalStack.current().connect(JobsDatabase.DATABASE);
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO watchlist_notifications (user_id, entity_id, revision_id, change_type,"
                                + " changed_by, created_at, read_at) VALUES (?, 'Q1', ?, 'edit', 1, ?, ?)",
                        PreparedStatement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < createdAt.size(); i++) {
                Timestamp at = Timestamp.valueOf(LocalDateTime.ofInstant(createdAt.get(i), ZoneOffset.UTC));
                insert.setLong(1, USER);
                insert.setLong(2, firstRevision + i);
                insert.setTimestamp(3, at);
                insert.setTimestamp(4, i % 2 == 0 ? null : at); // read or not makes no difference
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    ids.add(keys.getLong(1));
                }
            }
        }
        return ids;
    }

    private static List<Long> ids() throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection db = LocalStack.current().connect(JobsDatabase.DATABASE);
                ResultSet rows = db.createStatement()
                        .executeQuery("SELECT id FROM watchlist_notifications WHERE user_id = " + USER)) {
            while (rows.next()) {
                out.add(rows.getLong(1));
            }
        }
        return out;
    }
}
