package org.entitybase.entity.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import org.entitybase.model.id.EntityId;

/** {@code entity_redirects}: the redirects in force (what points where, and what points here). */
@ApplicationScoped
public class RedirectRepository {

    static final String UPSERT = "INSERT INTO entity_redirects (from_id, to_id, revision_id, created_at)"
            + " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE to_id = VALUES(to_id),"
            + " revision_id = VALUES(revision_id), created_at = VALUES(created_at)";

    static final String DELETE = "DELETE FROM entity_redirects WHERE from_id = ?";

    public Uni<Void> set(SqlConnection connection, EntityId from, EntityId to, long revisionId, Instant at) {
        return connection
                .preparedQuery(UPSERT)
                .execute(Tuple.of(from.value(), to.value(), revisionId, Rows.utc(at)))
                .replaceWithVoid();
    }

    public Uni<Void> remove(SqlConnection connection, EntityId from) {
        return connection.preparedQuery(DELETE).execute(Tuple.of(from.value())).replaceWithVoid();
    }
}
