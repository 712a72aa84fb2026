package org.entitybase.entity.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import org.entitybase.model.id.EntityId;

/** {@code entity_head}: the current revision of each entity, and the compare-and-set every edit ends with. */
@ApplicationScoped
public class EntityHeadRepository {

    private static final String HEAD_COLUMNS = "SELECT h.head_revision_id, h.is_deleted, h.redirect_target, h.datatype,"
            + " r.content_hash, r.checkpoint_hash, r.checkpoint_revision_id, r.created_at, r.size";

    // head and head revision live on the same shard (both keyed by entity_id): one round trip
    static final String FIND = HEAD_COLUMNS
            + " FROM entity_head h JOIN entity_revisions r"
            + " ON r.entity_id = h.entity_id AND r.revision_id = h.head_revision_id"
            + " WHERE h.entity_id = ?";

    static final String FIND_FOR_EDIT = HEAD_COLUMNS
            + ", m.semi_protected, m.locked, m.mass_edit_protected"
            + " FROM entity_head h JOIN entity_revisions r"
            + " ON r.entity_id = h.entity_id AND r.revision_id = h.head_revision_id"
            + " LEFT JOIN metadata m ON m.entity_id = h.entity_id"
            + " WHERE h.entity_id = ?";

    static final String INSERT = "INSERT INTO entity_head"
            + " (entity_id, head_revision_id, is_deleted, is_redirect, redirect_target, datatype, updated_at)"
            + " VALUES (?, ?, FALSE, FALSE, NULL, ?, ?)";

    static final String COMPARE_AND_SET = "UPDATE entity_head"
            + " SET head_revision_id = ?, is_deleted = ?, is_redirect = ?, redirect_target = ?, updated_at = ?"
            + " WHERE entity_id = ? AND head_revision_id = ?";

    /**
     * Live heads in id order (the primary key's byte order) after a cursor and below a bound (exclusive both): a page
     * of an export, read by keyset so each page is one index range, however deep into the store.
     */
    static final String LIVE_PAGE = HEAD_COLUMNS
            + ", h.entity_id FROM entity_head h JOIN entity_revisions r"
            + " ON r.entity_id = h.entity_id AND r.revision_id = h.head_revision_id"
            + " WHERE h.entity_id > ? AND h.entity_id < ? AND h.is_deleted = FALSE AND h.is_redirect = FALSE"
            + " AND h.updated_at >= ? ORDER BY h.entity_id LIMIT ?";

    /** Live properties only: a deleted or redirected property takes no new statements. */
    static final String DATATYPES = "SELECT entity_id, datatype FROM entity_head"
            + " WHERE entity_id IN (%s) AND is_deleted = FALSE AND is_redirect = FALSE";

    /** The head of {@code id} with its revision row, or null if the entity never existed. */
    public Uni<HeadRow> find(SqlClient client, EntityId id) {
        return client.preparedQuery(FIND).execute(Tuple.of(id.value())).map(rows -> head(id, rows));
    }

    /** The head as {@link #find} has it, and the entity's protection flags. */
    public Uni<EditableHead> findForEdit(SqlClient client, EntityId id) {
        return client.preparedQuery(FIND_FOR_EDIT).execute(Tuple.of(id.value())).map(rows -> {
            HeadRow head = head(id, rows);
            if (head == null) {
                return null;
            }
            Row row = rows.iterator().next();
            Protection protection = row.getValue("locked") == null
                    ? Protection.NONE
                    : new Protection(
                            Rows.flag(row, "semi_protected"),
                            Rows.flag(row, "locked"),
                            Rows.flag(row, "mass_edit_protected"));
            return new EditableHead(head, protection);
        });
    }

    /** Creates the head of a new entity at revision {@code revisionId}; fails with a duplicate key if it exists. */
    public Uni<Void> insert(SqlConnection connection, EntityId id, long revisionId, String datatype, Instant at) {
        return connection
                .preparedQuery(INSERT)
                .execute(Tuple.of(id.value(), revisionId, datatype, Rows.utc(at)))
                .replaceWithVoid();
    }

    /**
     * Moves the head from {@code expectedRevisionId} to {@code revisionId}; false when the head is no longer at
     * {@code expectedRevisionId} (another edit won).
     */
    public Uni<Boolean> compareAndSet(
            SqlConnection connection,
            EntityId id,
            long expectedRevisionId,
            long revisionId,
            boolean deleted,
            EntityId redirectTarget,
            Instant at) {
        Tuple values = Tuple.tuple(Arrays.asList(
                revisionId,
                deleted,
                redirectTarget != null,
                redirectTarget == null ? null : redirectTarget.value(),
                Rows.utc(at),
                id.value(),
                expectedRevisionId));
        return connection.preparedQuery(COMPARE_AND_SET).execute(values).map(rows -> rows.rowCount() == 1);
    }

    /**
     * Up to {@code limit} live heads (neither deleted nor redirects) with {@code after < id < before}, in id order,
     * whose head changed at or after {@code since}.
     */
    public Uni<List<HeadRow>> livePage(SqlClient client, String after, String before, Instant since, int limit) {
        return client.preparedQuery(LIVE_PAGE)
                .execute(Tuple.of(after, before, Rows.utc(since), limit))
                .map(rows -> {
                    List<HeadRow> page = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        page.add(head(Rows.entityId(row, "entity_id"), row));
                    }
                    return page;
                });
    }

    /** Datatypes of the live properties among {@code propertyIds}; absent ids are missing, deleted or redirects. */
    public Uni<Map<String, String>> liveDatatypes(SqlClient client, List<String> propertyIds) {
        if (propertyIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<RowSet<Row>>> queries = new ArrayList<>();
        for (List<String> chunk : SqlLists.chunks(propertyIds)) {
            queries.add(client.preparedQuery(SqlLists.sql(DATATYPES, chunk.size()))
                    .execute(SqlLists.tuple(List.of(), chunk)));
        }
        return Uni.join().all(queries).andFailFast().map(results -> {
            Map<String, String> datatypes = new HashMap<>();
            for (RowSet<Row> rows : results) {
                for (Row row : rows) {
                    datatypes.put(row.getString("entity_id"), row.getString("datatype"));
                }
            }
            return datatypes;
        });
    }

    private static HeadRow head(EntityId id, RowSet<Row> rows) {
        RowIterator<Row> iterator = rows.iterator();
        if (!iterator.hasNext()) {
            return null;
        }
        return head(id, iterator.next());
    }

    private static HeadRow head(EntityId id, Row row) {
        return new HeadRow(
                id,
                row.getLong("head_revision_id"),
                Rows.flag(row, "is_deleted"),
                Rows.entityId(row, "redirect_target"),
                row.getString("datatype"),
                Rows.revision(row, "content_hash"),
                Rows.revision(row, "checkpoint_hash"),
                row.getLong("checkpoint_revision_id"),
                Rows.instant(row, "created_at"),
                row.getInteger("size"));
    }

    /** A head as the write path reads it. */
    public record EditableHead(HeadRow head, Protection protection) {}
}
