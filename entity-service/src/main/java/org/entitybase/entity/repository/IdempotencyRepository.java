package org.entitybase.entity.repository;

import java.time.Instant;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@code idempotency_keys} (V4): the first answer to each (user, {@code Idempotency-Key}) whose write committed. The
 * row is inserted in the write's own transaction; a second insert of the same key fails with a duplicate key (the
 * caller replays the first answer).
 */
@ApplicationScoped
public class IdempotencyRepository {

    static final String FIND = "SELECT request_hash, entity_id, revision_id, status, headers, body, created_at"
            + " FROM idempotency_keys WHERE user_id = ? AND idempotency_key = ?";

    static final String INSERT = "INSERT INTO idempotency_keys"
            + " (user_id, idempotency_key, request_hash, entity_id, revision_id, status, headers, body, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String DELETE_EXPIRED =
            "DELETE FROM idempotency_keys WHERE user_id = ? AND idempotency_key = ? AND created_at < ?";

    static final String PRUNE = "DELETE FROM idempotency_keys WHERE created_at < ? LIMIT ?";

    /** A stored first answer. {@code headers} is a JSON object of header name to value. */
    public record StoredAnswer(
            String requestHash,
            String entityId,
            long revisionId,
            int status,
            String headers,
            byte[] body,
            Instant createdAt) {}

    /** The answer stored under ({@code userId}, {@code key}), expired or not; null if none. */
    public Uni<StoredAnswer> find(SqlClient client, long userId, String key) {
        return client.preparedQuery(FIND).execute(Tuple.of(userId, key)).map(rows -> {
            RowIterator<Row> iterator = rows.iterator();
            if (!iterator.hasNext()) {
                return null;
            }
            Row row = iterator.next();
            return new StoredAnswer(
                    row.getString("request_hash"),
                    row.getString("entity_id"),
                    row.getLong("revision_id"),
                    row.getInteger("status"),
                    row.getString("headers"),
                    row.getBuffer("body").getBytes(),
                    Rows.instant(row, "created_at"));
        });
    }

    /** Stores the answer; fails with a duplicate key when the key has one already. */
    public Uni<Void> insert(SqlConnection connection, long userId, String key, StoredAnswer answer) {
        return connection
                .preparedQuery(INSERT)
                .execute(Tuple.tuple(Arrays.asList(
                        userId,
                        key,
                        answer.requestHash(),
                        answer.entityId(),
                        answer.revisionId(),
                        answer.status(),
                        answer.headers(),
                        Buffer.buffer(answer.body()),
                        Rows.utc(answer.createdAt()))))
                .replaceWithVoid();
    }

    /** Forgets the key's answer if it was stored before {@code cutoff}. */
    public Uni<Void> deleteExpired(SqlClient client, long userId, String key, Instant cutoff) {
        return client.preparedQuery(DELETE_EXPIRED)
                .execute(Tuple.of(userId, key, Rows.utc(cutoff)))
                .replaceWithVoid();
    }

    /** Deletes at most {@code limit} answers stored before {@code cutoff}; the number deleted. */
    public Uni<Integer> prune(SqlClient client, Instant cutoff, int limit) {
        return client.preparedQuery(PRUNE)
                .execute(Tuple.of(Rows.utc(cutoff), limit))
                .map(rows -> rows.rowCount());
    }
}
