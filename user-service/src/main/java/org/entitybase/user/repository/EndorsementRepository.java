package org.entitybase.user.repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** {@code user_statement_endorsements}: one row per user and statement (the primary key). */
@ApplicationScoped
public class EndorsementRepository {

    static final String INSERT =
            "INSERT INTO user_statement_endorsements (user_id, statement_hash, created_at) VALUES (?, ?, ?)";
    static final String DELETE = "DELETE FROM user_statement_endorsements WHERE user_id = ? AND statement_hash = ?";
    static final String COUNT = "SELECT COUNT(*) AS n FROM user_statement_endorsements WHERE statement_hash = ?";
    // newest first; cursor (created_at, user_id) of the last row
    static final String PAGE = "SELECT user_id, created_at FROM user_statement_endorsements WHERE statement_hash = ?"
            + " AND (created_at < ? OR (created_at = ? AND user_id < ?))"
            + " ORDER BY created_at DESC, user_id DESC LIMIT ?";

    public record Endorsement(long userId, Instant at) {}

    /** Fails with a duplicate key when the user endorses the statement already. */
    public Uni<Void> insert(SqlClient client, long userId, String hash, Instant at) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.of(userId, hash, Sql.utc(at)))
                .replaceWithVoid();
    }

    /** False when there was no such endorsement. */
    public Uni<Boolean> delete(SqlClient client, long userId, String hash) {
        return client.preparedQuery(DELETE).execute(Tuple.of(userId, hash)).map(rows -> rows.rowCount() > 0);
    }

    public Uni<Long> count(SqlClient client, String hash) {
        return client.preparedQuery(COUNT)
                .execute(Tuple.of(hash))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Newest first, strictly before ({@code beforeAt}, {@code beforeUser}). */
    public Uni<List<Endorsement>> page(SqlClient client, String hash, Instant beforeAt, long beforeUser, int limit) {
        LocalDateTime at = Sql.utc(beforeAt);
        return client.preparedQuery(PAGE)
                .execute(Tuple.tuple()
                        .addString(hash)
                        .addLocalDateTime(at)
                        .addLocalDateTime(at)
                        .addLong(beforeUser)
                        .addInteger(limit))
                .map(rows -> {
                    List<Endorsement> out = new ArrayList<>(rows.rowCount());
                    rows.forEach(r -> out.add(
                            new Endorsement(r.getLong("user_id"), Sql.instant(r.getLocalDateTime("created_at")))));
                    return out;
                });
    }
}
