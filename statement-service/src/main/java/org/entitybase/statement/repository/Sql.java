package org.entitybase.statement.repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mysqlclient.MySQLBatchException;
import io.vertx.sqlclient.DatabaseException;

/** Small helpers shared by the repositories. */
public final class Sql {

    /** Longest {@code IN (…)} list in one statement. */
    public static final int MAX_IN = 500;

    private static final int DUPLICATE_KEY = 1062;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DEADLOCK = 1213;

    private Sql() {}

    /** {@code ?, ?, …} with {@code n} placeholders. */
    static String placeholders(int n) {
        return "?, ".repeat(n - 1) + "?";
    }

    static <T> List<List<T>> chunks(List<T> values, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < values.size(); from += size) {
            out.add(values.subList(from, Math.min(values.size(), from + size)));
        }
        return out;
    }

    /** DATETIME columns hold UTC. */
    public static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }

    static long affected(RowSet<?> rows) {
        return rows.rowCount();
    }

    public static boolean isDuplicateKey(Throwable failure) {
        return hasCode(failure, DUPLICATE_KEY);
    }

    /** Deadlocks and lock waits: a retry of the whole transaction may not meet them again. */
    public static boolean isTransient(Throwable failure) {
        return hasCode(failure, DEADLOCK) || hasCode(failure, LOCK_WAIT_TIMEOUT);
    }

    private static boolean hasCode(Throwable failure, int code) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseException db && db.getErrorCode() == code) {
                return true;
            }
            if (t instanceof MySQLBatchException batch) {
                for (Throwable inner : batch.getIterationError().values()) {
                    if (hasCode(inner, code)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
