package org.entitybase.entity.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mysqlclient.MySQLClient;

/** {@code import_jobs} and {@code import_job_errors} (V6): bulk import jobs, their cursor and their bad lines. */
@ApplicationScoped
public class ImportJobRepository {

    public static final String RUNNING = "running";
    public static final String DONE = "done";

    static final String INSERT = "INSERT INTO import_jobs (user_id, summary, state, total_lines, committed_line,"
            + " created, updated, unchanged, failed, started_at, updated_at) VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, ?, ?)";

    static final String FIND = "SELECT id, user_id, summary, state, total_lines, committed_line, created, updated,"
            + " unchanged, failed, started_at, updated_at FROM import_jobs WHERE id = ?";

    // the compare-and-set on committed_line: two clients sending parts of one job cannot both move it
    static final String ADVANCE = "UPDATE import_jobs SET committed_line = ?, created = created + ?,"
            + " updated = updated + ?, unchanged = unchanged + ?, failed = failed + ?, state = ?, updated_at = ?"
            + " WHERE id = ? AND committed_line = ?";

    static final String INSERT_ERROR =
            "INSERT IGNORE INTO import_job_errors (job_id, line, status, body) VALUES (?, ?, ?, ?)";

    static final String ERRORS =
            "SELECT line, status, body FROM import_job_errors WHERE job_id = ? ORDER BY line LIMIT ?";

    /** A job's row. */
    public record Job(
            long id,
            long userId,
            String summary,
            String state,
            Long totalLines,
            long committedLine,
            long created,
            long updated,
            long unchanged,
            long failed,
            Instant startedAt,
            Instant updatedAt) {}

    /** A bad line: its number, the status and the error body it got. */
    public record LineError(long line, int status, String body) {}

    /** What one part adds to its job. */
    public record Progress(long created, long updated, long unchanged, List<LineError> errors) {}

    private final Pool pool;

    ImportJobRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Long> insert(long userId, String summary, Long totalLines, Instant at) {
        return pool.preparedQuery(INSERT)
                .execute(Tuple.from(new Object[] {userId, summary, RUNNING, totalLines, Rows.utc(at), Rows.utc(at)}))
                .map(rows -> (long) rows.getDelegate().property(MySQLClient.LAST_INSERTED_ID));
    }

    /** The job, or null. */
    public Uni<Job> find(long id) {
        return pool.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> {
            RowIterator<Row> iterator = rows.iterator();
            if (!iterator.hasNext()) {
                return null;
            }
            Row row = iterator.next();
            return new Job(
                    row.getLong("id"),
                    row.getLong("user_id"),
                    row.getString("summary"),
                    row.getString("state"),
                    row.getLong("total_lines"),
                    row.getLong("committed_line"),
                    row.getLong("created"),
                    row.getLong("updated"),
                    row.getLong("unchanged"),
                    row.getLong("failed"),
                    Rows.instant(row, "started_at"),
                    Rows.instant(row, "updated_at"));
        });
    }

    /**
     * Moves the job's cursor from {@code from} to {@code to} with the part's counts and (the first {@code maxErrors}
     * of the job's) bad lines, in one transaction. False when the cursor was no longer at {@code from}.
     */
    public Uni<Boolean> advance(Job job, long to, Progress progress, boolean last, int maxErrors, Instant at) {
        List<Tuple> errors = new ArrayList<>();
        long room = Math.max(0, maxErrors - job.failed());
        for (LineError error : progress.errors()) {
            if (errors.size() >= room) {
                break;
            }
            errors.add(Tuple.of(job.id(), error.line(), error.status(), error.body()));
        }
        Tuple advance = Tuple.from(new Object[] {
            to,
            progress.created(),
            progress.updated(),
            progress.unchanged(),
            (long) progress.errors().size(),
            last ? DONE : RUNNING,
            Rows.utc(at),
            job.id(),
            job.committedLine()
        });
        return pool.withTransaction(connection -> connection
                .preparedQuery(ADVANCE)
                .execute(advance)
                .flatMap(updated -> {
                    if (updated.rowCount() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    return errors.isEmpty()
                            ? Uni.createFrom().item(true)
                            : connection
                                    .preparedQuery(INSERT_ERROR)
                                    .executeBatch(errors)
                                    .map(ignored -> true);
                }));
    }

    /** The job's first {@code limit} bad lines, by line number. */
    public Uni<List<LineError>> errors(long jobId, int limit) {
        return pool.preparedQuery(ERRORS).execute(Tuple.of(jobId, limit)).map(rows -> {
            List<LineError> errors = new ArrayList<>();
            for (Row row : rows) {
                errors.add(new LineError(row.getLong("line"), row.getInteger("status"), row.getString("body")));
            }
            return errors;
        });
    }
}
