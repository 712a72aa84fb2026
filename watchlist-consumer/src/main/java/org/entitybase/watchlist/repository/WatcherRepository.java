package org.entitybase.watchlist.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads user-service's watch tables (same keyspace, same bounded context; written only by user-service):
 * {@code entity_watchers} by entity, in keyset pages (one shard in Vitess), and the property filters of one page's
 * watchers from {@code user_watchlist} (routed by user id).
 */
@ApplicationScoped
public class WatcherRepository {

    static final String PAGE =
            "SELECT user_id FROM entity_watchers WHERE entity_id = ? AND user_id > ? ORDER BY user_id LIMIT ?";

    /** Watcher ids of {@code entityId} above {@code afterUser}, ascending, at most {@code limit}. */
    public Uni<List<Long>> page(SqlClient client, String entityId, long afterUser, int limit) {
        return client.preparedQuery(PAGE)
                .execute(Tuple.of(entityId, afterUser, limit))
                .map(rows -> {
                    List<Long> out = new ArrayList<>(rows.rowCount());
                    rows.forEach(r -> out.add(r.getLong("user_id")));
                    return out;
                });
    }

    /**
     * One user's watch of an entity: {@code properties} "" for every change, the stored comma-separated ids
     * otherwise; {@code since} when the watch was stored.
     */
    public record Watch(String properties, Instant since) {}

    /**
     * The watch entry of each of {@code users} for {@code entityId}. A user missing from the map stopped watching
     * since the page was read.
     */
    public Uni<Map<Long, Watch>> watches(SqlClient client, String entityId, List<Long> users) {
        if (users.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String sql = "SELECT user_id, properties, created_at FROM user_watchlist WHERE entity_id = ? AND user_id IN ("
                + Sql.placeholders(users.size()) + ")";
        List<Object> params = new ArrayList<>(users.size() + 1);
        params.add(entityId);
        params.addAll(users);
        return client.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            Map<Long, Watch> out = new HashMap<>(rows.rowCount() * 2);
            rows.forEach(r -> {
                String p = r.getString("properties");
                out.put(
                        r.getLong("user_id"),
                        new Watch(p == null ? "" : p, Sql.instant(r.getLocalDateTime("created_at"))));
            });
            return out;
        });
    }
}
