package org.entitybase.statement.repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.RowSet;

/** Small SQL helpers shared by the repositories (failures are classified by common-runtime's SqlErrors). */
public final class Sql {

    /** Longest {@code IN (…)} list in one statement. */
    public static final int MAX_IN = 500;

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
}
