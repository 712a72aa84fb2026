package org.entitybase.runtime.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import org.entitybase.runtime.sql.SqlErrors;

/**
 * The claim on one run of a scheduled job, in the service's own database: table {@code scheduled_job_runs}, primary
 * key ({@code job_name}, {@code fire_time}). Every replica fires at the same cron time and INSERTs that key; the one
 * whose INSERT succeeds runs the job, the others meet the duplicate key and skip. The row then records who ran it and
 * how it ended. A service that schedules jobs adds this table in a migration of its own:
 *
 * <pre>
 * CREATE TABLE scheduled_job_runs (
 *     job_name    VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
 *     fire_time   DATETIME(6) NOT NULL,
 *     claimed_by  VARCHAR(255) NOT NULL,
 *     claimed_at  DATETIME(6) NOT NULL,
 *     finished_at DATETIME(6) NULL,
 *     outcome     VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL,
 *     detail      VARCHAR(1000) NULL,
 *     PRIMARY KEY (job_name, fire_time)
 * ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
 * </pre>
 *
 * A winner that dies mid-run leaves its row without {@code finished_at}: that fire time is not run again by anyone
 * (docs/DECISIONS.md), so jobs are written to catch up on the next fire time.
 */
public final class JobLease {

    static final String CLAIM =
            "INSERT INTO scheduled_job_runs (job_name, fire_time, claimed_by, claimed_at) VALUES (?, ?, ?, ?)";
    static final String FINISH = "UPDATE scheduled_job_runs SET finished_at = ?, outcome = ?, detail = ?"
            + " WHERE job_name = ? AND fire_time = ?";

    /** How a claimed run ended ({@code outcome}); null while it runs or when its claimant died. */
    public enum Outcome {
        SUCCEEDED,
        FAILED
    }

    private JobLease() {}

    /**
     * The key of a fire time: whole seconds, since cron times are whole seconds and replicas must agree on the key
     * even when one reports the time with a fraction.
     */
    static Instant key(Instant fireTime) {
        return fireTime.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Claims ({@code job}, {@code fireTime}); true when this claimant won and is to run it. */
    public static Uni<Boolean> claim(SqlClient client, String job, Instant fireTime, String claimant) {
        return client.preparedQuery(CLAIM)
                .execute(Tuple.of(job, utc(key(fireTime)), claimant, utc(Instant.now())))
                .replaceWith(true)
                .onFailure(SqlErrors::isDuplicateKey)
                .recoverWithItem(false);
    }

    /** Records how the claimed run ended; {@code detail} (e.g. the failure) is cut to the column's size. */
    public static Uni<Void> finish(SqlClient client, String job, Instant fireTime, Outcome outcome, String detail) {
        String cut = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        return client.preparedQuery(FINISH)
                .execute(Tuple.tuple()
                        .addLocalDateTime(utc(Instant.now()))
                        .addString(outcome.name().toLowerCase(Locale.ROOT))
                        .addString(cut)
                        .addString(job)
                        .addLocalDateTime(utc(key(fireTime))))
                .replaceWithVoid();
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
