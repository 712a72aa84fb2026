package org.entitybase.ids;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import static org.assertj.core.api.Assertions.assertThat;

/** What the {@code ids} keyspace holds for one type, read straight from the tables in one snapshot. */
record StoredRanges(String entityType, long nextId, List<Stored> ranges) {

    record Stored(long start, long end, String owner, String state) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Counter and ranges from one consistent read (one REPEATABLE READ transaction). */
    static StoredRanges read(Pool pool, String entityType) {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT next_id FROM id_counters WHERE entity_type = ?")
                        .execute(Tuple.of(entityType))
                        .flatMap(
                                counter -> tx.preparedQuery("SELECT range_start, range_end, owner, state FROM id_ranges"
                                                + " WHERE entity_type = ? ORDER BY range_start")
                                        .execute(Tuple.of(entityType))
                                        .map(rows -> new StoredRanges(entityType, nextId(counter), ranges(rows)))))
                .await()
                .atMost(TIMEOUT);
    }

    static long rowCount(Pool pool) {
        return pool.query("SELECT COUNT(*) AS n FROM id_ranges")
                .execute()
                .await()
                .atMost(TIMEOUT)
                .iterator()
                .next()
                .getLong("n");
    }

    /**
     * The invariant of the keyspace: a type's ranges cover {@code 1..next_id-1} exactly once, one after the other,
     * whoever claimed them and whatever crashed on the way.
     */
    StoredRanges assertTiled() {
        long expectedStart = 1;
        for (Stored range : ranges) {
            assertThat(range.start())
                    .as("%s range %s follows the one before without gap or overlap", entityType, range)
                    .isEqualTo(expectedStart);
            assertThat(range.end()).as("%s range %s", entityType, range).isGreaterThanOrEqualTo(range.start());
            expectedStart = range.end() + 1;
        }
        assertThat(expectedStart)
                .as("%s: the counter is just past the last range", entityType)
                .isEqualTo(nextId);
        return this;
    }

    private static long nextId(RowSet<Row> counter) {
        return counter.size() == 0 ? 1 : counter.iterator().next().getLong("next_id");
    }

    private static List<Stored> ranges(RowSet<Row> rows) {
        List<Stored> ranges = new ArrayList<>();
        for (Row row : rows) {
            ranges.add(new Stored(
                    row.getLong("range_start"),
                    row.getLong("range_end"),
                    row.getString("owner"),
                    row.getString("state")));
        }
        return ranges;
    }
}
