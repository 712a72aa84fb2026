package org.entitybase.statement.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import org.entitybase.statement.service.Backlink;

/** {@code entity_backlinks} (links of current heads) and {@code backlink_statistics}. */
@ApplicationScoped
public class BacklinkRepository {

    static final String OF_SOURCE = "SELECT target_id, property_id FROM entity_backlinks WHERE source_id = ?";
    static final String INSERT =
            "INSERT IGNORE INTO entity_backlinks (target_id, source_id, property_id) VALUES (?, ?, ?)";
    static final String DELETE_ONE =
            "DELETE FROM entity_backlinks WHERE target_id = ? AND source_id = ? AND property_id = ?";

    // keyset pagination over the primary key (target_id, source_id, property_id)
    static final String PAGE = "SELECT source_id, property_id FROM entity_backlinks WHERE target_id = ?"
            + " AND (source_id > ? OR (source_id = ? AND property_id > ?)) ORDER BY source_id, property_id LIMIT ?";
    static final String PAGE_BY_PROPERTY = "SELECT source_id, property_id FROM entity_backlinks"
            + " WHERE target_id = ? AND property_id = ? AND source_id > ? ORDER BY source_id LIMIT ?";

    static final String ALL = "SELECT target_id, source_id, property_id FROM entity_backlinks";

    static final String CLEAR_STATISTICS = "DELETE FROM backlink_statistics";
    static final String COMPUTE_STATISTICS = "INSERT INTO backlink_statistics (target_id, backlink_count, computed_at)"
            + " SELECT target_id, COUNT(DISTINCT source_id), ? FROM entity_backlinks GROUP BY target_id";

    /**
     * {@code source}'s links become exactly {@code links}: the stored ones are read and only the difference is
     * written (an edit of one statement of an entity with a thousand links writes one or two rows, not two thousand).
     */
    public Uni<Void> replace(SqlConnection connection, String source, Collection<Backlink> links) {
        return connection.preparedQuery(OF_SOURCE).execute(Tuple.of(source)).flatMap(rows -> {
            Set<Backlink> stored = new HashSet<>();
            rows.forEach(r -> stored.add(new Backlink(r.getString("target_id"), source, r.getString("property_id"))));
            Set<Backlink> wanted = new HashSet<>(links);
            List<Backlink> extra =
                    stored.stream().filter(l -> !wanted.contains(l)).sorted().toList();
            List<Backlink> missing =
                    wanted.stream().filter(l -> !stored.contains(l)).sorted().toList();
            return delete(connection, extra).flatMap(ignored -> insert(connection, missing));
        });
    }

    public Uni<Void> insert(SqlConnection connection, Collection<Backlink> links) {
        if (links.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = links.stream()
                .map(l -> Tuple.of(l.target(), l.source(), l.property()))
                .toList();
        return connection.preparedQuery(INSERT).executeBatch(batch).replaceWithVoid();
    }

    public Uni<Void> delete(SqlConnection connection, Collection<Backlink> links) {
        if (links.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = links.stream()
                .map(l -> Tuple.of(l.target(), l.source(), l.property()))
                .toList();
        return connection.preparedQuery(DELETE_ONE).executeBatch(batch).replaceWithVoid();
    }

    /** Up to {@code limit} links to {@code target} after ({@code afterSource}, {@code afterProperty}). */
    public Uni<List<Backlink>> page(
            SqlClient client, String target, String property, String afterSource, String afterProperty, int limit) {
        var query = property == null
                ? client.preparedQuery(PAGE).execute(Tuple.of(target, afterSource, afterSource, afterProperty, limit))
                : client.preparedQuery(PAGE_BY_PROPERTY).execute(Tuple.of(target, property, afterSource, limit));
        return query.map(rows -> {
            List<Backlink> out = new ArrayList<>(rows.rowCount());
            rows.forEach(r -> out.add(new Backlink(target, r.getString("source_id"), r.getString("property_id"))));
            return out;
        });
    }

    public Uni<List<Backlink>> all(SqlClient client) {
        return client.preparedQuery(ALL).execute().map(rows -> {
            List<Backlink> out = new ArrayList<>(rows.rowCount());
            rows.forEach(r -> out.add(
                    new Backlink(r.getString("target_id"), r.getString("source_id"), r.getString("property_id"))));
            return out;
        });
    }

    /** Recomputes {@code backlink_statistics} (distinct linking entities per target); the number of targets. */
    public Uni<Long> recomputeStatistics(SqlConnection connection, Instant at) {
        return connection
                .preparedQuery(CLEAR_STATISTICS)
                .execute()
                .flatMap(ignored -> connection.preparedQuery(COMPUTE_STATISTICS).execute(Tuple.of(Sql.utc(at))))
                .map(rows -> (long) rows.rowCount());
    }
}
