package org.entitybase.rdf.repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import org.entitybase.model.event.ChangeType;
import org.entitybase.model.id.EntityId;

/**
 * rdf-service's revision index ({@code rdf_revisions}: every processed revision; {@code rdf_entities}: each
 * entity's newest), written by the diff worker in the transaction that records the event id, read by the worker (a
 * revision's parent) and the RDF routes.
 */
@ApplicationScoped
public class RevisionIndex {

    private static final String COLUMNS = "content_hash, content_checkpoint, change_type, redirect_target, modified";
    static final String REVISION = "SELECT revision_id, parent_revision_id, " + COLUMNS
            + " FROM rdf_revisions WHERE entity_id = ? AND revision_id = ?";
    static final String TWO_REVISIONS = "SELECT revision_id, parent_revision_id, " + COLUMNS
            + " FROM rdf_revisions WHERE entity_id = ? AND revision_id IN (?, ?)";
    static final String HEAD = "SELECT head_revision_id AS revision_id, NULL AS parent_revision_id, " + COLUMNS
            + " FROM rdf_entities WHERE entity_id = ?";
    /** {@link #heads}: at most this many ids per query. */
    static final int HEADS_PER_QUERY = 500;

    static final String INSERT_REVISION = "INSERT IGNORE INTO rdf_revisions (entity_id, revision_id,"
            + " parent_revision_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    /** The head moves only forward; head_revision_id is assigned last, the conditions before it see the old one. */
    static final String UPSERT_HEAD = "INSERT INTO rdf_entities (entity_id, head_revision_id, " + COLUMNS
            + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
            + " content_hash = IF(VALUES(head_revision_id) > head_revision_id, VALUES(content_hash), content_hash),"
            + " content_checkpoint = IF(VALUES(head_revision_id) > head_revision_id, VALUES(content_checkpoint),"
            + " content_checkpoint),"
            + " change_type = IF(VALUES(head_revision_id) > head_revision_id, VALUES(change_type), change_type),"
            + " redirect_target = IF(VALUES(head_revision_id) > head_revision_id, VALUES(redirect_target),"
            + " redirect_target),"
            + " modified = IF(VALUES(head_revision_id) > head_revision_id, VALUES(modified), modified),"
            + " updated_at = IF(VALUES(head_revision_id) > head_revision_id, VALUES(updated_at), updated_at),"
            + " head_revision_id = GREATEST(head_revision_id, VALUES(head_revision_id))";

    /** The revision, or null when the index does not hold it. */
    public Uni<IndexedRevision> revision(SqlClient client, EntityId id, long revisionId) {
        return client.preparedQuery(REVISION)
                .execute(Tuple.of(id.value(), revisionId))
                .map(rows -> rows.iterator().hasNext() ? row(id, rows.iterator().next()) : null);
    }

    /** The entity's newest indexed revision, or null when the index knows no revision of it. */
    public Uni<IndexedRevision> head(SqlClient client, EntityId id) {
        return client.preparedQuery(HEAD)
                .execute(Tuple.of(id.value()))
                .map(rows -> rows.iterator().hasNext() ? row(id, rows.iterator().next()) : null);
    }

    /**
     * The newest indexed revision of each of {@code ids} that the index knows, in one query per {@value
     * #HEADS_PER_QUERY} ids (a document mentions hundreds of entities: Q30's RDF, ~940).
     */
    public Uni<Map<EntityId, IndexedRevision>> heads(SqlClient client, List<EntityId> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        if (ids.size() > HEADS_PER_QUERY) {
            return heads(client, ids.subList(0, HEADS_PER_QUERY))
                    .flatMap(first -> heads(client, ids.subList(HEADS_PER_QUERY, ids.size()))
                            .map(rest -> {
                                Map<EntityId, IndexedRevision> all = new HashMap<>(first);
                                all.putAll(rest);
                                return all;
                            }));
        }
        Map<String, EntityId> byValue = new HashMap<>();
        ids.forEach(id -> byValue.put(id.value(), id));
        String sql = "SELECT entity_id, head_revision_id AS revision_id, NULL AS parent_revision_id, " + COLUMNS
                + " FROM rdf_entities WHERE entity_id IN (" + "?, ".repeat(byValue.size() - 1) + "?)";
        return client.preparedQuery(sql)
                .execute(Tuple.from(List.copyOf(byValue.keySet())))
                .map(rows -> {
                    Map<EntityId, IndexedRevision> found = new HashMap<>();
                    rows.forEach(r -> {
                        EntityId id = byValue.get(r.getString("entity_id"));
                        found.put(id, row(id, r));
                    });
                    return found;
                });
    }

    /** The revisions {@code a} and {@code b} of the entity that the index holds, by revision id (one query). */
    public Uni<Map<Long, IndexedRevision>> revisions(SqlClient client, EntityId id, long a, long b) {
        return client.preparedQuery(TWO_REVISIONS)
                .execute(Tuple.of(id.value(), a, b))
                .map(rows -> {
                    Map<Long, IndexedRevision> found = new HashMap<>();
                    rows.forEach(r -> found.put(r.getLong("revision_id"), row(id, r)));
                    return found;
                });
    }

    /** Records the revision (once) and moves the entity's head to it when it is newer, in the caller's transaction. */
    public Uni<Void> record(SqlConnection transaction, IndexedRevision revision, Instant at) {
        String target = revision.redirectTarget() == null
                ? null
                : revision.redirectTarget().value();
        Tuple row = Tuple.tuple()
                .addString(revision.entityId().value())
                .addLong(revision.revisionId())
                .addLong(revision.parentRevisionId())
                .addString(revision.contentHash())
                .addString(revision.contentCheckpoint())
                .addString(revision.changeType().jsonName())
                .addString(target)
                .addString(revision.modified());
        Tuple head = Tuple.tuple()
                .addString(revision.entityId().value())
                .addLong(revision.revisionId())
                .addString(revision.contentHash())
                .addString(revision.contentCheckpoint())
                .addString(revision.changeType().jsonName())
                .addString(target)
                .addString(revision.modified())
                .addLocalDateTime(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        return transaction
                .preparedQuery(INSERT_REVISION)
                .execute(row)
                .flatMap(ignored -> transaction.preparedQuery(UPSERT_HEAD).execute(head))
                .replaceWithVoid();
    }

    private static IndexedRevision row(EntityId id, Row r) {
        String target = r.getString("redirect_target");
        return new IndexedRevision(
                id,
                r.getLong("revision_id"),
                r.getLong("parent_revision_id"),
                r.getString("content_hash"),
                r.getString("content_checkpoint"),
                ChangeType.fromJsonName(r.getString("change_type")),
                target == null ? null : EntityId.tryParse(target),
                r.getString("modified"));
    }
}
