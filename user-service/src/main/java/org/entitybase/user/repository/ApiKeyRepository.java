package org.entitybase.user.repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** {@code api_keys}: one row per key ever created, found by its public key id; the secret is only hashed here. */
@ApplicationScoped
public class ApiKeyRepository {

    static final String COLUMNS =
            "key_id, key_sha256, user_id, roles, label, created_by, created_at, revoked_by, revoked_at";
    static final String INSERT = "INSERT INTO api_keys (key_id, key_sha256, user_id, roles, label, created_by,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    static final String FIND = "SELECT " + COLUMNS + " FROM api_keys WHERE key_id = ?";
    static final String REVOKE =
            "UPDATE api_keys SET revoked_by = ?, revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL";
    // paged by key id (random, so a page is no particular order in time, but stable); user_id optional
    static final String PAGE = "SELECT " + COLUMNS + " FROM api_keys WHERE key_id > ? ORDER BY key_id LIMIT ?";
    static final String PAGE_OF_USER =
            "SELECT " + COLUMNS + " FROM api_keys WHERE user_id = ? AND key_id > ? ORDER BY key_id LIMIT ?";

    /** A key as stored: {@code roles} comma separated; revocation null while the key is valid. */
    public record ApiKeyRow(
            String keyId,
            byte[] sha256,
            long userId,
            String roles,
            String label,
            long createdBy,
            Instant createdAt,
            Long revokedBy,
            Instant revokedAt) {}

    /** Fails with a duplicate key if the key id exists (a collision of 64 random bits: the caller draws again). */
    public Uni<Void> insert(SqlClient client, ApiKeyRow k) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.tuple()
                        .addString(k.keyId())
                        .addBuffer(io.vertx.mutiny.core.buffer.Buffer.buffer(k.sha256()))
                        .addLong(k.userId())
                        .addString(k.roles())
                        .addString(k.label())
                        .addLong(k.createdBy())
                        .addLocalDateTime(Sql.utc(k.createdAt())))
                .replaceWithVoid();
    }

    /** The key, or null. */
    public Uni<ApiKeyRow> find(SqlClient client, String keyId) {
        return client.preparedQuery(FIND)
                .execute(Tuple.of(keyId))
                .map(rows -> rows.iterator().hasNext() ? row(rows.iterator().next()) : null);
    }

    /** Whether this call revoked it (false: unknown or revoked before). */
    public Uni<Boolean> revoke(SqlClient client, String keyId, long by, Instant at) {
        return client.preparedQuery(REVOKE)
                .execute(Tuple.of(by, Sql.utc(at), keyId))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Keys with an id after {@code after} ("" = from the first), of one user or ({@code userId} null) all. */
    public Uni<List<ApiKeyRow>> page(SqlClient client, Long userId, String after, int limit) {
        Tuple args = userId == null ? Tuple.of(after, limit) : Tuple.of(userId, after, limit);
        return client.preparedQuery(userId == null ? PAGE : PAGE_OF_USER)
                .execute(args)
                .map(ApiKeyRepository::list);
    }

    private static List<ApiKeyRow> list(RowSet<Row> rows) {
        List<ApiKeyRow> out = new ArrayList<>(rows.rowCount());
        rows.forEach(r -> out.add(row(r)));
        return out;
    }

    private static ApiKeyRow row(Row r) {
        LocalDateTime revokedAt = r.getLocalDateTime("revoked_at");
        return new ApiKeyRow(
                r.getString("key_id"),
                r.getBuffer("key_sha256").getBytes(),
                r.getLong("user_id"),
                r.getString("roles"),
                r.getString("label"),
                r.getLong("created_by"),
                Sql.instant(r.getLocalDateTime("created_at")),
                r.getLong("revoked_by"),
                revokedAt == null ? null : Sql.instant(revokedAt));
    }
}
