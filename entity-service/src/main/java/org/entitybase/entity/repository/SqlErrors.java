package org.entitybase.entity.repository;

import io.vertx.mysqlclient.MySQLBatchException;
import io.vertx.sqlclient.DatabaseException;

/** MySQL/MariaDB error codes the write path reacts to, looked up through batch wrappers and causes. */
public final class SqlErrors {

    static final int DUPLICATE_KEY = 1062;
    static final int LOCK_WAIT_TIMEOUT = 1205;
    static final int DEADLOCK = 1213;

    private SqlErrors() {}

    public static boolean isDuplicateKey(Throwable failure) {
        return hasCode(failure, DUPLICATE_KEY);
    }

    /** A failure that a retry of the whole transaction may not meet again. */
    public static boolean isTransient(Throwable failure) {
        return hasCode(failure, DEADLOCK) || hasCode(failure, LOCK_WAIT_TIMEOUT);
    }

    /** The database's message of the first error with {@code code}, or null. */
    static String message(Throwable failure, int code) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
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
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static boolean hasCode(Throwable failure, int code) {
        return message(failure, code) != null;
    }
}
