package org.entitybase.user.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@code user_watchlist} (keyed by user) and {@code entity_watchers} (keyed by entity, what the notification consumer
 * reads), written in one transaction so neither ever holds a row the other lacks.
 */
@ApplicationScoped
public class WatchlistRepository {

    static final String LOCK_ENTRY =
            "SELECT properties FROM user_watchlist WHERE user_id = ? AND entity_id = ? FOR UPDATE";
    static final String COUNT = "SELECT COUNT(*) AS n FROM user_watchlist WHERE user_id = ?";
    static final String INSERT =
            "INSERT INTO user_watchlist (user_id, entity_id, properties, created_at) VALUES (?, ?, ?, ?)";
    static final String UPDATE = "UPDATE user_watchlist SET properties = ? WHERE user_id = ? AND entity_id = ?";
    static final String INSERT_WATCHER = "INSERT IGNORE INTO entity_watchers (entity_id, user_id) VALUES (?, ?)";
    static final String DELETE = "DELETE FROM user_watchlist WHERE user_id = ? AND entity_id = ?";
    static final String DELETE_WATCHER = "DELETE FROM entity_watchers WHERE entity_id = ? AND user_id = ?";
    static final String PAGE = "SELECT entity_id, properties, created_at FROM user_watchlist"
            + " WHERE user_id = ? AND entity_id > ? ORDER BY entity_id LIMIT ?";
    static final String WATCHERS = "SELECT user_id FROM entity_watchers WHERE entity_id = ? ORDER BY user_id";

    /** One watched entity; {@code properties} null means every change. */
    public record Entry(String entityId, List<String> properties, Instant since) {}

    /** The entry's property filter as stored ("" for none), or null when the user does not watch the entity. */
    public Uni<String> lock(SqlConnection connection, long userId, String entityId) {
        return connection
                .preparedQuery(LOCK_ENTRY)
                .execute(Tuple.of(userId, entityId))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    String p = rows.iterator().next().getString("properties");
                    return p == null ? "" : p;
                });
    }

    public Uni<Long> count(SqlClient client, long userId) {
        return client.preparedQuery(COUNT)
                .execute(Tuple.of(userId))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    public Uni<Void> insert(
            SqlConnection connection, long userId, String entityId, List<String> properties, Instant at) {
        return connection
                .preparedQuery(INSERT)
                .execute(Tuple.of(userId, entityId, join(properties), Sql.utc(at)))
                .call(() -> connection.preparedQuery(INSERT_WATCHER).execute(Tuple.of(entityId, userId)))
                .replaceWithVoid();
    }

    public Uni<Void> updateProperties(SqlConnection connection, long userId, String entityId, List<String> properties) {
        return connection
                .preparedQuery(UPDATE)
                .execute(Tuple.of(join(properties), userId, entityId))
                .replaceWithVoid();
    }

    /** False when the user did not watch the entity. */
    public Uni<Boolean> delete(SqlConnection connection, long userId, String entityId) {
        return connection
                .preparedQuery(DELETE)
                .execute(Tuple.of(userId, entityId))
                .flatMap(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    return connection
                            .preparedQuery(DELETE_WATCHER)
                            .execute(Tuple.of(entityId, userId))
                            .replaceWith(true);
                });
    }

    /** Entries ordered by entity id, after {@code afterEntity} ("" from the start). */
    public Uni<List<Entry>> page(SqlClient client, long userId, String afterEntity, int limit) {
        return client.preparedQuery(PAGE)
                .execute(Tuple.of(userId, afterEntity, limit))
                .map(rows -> {
                    List<Entry> out = new ArrayList<>(rows.rowCount());
                    rows.forEach(r -> out.add(new Entry(
                            r.getString("entity_id"),
                            split(r.getString("properties")),
                            Sql.instant(r.getLocalDateTime("created_at")))));
                    return out;
                });
    }

    /** Who watches the entity (the notification consumer's read: one shard in Vitess). */
    public Uni<List<Long>> watchers(SqlClient client, String entityId) {
        return client.preparedQuery(WATCHERS).execute(Tuple.of(entityId)).map(rows -> {
            List<Long> out = new ArrayList<>(rows.rowCount());
            rows.forEach(r -> out.add(r.getLong("user_id")));
            return out;
        });
    }

    static String join(List<String> properties) {
        return properties == null ? null : String.join(",", properties);
    }

    public static List<String> split(String stored) {
        return stored == null || stored.isEmpty() ? null : List.of(stored.split(","));
    }
}
