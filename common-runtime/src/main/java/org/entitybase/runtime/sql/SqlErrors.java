package org.entitybase.runtime.sql;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import io.vertx.core.VertxException;
import io.vertx.mysqlclient.MySQLBatchException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/**
 * The one classification of MariaDB failures every service reacts to, looked up through batch wrappers and causes:
 * a duplicate key (a conflict the caller maps), a transient failure (retry the whole transaction), the database
 * unavailable (retry later, 503).
 */
public final class SqlErrors {

    public static final int DUPLICATE_KEY = 1062;
    public static final int LOCK_WAIT_TIMEOUT = 1205;
    public static final int DEADLOCK = 1213;

    private static final String POOL_CLOSED = "Pool closed";

    private SqlErrors() {}

    public static boolean isDuplicateKey(Throwable failure) {
        return message(failure, DUPLICATE_KEY) != null;
    }

    /** Deadlocks and lock waits: the transaction rolled back whole, and a retry of it may not meet them again. */
    public static boolean isTransient(Throwable failure) {
        return message(failure, DEADLOCK) != null || message(failure, LOCK_WAIT_TIMEOUT) != null;
    }

    /**
     * The database could not be reached or dropped the connection (no SQL error code): a later try may succeed once
     * it is back. An error the database answered with a code is never unavailability.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseException) {
                return false;
            }
            if (t instanceof IOException // connection refused or reset, channel closed
                    || t instanceof TimeoutException
                    || t instanceof ClosedConnectionException
                    || t instanceof VertxException && isConnectionGone(t.getMessage())
                    // Vert.x fails a query on a closed pool (the service stopping) with a bare "Pool closed"
                    || POOL_CLOSED.equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionGone(String message) {
        return message != null && (message.contains("closed") || message.contains("Timeout"));
    }

    /** The database's message of the first error with {@code code}, or null. */
    public static String message(Throwable failure, int code) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseException db && db.getErrorCode() == code) {
                return db.getMessage();
            }
            if (t instanceof MySQLBatchException batch) {
                for (Throwable inner : batch.getIterationError().values()) {
                    String found = message(inner, code);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }
}
