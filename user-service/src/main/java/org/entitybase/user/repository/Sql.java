package org.entitybase.user.repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.vertx.sqlclient.DatabaseException;

/** DATETIME columns hold UTC; duplicate keys are how unique rules are enforced. */
public final class Sql {

    private static final int DUPLICATE_KEY = 1062;

    private Sql() {}

    public static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }

    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseException db && db.getErrorCode() == DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }
}
