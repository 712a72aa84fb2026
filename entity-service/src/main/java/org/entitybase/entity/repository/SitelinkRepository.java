package org.entitybase.entity.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import org.entitybase.model.id.EntityId;
import org.entitybase.runtime.rest.ApiException;
import org.entitybase.runtime.sql.SqlErrors;

/**
 * {@code sitelinks}: the (site, title) pairs of current item heads. The primary key makes a pair belong to at most
 * one item; an edit that would take another item's pair fails with 409 {@code sitelink-conflict}.
 */
@ApplicationScoped
public class SitelinkRepository {

    static final String INSERT = "INSERT INTO sitelinks (site, title, entity_id) VALUES (?, ?, ?)";

    static final String OWNER = "SELECT site, title, entity_id FROM sitelinks"
            + " WHERE site = ? AND title = ? AND entity_id <> ? LOCK IN SHARE MODE";

    static final String HOLDER = "SELECT entity_id FROM sitelinks WHERE site = ? AND title = ?";

    static final String DELETE = "DELETE FROM sitelinks WHERE site = ? AND title = ? AND entity_id = ?";

    /** The item whose current head links (site, title), or null. */
    public Uni<EntityId> holder(Pool pool, String site, String title) {
        return pool.preparedQuery(HOLDER).execute(Tuple.of(site, title)).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? EntityId.parse(it.next().getString("entity_id")) : null;
        });
    }

    /**
     * Moves the entity's rows from {@code before} to {@code after} (site → title), touching only what changed.
     */
    public Uni<Void> replace(
            SqlConnection connection, EntityId id, Map<String, String> before, Map<String, String> after) {
        List<Tuple> removed = new ArrayList<>();
        before.forEach((site, title) -> {
            if (!title.equals(after.get(site))) {
                removed.add(Tuple.of(site, title, id.value()));
            }
        });
        List<Tuple> added = new ArrayList<>();
        after.forEach((site, title) -> {
            if (!title.equals(before.get(site))) {
                added.add(Tuple.of(site, title, id.value()));
            }
        });
        Uni<Void> deletes = removed.isEmpty()
                ? Uni.createFrom().voidItem()
                : connection.preparedQuery(DELETE).executeBatch(removed).replaceWithVoid();
        if (added.isEmpty()) {
            return deletes;
        }
        return deletes.flatMap(ignored -> connection
                .preparedQuery(INSERT)
                .executeBatch(added)
                .replaceWithVoid()
                .onFailure(SqlErrors::isDuplicateKey)
                .recoverWithUni(failure -> conflict(connection, id, added)));
    }

    /**
     * 409 naming the item that holds one of {@code added}; a locking read, so it sees the row of a transaction that
     * committed after this one began (the one that won the race).
     */
    private static Uni<Void> conflict(SqlConnection connection, EntityId id, List<Tuple> added) {
        return connection.preparedQuery(OWNER).executeBatch(added).map(rows -> {
            for (var set = rows; set != null; set = set.next()) {
                for (Row row : set) {
                    throw new ApiException(
                            409,
                            "sitelink-conflict",
                            "the sitelink " + row.getString("site") + ":" + row.getString("title") + " belongs to "
                                    + row.getString("entity_id"),
                            Map.of(
                                    "entity_id",
                                    id.value(),
                                    "site",
                                    row.getString("site"),
                                    "title",
                                    row.getString("title"),
                                    "conflicting_entity_id",
                                    row.getString("entity_id")));
                }
            }
            throw new ApiException(
                    409,
                    "sitelink-conflict",
                    "a sitelink of this edit belongs to another item",
                    Map.of("entity_id", id.value()));
        });
    }
}
