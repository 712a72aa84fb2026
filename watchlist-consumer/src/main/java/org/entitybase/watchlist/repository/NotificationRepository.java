package org.entitybase.watchlist.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import org.entitybase.model.event.EntityChangeEvent;

/**
 * {@code watchlist_notifications}: one row per (watcher, entity, revision), the unique key that makes the consumer's
 * inserts idempotent; read newest first per user; marked read; removed past a retention.
 */
@ApplicationScoped
public class NotificationRepository {

    /** One notification as the routes show it; {@code readAt} null while unread. */
    public record Notification(
            long id,
            long userId,
            String entityId,
            long revisionId,
            String changeType,
            long changedBy,
            Instant createdAt,
            Instant readAt) {}

    /** Rows one UPDATE or DELETE touches while marking or cleaning up: short transactions, short locks. */
    public static final int WRITE_BATCH = 5000;

    private static final String COLUMNS =
            "id, user_id, entity_id, revision_id, change_type, changed_by, created_at, read_at";
    static final String PAGE = "SELECT " + COLUMNS + " FROM watchlist_notifications WHERE user_id = ?"
            + " AND (created_at < ? OR (created_at = ? AND id < ?)) ORDER BY created_at DESC, id DESC LIMIT ?";
    static final String PAGE_UNREAD = "SELECT " + COLUMNS + " FROM watchlist_notifications WHERE user_id = ?"
            + " AND read_at IS NULL AND (created_at < ? OR (created_at = ? AND id < ?))"
            + " ORDER BY created_at DESC, id DESC LIMIT ?";
    static final String GET = "SELECT " + COLUMNS + " FROM watchlist_notifications WHERE user_id = ? AND id = ?";
    static final String UNREAD =
            "SELECT COUNT(*) AS n FROM watchlist_notifications WHERE user_id = ? AND read_at IS NULL";
    static final String MARK_ONE =
            "UPDATE watchlist_notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL";
    static final String MARK_BEFORE = "UPDATE watchlist_notifications SET read_at = ?"
            + " WHERE user_id = ? AND read_at IS NULL AND created_at < ? LIMIT ?";
    static final String DELETE_OLDER = "DELETE FROM watchlist_notifications WHERE created_at < ? LIMIT ?";

    /**
     * Notifies {@code users} of the event's revision in one multi-row insert; a row that exists (a redelivery, a
     * restart mid-fan-out) stays as it is.
     */
    public Uni<Void> insert(SqlClient client, EntityChangeEvent event, Instant at, List<Long> users) {
        if (users.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder sql = new StringBuilder("INSERT INTO watchlist_notifications"
                + " (user_id, entity_id, revision_id, change_type, changed_by, created_at) VALUES ");
        List<Object> params = new ArrayList<>(users.size() * 6);
        var created = Sql.utc(at);
        for (int i = 0; i < users.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)");
            params.add(users.get(i));
            params.add(event.entityId());
            params.add(event.revisionId());
            params.add(event.changeType().jsonName());
            params.add(event.userId());
            params.add(created);
        }
        // only the unique key's duplicate is ignored (INSERT IGNORE would also swallow bad data)
        sql.append(" ON DUPLICATE KEY UPDATE id = id");
        return client.preparedQuery(sql.toString()).execute(Tuple.from(params)).replaceWithVoid();
    }

    /** Newest first after {@code cursor} (null = from the newest), only unread ones when {@code unreadOnly}. */
    public Uni<List<Notification>> page(
            SqlClient client, long userId, boolean unreadOnly, NotificationCursor cursor, int limit) {
        NotificationCursor from = cursor == null ? NotificationCursor.START : cursor;
        var at = Sql.utc(from.at());
        return client.preparedQuery(unreadOnly ? PAGE_UNREAD : PAGE)
                .execute(Tuple.of(userId, at, at, from.id(), limit))
                .map(rows -> {
                    List<Notification> out = new ArrayList<>(rows.rowCount());
                    rows.forEach(r -> out.add(notification(r)));
                    return out;
                });
    }

    /** The user's notification {@code id}, or null when there is none (or it is someone else's). */
    public Uni<Notification> get(SqlClient client, long userId, long id) {
        return client.preparedQuery(GET).execute(Tuple.of(userId, id)).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? notification(it.next()) : null;
        });
    }

    public Uni<Long> unreadCount(SqlClient client, long userId) {
        return client.preparedQuery(UNREAD)
                .execute(Tuple.of(userId))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Marks one notification read; false when it was read already or is not the user's. */
    public Uni<Boolean> markRead(SqlClient client, long userId, long id, Instant at) {
        return client.preparedQuery(MARK_ONE)
                .execute(Tuple.of(Sql.utc(at), userId, id))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Marks the user's unread notifications among {@code ids} read; how many were unread. */
    public Uni<Long> markRead(SqlClient client, long userId, List<Long> ids, Instant at) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        String sql = "UPDATE watchlist_notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND id IN ("
                + Sql.placeholders(ids.size()) + ")";
        List<Object> params = new ArrayList<>(ids.size() + 2);
        params.add(Sql.utc(at));
        params.add(userId);
        params.addAll(ids);
        return client.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> (long) rows.rowCount());
    }

    /** Marks every unread notification of the user created before {@code before} read, in batches; how many. */
    public Uni<Long> markReadBefore(SqlClient client, long userId, Instant before, Instant at) {
        return client.preparedQuery(MARK_BEFORE)
                .execute(Tuple.of(Sql.utc(at), userId, Sql.utc(before), WRITE_BATCH))
                .map(rows -> (long) rows.rowCount())
                .flatMap(marked -> marked < WRITE_BATCH
                        ? Uni.createFrom().item(marked)
                        : markReadBefore(client, userId, before, at).map(more -> more + marked));
    }

    /** Deletes at most {@code batch} notifications created before {@code cutoff}; how many. */
    public Uni<Long> deleteOlderThan(SqlClient client, Instant cutoff, int batch) {
        return client.preparedQuery(DELETE_OLDER)
                .execute(Tuple.of(Sql.utc(cutoff), batch))
                .map(rows -> (long) rows.rowCount());
    }

    private static Notification notification(Row r) {
        return new Notification(
                r.getLong("id"),
                r.getLong("user_id"),
                r.getString("entity_id"),
                r.getLong("revision_id"),
                r.getString("change_type"),
                r.getLong("changed_by"),
                Sql.instant(r.getLocalDateTime("created_at")),
                Sql.instant(r.getLocalDateTime("read_at")));
    }
}
