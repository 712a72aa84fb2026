package org.entitybase.entity.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@code outbox}: entity_change events written in their edit's transaction, published by the relay in id order. Per
 * entity, id order is commit order: an edit's outbox insert comes after its head compare-and-set, which waits for
 * any other open edit of the same entity.
 */
@ApplicationScoped
public class OutboxRepository {

    /** The relay's lease row (V2). */
    public static final String ENTITY_CHANGE_RELAY = "entity_change";

    static final String INSERT = "INSERT INTO outbox (event_key, payload, created_at) VALUES (?, ?, ?)";

    static final String UNSENT = "SELECT id, event_key, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?";

    static final String MARK_SENT = "UPDATE outbox SET sent_at = ? WHERE id IN (%s) AND sent_at IS NULL";

    /** Held until the transaction ends; another relay skips instead of waiting. */
    static final String LEASE = "SELECT name FROM outbox_relay_lease WHERE name = ? FOR UPDATE SKIP LOCKED";

    static final String PURGE = "DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ? LIMIT ?";

    public Uni<Void> insert(SqlConnection connection, String key, String payload, Instant at) {
        return connection
                .preparedQuery(INSERT)
                .execute(Tuple.of(key, payload, Rows.utc(at)))
                .replaceWithVoid();
    }

    /** True if this transaction now holds the relay lease {@code name}; false if another one does. */
    public Uni<Boolean> tryLease(SqlConnection connection, String name) {
        return connection.preparedQuery(LEASE).execute(Tuple.of(name)).map(rows -> rows.size() == 1);
    }

    public Uni<List<OutboxRow>> unsent(SqlConnection connection, int limit) {
        return connection.preparedQuery(UNSENT).execute(Tuple.of(limit)).map(rows -> {
            List<OutboxRow> out = new ArrayList<>(rows.size());
            rows.forEach(row ->
                    out.add(new OutboxRow(row.getLong("id"), row.getString("event_key"), row.getString("payload"))));
            return out;
        });
    }

    public Uni<Void> markSent(SqlConnection connection, List<Long> ids, Instant at) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (List<Long> chunk : SqlLists.chunks(ids)) {
            done = done.flatMap(ignored -> connection
                    .preparedQuery(SqlLists.sql(MARK_SENT, chunk.size()))
                    .execute(SqlLists.tuple(List.of(Rows.utc(at)), chunk))
                    .replaceWithVoid());
        }
        return done;
    }

    /** Deletes up to {@code limit} rows sent before {@code before}; the number deleted. */
    public Uni<Integer> purgeSent(SqlClient client, Instant before, int limit) {
        return client.preparedQuery(PURGE)
                .execute(Tuple.of(Rows.utc(before), limit))
                .map(rows -> rows.rowCount());
    }

    /** An unsent event: its Kafka key and JSON payload. */
    public record OutboxRow(long id, String key, String payload) {}
}
