package org.entitybase.user.repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The revision index kept from entity_change: {@code user_activity} (by user: activity) and {@code revision_authors}
 * (by entity: who made a revision). Inserts ignore rows already there, so redelivered events change nothing.
 */
@ApplicationScoped
public class RevisionIndexRepository {

    static final String INSERT_ACTIVITY = "INSERT IGNORE INTO user_activity (user_id, entity_id, revision_id,"
            + " parent_revision_id, change_type, edit_summary, redirect_target, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_AUTHOR =
            "INSERT IGNORE INTO revision_authors (entity_id, revision_id, user_id, created_at) VALUES (?, ?, ?, ?)";
    static final String ACTIVITY_COLUMNS =
            "entity_id, revision_id, parent_revision_id, change_type, edit_summary, redirect_target, created_at";
    static final String ACTIVITY = "SELECT " + ACTIVITY_COLUMNS + " FROM user_activity WHERE user_id = ?"
            + " AND (created_at < ? OR (created_at = ? AND (entity_id < ? OR (entity_id = ? AND revision_id < ?))))"
            + " ORDER BY created_at DESC, entity_id DESC, revision_id DESC LIMIT ?";
    static final String ACTIVITY_OF_TYPE = "SELECT " + ACTIVITY_COLUMNS + " FROM user_activity WHERE user_id = ?"
            + " AND change_type = ?"
            + " AND (created_at < ? OR (created_at = ? AND (entity_id < ? OR (entity_id = ? AND revision_id < ?))))"
            + " ORDER BY created_at DESC, entity_id DESC, revision_id DESC LIMIT ?";
    static final String AUTHOR = "SELECT user_id FROM revision_authors WHERE entity_id = ? AND revision_id = ?";
    static final String ANY_REVISION = "SELECT 1 FROM revision_authors WHERE entity_id = ? LIMIT 1";

    /** One revision as the index holds it. */
    public record Revision(
            long userId,
            String entityId,
            long revisionId,
            Long parentRevisionId,
            String changeType,
            String editSummary,
            String redirectTarget,
            Instant at) {}

    /** Records the revision in both tables; true when it was new. */
    public Uni<Boolean> record(SqlConnection connection, Revision r) {
        LocalDateTime at = Sql.utc(r.at());
        return connection
                .preparedQuery(INSERT_AUTHOR)
                .execute(Tuple.of(r.entityId(), r.revisionId(), r.userId(), at))
                .flatMap(authors -> connection
                        .preparedQuery(INSERT_ACTIVITY)
                        .execute(Tuple.tuple()
                                .addLong(r.userId())
                                .addString(r.entityId())
                                .addLong(r.revisionId())
                                .addLong(r.parentRevisionId())
                                .addString(r.changeType())
                                .addString(r.editSummary())
                                .addString(r.redirectTarget())
                                .addLocalDateTime(at))
                        .map(activity -> authors.rowCount() + activity.rowCount() > 0));
    }

    /** The user's revisions newest first, strictly before {@code cursor} (null: from the newest). */
    public Uni<List<Revision>> activity(SqlClient client, long userId, String changeType, Cursor cursor, int limit) {
        Cursor c = cursor == null ? Cursor.START : cursor;
        LocalDateTime at = Sql.utc(c.at());
        Tuple args = Tuple.tuple().addLong(userId);
        if (changeType != null) {
            args.addString(changeType);
        }
        args.addLocalDateTime(at)
                .addLocalDateTime(at)
                .addString(c.entityId())
                .addString(c.entityId())
                .addLong(c.revisionId())
                .addInteger(limit);
        return client.preparedQuery(changeType == null ? ACTIVITY : ACTIVITY_OF_TYPE)
                .execute(args)
                .map(rows -> {
                    List<Revision> out = new ArrayList<>(rows.rowCount());
                    rows.forEach(row -> out.add(revision(userId, row)));
                    return out;
                });
    }

    /** The revision's author, or null when the index has no such revision. */
    public Uni<Long> author(SqlClient client, String entityId, long revisionId) {
        return client.preparedQuery(AUTHOR)
                .execute(Tuple.of(entityId, revisionId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong("user_id") : null);
    }

    /** Whether the index holds any revision of the entity. */
    public Uni<Boolean> knowsEntity(SqlClient client, String entityId) {
        return client.preparedQuery(ANY_REVISION)
                .execute(Tuple.of(entityId))
                .map(rows -> rows.iterator().hasNext());
    }

    private static Revision revision(long userId, Row r) {
        return new Revision(
                userId,
                r.getString("entity_id"),
                r.getLong("revision_id"),
                r.getLong("parent_revision_id"),
                r.getString("change_type"),
                r.getString("edit_summary"),
                r.getString("redirect_target"),
                Sql.instant(r.getLocalDateTime("created_at")));
    }
}
