package org.entitybase.entity.repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import org.entitybase.model.event.ChangeType;
import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.id.EntityId;

/** {@code entity_revisions}: one immutable row per revision, ids counting from 1 per entity. */
@ApplicationScoped
public class RevisionRepository {

    private static final String COLUMNS = "entity_id, revision_id, parent_revision_id, content_hash, checkpoint_hash,"
            + " checkpoint_revision_id, user_id, edit_summary, change_type, redirect_target, created_at, size";

    static final String INSERT =
            "INSERT INTO entity_revisions (" + COLUMNS + ")" + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String FIND = "SELECT " + COLUMNS + " FROM entity_revisions WHERE entity_id = ? AND revision_id = ?";

    /** A revision of this entity with exactly this content (its pack exists already). */
    static final String FIND_BY_CONTENT =
            "SELECT " + COLUMNS + " FROM entity_revisions WHERE entity_id = ? AND content_hash = ? LIMIT 1";

    /** Newest first, below a cursor (exclusive). */
    static final String HISTORY = "SELECT " + COLUMNS + " FROM entity_revisions"
            + " WHERE entity_id = ? AND revision_id < ? ORDER BY revision_id DESC LIMIT ?";

    /** Which of the given hashes name a revision's pack or checkpoint (both indexed). */
    static final String COMMITTED = "SELECT content_hash AS hash FROM entity_revisions WHERE content_hash IN (%1$s)"
            + " UNION SELECT checkpoint_hash FROM entity_revisions WHERE checkpoint_hash IN (%1$s)";

    public Uni<Void> insert(SqlConnection connection, RevisionRow row) {
        Tuple values = Tuple.tuple(Arrays.<Object>asList(
                row.entityId().value(),
                row.revisionId(),
                row.parentRevisionId(),
                row.content().sha256(),
                row.checkpoint().sha256(),
                row.checkpointRevisionId(),
                row.userId(),
                row.editSummary(),
                row.changeType().jsonName(),
                row.redirectTarget() == null ? null : row.redirectTarget().value(),
                Rows.utc(row.createdAt()),
                row.size()));
        return connection.preparedQuery(INSERT).execute(values).replaceWithVoid();
    }

    /** The revision, or null. */
    public Uni<RevisionRow> find(SqlClient client, EntityId id, long revisionId) {
        return client.preparedQuery(FIND)
                .execute(Tuple.of(id.value(), revisionId))
                .map(rows -> {
                    RowIterator<Row> iterator = rows.iterator();
                    return iterator.hasNext() ? row(iterator.next()) : null;
                });
    }

    /** Some revision of {@code id} whose manifest is {@code content}, or null. */
    public Uni<RevisionRow> findByContent(SqlClient client, EntityId id, ContentAddress content) {
        return client.preparedQuery(FIND_BY_CONTENT)
                .execute(Tuple.of(id.value(), content.sha256()))
                .map(rows -> {
                    RowIterator<Row> iterator = rows.iterator();
                    return iterator.hasNext() ? row(iterator.next()) : null;
                });
    }

    /** Up to {@code limit} revisions below {@code beforeRevisionId}, newest first. */
    public Uni<List<RevisionRow>> history(SqlClient client, EntityId id, long beforeRevisionId, int limit) {
        return client.preparedQuery(HISTORY)
                .execute(Tuple.of(id.value(), beforeRevisionId, limit))
                .map(rows -> {
                    List<RevisionRow> out = new ArrayList<>(rows.size());
                    rows.forEach(row -> out.add(row(row)));
                    return out;
                });
    }

    /** The subset of {@code hashes} (SHA-256 hex) that are the content or checkpoint hash of some revision. */
    public Uni<Set<String>> committed(SqlClient client, List<String> hashes) {
        if (hashes.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<Uni<RowSet<Row>>> queries = new ArrayList<>();
        for (List<String> chunk : SqlLists.chunks(hashes)) {
            List<Object> values = new ArrayList<>();
            Tuple padded = SqlLists.tuple(List.of(), chunk);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < padded.size(); j++) {
                    values.add(padded.getValue(j));
                }
            }
            queries.add(
                    client.preparedQuery(SqlLists.sql(COMMITTED, chunk.size())).execute(Tuple.tuple(values)));
        }
        return Uni.join().all(queries).andFailFast().map(results -> {
            Set<String> found = new HashSet<>();
            results.forEach(rows -> rows.forEach(row -> found.add(row.getString(0))));
            return found;
        });
    }

    private static RevisionRow row(Row row) {
        return new RevisionRow(
                Rows.entityId(row, "entity_id"),
                row.getLong("revision_id"),
                Rows.nullableLong(row, "parent_revision_id"),
                Rows.revision(row, "content_hash"),
                Rows.revision(row, "checkpoint_hash"),
                row.getLong("checkpoint_revision_id"),
                row.getLong("user_id"),
                row.getString("edit_summary"),
                ChangeType.fromJsonName(row.getString("change_type")),
                Rows.entityId(row, "redirect_target"),
                Rows.instant(row, "created_at"),
                row.getInteger("size"));
    }
}
