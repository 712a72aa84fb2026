package org.entitybase.entity.service.write;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mysqlclient.MySQLBatchException;
import io.vertx.sqlclient.DatabaseException;

import org.entitybase.runtime.rest.ApiException;
import org.entitybase.runtime.sql.SqlErrors;

/**
 * Transient database failures of a write (deadlock 1213, lock wait timeout 1205, also inside a batch's
 * {@code MySQLBatchException}) are retried as a whole transaction with a bounded, jittered backoff: a failed
 * transaction is rolled back whole, so a retry never commits part of an edit twice. When the attempts run out the
 * client gets 503 with {@code Retry-After}, not 500. Every database failure is logged with its cause chain, the
 * errors of a batch's iterations included (the batch exception's own message names none).
 */
public final class DatabaseRetry {

    static final Duration FIRST_BACKOFF = Duration.ofMillis(2);
    static final Duration MAX_BACKOFF = Duration.ofMillis(100);

    private static final Logger LOG = Logger.getLogger(DatabaseRetry.class);

    private DatabaseRetry() {}

    /** {@code attempt} again (made new each time) while it fails transiently, at most {@code maxAttempts} in all. */
    public static <T> Uni<T> retried(String what, int maxAttempts, Supplier<Uni<T>> attempt) {
        return Uni.createFrom()
                .deferred(() -> attempt.get())
                .onFailure()
                .invoke(failure -> logged(what, failure))
                .onFailure(SqlErrors::isTransient)
                .retry()
                .withBackOff(FIRST_BACKOFF, MAX_BACKOFF)
                .withJitter(0.5)
                .atMost(Math.max(0, maxAttempts - 1L))
                .onFailure(SqlErrors::isTransient)
                .transform(failure -> busy(what, maxAttempts));
    }

    /** 503: the database kept refusing the transaction; nothing was written. */
    public static ApiException busy(String what, int attempts) {
        return new ApiException(
                503,
                "database-busy",
                "the database kept refusing " + what + " (deadlock or lock wait timeout); nothing was written",
                Map.of("attempts", attempts),
                Duration.ofSeconds(1));
    }

    /** Logs {@code failure} if it is a database failure: transient ones as a warning (they are retried). */
    public static void logged(String what, Throwable failure) {
        if (!isDatabaseFailure(failure)) {
            return;
        }
        if (SqlErrors.isTransient(failure)) {
            LOG.warnf("%s: transient database failure: %s", what, describe(failure));
        } else {
            LOG.warnf(failure, "%s: database failure: %s", what, describe(failure));
        }
    }

    static boolean isDatabaseFailure(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof DatabaseException || t instanceof MySQLBatchException) {
                return true;
            }
        }
        return false;
    }

    /** The cause chain in one line, with the error of each failed batch iteration (code, SQL state, message). */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- caused by ");
            }
            text.append(one(t));
            if (t instanceof MySQLBatchException batch) {
                batch.getIterationError()
                        .forEach((iteration, error) -> text.append(" [iteration ")
                                .append(iteration)
                                .append(": ")
                                .append(describe(error))
                                .append(']'));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }

    private static String one(Throwable t) {
        if (t instanceof DatabaseException db) {
            return t.getClass().getSimpleName() + " " + db.getErrorCode() + " (" + db.getSqlState() + "): "
                    + db.getMessage();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
