package org.entitybase.watchlist.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import org.entitybase.model.event.EntityChangeEvent;

/**
 * {@code watched_entity_heads}: the last revision seen of each watched entity, so the next event's removed statements
 * can be looked up in its parent's manifest. Never moves backwards (a redelivered older event leaves it).
 */
@ApplicationScoped
public class EntityHeadRepository {

    /** A revision's pack address and its checkpoint's (null when unknown). */
    public record Head(long revisionId, String contentHash, String contentCheckpoint) {}

    static final String GET =
            "SELECT revision_id, content_hash, content_checkpoint FROM watched_entity_heads WHERE entity_id = ?";
    // MariaDB evaluates the assignments in order: revision_id last, so the others still compare the old one
    static final String UPSERT = "INSERT INTO watched_entity_heads"
            + " (entity_id, revision_id, content_hash, content_checkpoint, updated_at) VALUES (?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE"
            + " content_hash = IF(VALUES(revision_id) > revision_id, VALUES(content_hash), content_hash),"
            + " content_checkpoint = IF(VALUES(revision_id) > revision_id, VALUES(content_checkpoint),"
            + " content_checkpoint),"
            + " updated_at = IF(VALUES(revision_id) > revision_id, VALUES(updated_at), updated_at),"
            + " revision_id = GREATEST(revision_id, VALUES(revision_id))";

    /** The entity's last seen revision, or null. */
    public Uni<Head> get(SqlClient client, String entityId) {
        return client.preparedQuery(GET).execute(Tuple.of(entityId)).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return null;
            }
            var r = it.next();
            return new Head(r.getLong("revision_id"), r.getString("content_hash"), r.getString("content_checkpoint"));
        });
    }

    public Uni<Void> record(SqlConnection connection, EntityChangeEvent event, Instant at) {
        if (event.contentHash() == null) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery(UPSERT)
                .execute(Tuple.of(
                        event.entityId(),
                        event.revisionId(),
                        event.contentHash(),
                        event.contentCheckpoint(),
                        Sql.utc(at)))
                .replaceWithVoid();
    }
}
