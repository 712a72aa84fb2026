package org.entitybase.entity.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import org.entitybase.model.id.EntityId;

/**
 * {@code metadata}: protection flags. The write path reads them joined with the head
 * ({@link EntityHeadRepository#findForEdit}); this repository reads and sets them on their own.
 */
@ApplicationScoped
public class MetadataRepository {

    static final String FIND = "SELECT semi_protected, locked, mass_edit_protected FROM metadata WHERE entity_id = ?";

    static final String UPSERT = "INSERT INTO metadata (entity_id, semi_protected, locked, mass_edit_protected,"
            + " updated_at) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE semi_protected = VALUES(semi_protected),"
            + " locked = VALUES(locked), mass_edit_protected = VALUES(mass_edit_protected),"
            + " updated_at = VALUES(updated_at)";

    public Uni<Protection> find(SqlClient client, EntityId id) {
        return client.preparedQuery(FIND).execute(Tuple.of(id.value())).map(rows -> {
            RowIterator<Row> iterator = rows.iterator();
            if (!iterator.hasNext()) {
                return Protection.NONE;
            }
            Row row = iterator.next();
            return new Protection(
                    Rows.flag(row, "semi_protected"), Rows.flag(row, "locked"), Rows.flag(row, "mass_edit_protected"));
        });
    }

    public Uni<Void> save(SqlClient client, EntityId id, Protection protection, Instant at) {
        return client.preparedQuery(UPSERT)
                .execute(Tuple.of(
                        id.value(),
                        protection.semiProtected(),
                        protection.locked(),
                        protection.massEditProtected(),
                        Rows.utc(at)))
                .replaceWithVoid();
    }
}
