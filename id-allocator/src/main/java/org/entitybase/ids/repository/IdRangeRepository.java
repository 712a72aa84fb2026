package org.entitybase.ids.repository;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * SQL on {@code id_counters} and {@code id_ranges}. Writes take the {@link SqlConnection} of the caller's
 * transaction: locking the counter, advancing it and recording the range must commit together.
 */
@ApplicationScoped
public class IdRangeRepository {

    static final String LOCK_COUNTER = "SELECT next_id FROM id_counters WHERE entity_type = ? FOR UPDATE";
    static final String CREATE_COUNTER =
            "INSERT IGNORE INTO id_counters (entity_type, next_id, updated_at) VALUES (?, 1, ?)";
    static final String ADVANCE_COUNTER = "UPDATE id_counters SET next_id = ?, updated_at = ? WHERE entity_type = ?";
    static final String INSERT_RANGE = "INSERT INTO id_ranges (entity_type, range_start, range_end, owner, state,"
            + " claimed_at) VALUES (?, ?, ?, ?, ?, ?)";
    static final String READ_COUNTER = "SELECT next_id FROM id_counters WHERE entity_type = ?";
    static final String LATEST_RANGES = "SELECT entity_type, range_start, range_end, owner, state, claimed_at"
            + " FROM id_ranges WHERE entity_type = ? ORDER BY range_start DESC LIMIT ?";

    /**
     * The next free id of {@code entityType}, with its counter row locked until the transaction ends. A type's
     * first claim creates the row (next id 1); a concurrent first claim waits on that insert and then on the lock.
     */
    public Uni<Long> lockNextId(SqlConnection tx, String entityType, LocalDateTime now) {
        return tx.preparedQuery(LOCK_COUNTER).execute(Tuple.of(entityType)).flatMap(rows -> {
            if (rows.size() > 0) {
                return Uni.createFrom().item(nextId(rows));
            }
            return tx.preparedQuery(CREATE_COUNTER)
                    .execute(Tuple.of(entityType, now))
                    .flatMap(created -> tx.preparedQuery(LOCK_COUNTER).execute(Tuple.of(entityType)))
                    .map(IdRangeRepository::nextId);
        });
    }

    public Uni<Void> advance(SqlConnection tx, String entityType, long nextId, LocalDateTime now) {
        return tx.preparedQuery(ADVANCE_COUNTER)
                .execute(Tuple.of(nextId, now, entityType))
                .flatMap(rows -> expectOneRow(rows, "id_counters." + entityType));
    }

    public Uni<Void> insert(SqlConnection tx, IdRangeRow range) {
        return tx.preparedQuery(INSERT_RANGE)
                .execute(Tuple.of(
                        range.entityType(),
                        range.rangeStart(),
                        range.rangeEnd(),
                        range.owner(),
                        range.state(),
                        range.claimedAt()))
                .flatMap(rows -> expectOneRow(rows, "id_ranges"));
    }

    /** The next free id, empty when the type never had a claim. */
    public Uni<Optional<Long>> nextId(SqlClient client, String entityType) {
        return client.preparedQuery(READ_COUNTER)
                .execute(Tuple.of(entityType))
                .map(rows -> rows.size() == 0 ? Optional.<Long>empty() : Optional.of(nextId(rows)));
    }

    /** The {@code limit} ranges of a type with the highest ids, highest first. */
    public Uni<List<IdRangeRow>> latest(SqlClient client, String entityType, int limit) {
        return client.preparedQuery(LATEST_RANGES)
                .execute(Tuple.of(entityType, limit))
                .map(rows -> {
                    List<IdRangeRow> ranges = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        ranges.add(new IdRangeRow(
                                row.getString("entity_type"),
                                row.getLong("range_start"),
                                row.getLong("range_end"),
                                row.getString("owner"),
                                row.getString("state"),
                                row.getLocalDateTime("claimed_at")));
                    }
                    return ranges;
                });
    }

    private static long nextId(RowSet<Row> rows) {
        return rows.iterator().next().getLong("next_id");
    }

    private static Uni<Void> expectOneRow(RowSet<Row> rows, String what) {
        if (rows.rowCount() != 1) {
            return Uni.createFrom()
                    .failure(new IllegalStateException(
                            "expected to write one row of " + what + ", wrote " + rows.rowCount()));
        }
        return Uni.createFrom().voidItem();
    }
}
