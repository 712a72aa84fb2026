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

/** {@code user_thanks}: once per sender and revision (the primary key). */
@ApplicationScoped
public class ThanksRepository {

    static final String COLUMNS = "from_user_id, to_user_id, entity_id, revision_id, created_at";
    static final String INSERT = "INSERT INTO user_thanks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)";
    static final String FIND =
            "SELECT " + COLUMNS + " FROM user_thanks WHERE from_user_id = ? AND entity_id = ? AND revision_id = ?";
    // newest first; the cursor is (created_at, entity_id, revision_id) of the last row, ties broken the same way
    static final String SENT = "SELECT " + COLUMNS + " FROM user_thanks WHERE from_user_id = ?"
            + " AND (created_at < ? OR (created_at = ? AND (entity_id < ? OR (entity_id = ? AND revision_id < ?))))"
            + " ORDER BY created_at DESC, entity_id DESC, revision_id DESC LIMIT ?";
    static final String RECEIVED = "SELECT " + COLUMNS + " FROM user_thanks WHERE to_user_id = ?"
            + " AND (created_at < ? OR (created_at = ? AND (entity_id < ? OR (entity_id = ? AND revision_id < ?))))"
            + " ORDER BY created_at DESC, entity_id DESC, revision_id DESC LIMIT ?";

    public record Thanks(long fromUserId, long toUserId, String entityId, long revisionId, Instant at) {}

    /** Fails with a duplicate key when the sender thanked for this revision before. */
    public Uni<Void> insert(SqlClient client, Thanks t) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.of(t.fromUserId(), t.toUserId(), t.entityId(), t.revisionId(), Sql.utc(t.at())))
                .replaceWithVoid();
    }

    public Uni<Thanks> find(SqlClient client, long fromUserId, String entityId, long revisionId) {
        return client.preparedQuery(FIND)
                .execute(Tuple.of(fromUserId, entityId, revisionId))
                .map(rows -> rows.iterator().hasNext() ? thanks(rows.iterator().next()) : null);
    }

    /** A page newest first, strictly before {@code cursor} (null: from the newest). */
    public Uni<List<Thanks>> page(SqlClient client, long userId, boolean received, Cursor cursor, int limit) {
        Cursor c = cursor == null ? Cursor.START : cursor;
        LocalDateTime at = Sql.utc(c.at());
        return client.preparedQuery(received ? RECEIVED : SENT)
                .execute(Tuple.tuple()
                        .addLong(userId)
                        .addLocalDateTime(at)
                        .addLocalDateTime(at)
                        .addString(c.entityId())
                        .addString(c.entityId())
                        .addLong(c.revisionId())
                        .addInteger(limit))
                .map(ThanksRepository::list);
    }

    private static List<Thanks> list(RowSet<Row> rows) {
        List<Thanks> out = new ArrayList<>(rows.rowCount());
        rows.forEach(r -> out.add(thanks(r)));
        return out;
    }

    private static Thanks thanks(Row r) {
        return new Thanks(
                r.getLong("from_user_id"),
                r.getLong("to_user_id"),
                r.getString("entity_id"),
                r.getLong("revision_id"),
                Sql.instant(r.getLocalDateTime("created_at")));
    }
}
