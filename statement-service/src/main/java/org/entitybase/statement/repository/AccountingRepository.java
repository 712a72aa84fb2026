package org.entitybase.statement.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import org.entitybase.model.event.EntityChangeEvent;

/**
 * The consumer's bookkeeping beside its dedup by event id (common-runtime's ProcessedEvents): {@code seen_revisions}
 * (each revision counted once), {@code entity_heads} and {@code head_statements} (each entity's current head and its
 * statements).
 */
@ApplicationScoped
public class AccountingRepository {

    static final String INSERT_SEEN = "INSERT IGNORE INTO seen_revisions"
            + " (entity_id, revision_id, content_hash, change_type, event_id, seen_at) VALUES (?, ?, ?, ?, ?, ?)";
    static final String ALL_SEEN =
            "SELECT entity_id, revision_id, content_hash, change_type FROM seen_revisions ORDER BY entity_id, revision_id";
    /** Revision 0: no head yet (every revision id is above it); the row exists only so that it can be locked. */
    static final String ENSURE_HEAD =
            "INSERT IGNORE INTO entity_heads (entity_id, revision_id, updated_at) VALUES (?, 0, ?)";

    static final String LOCK_HEAD = "SELECT revision_id FROM entity_heads WHERE entity_id = ? FOR UPDATE";
    static final String SET_HEAD = "INSERT INTO entity_heads (entity_id, revision_id, updated_at) VALUES (?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE revision_id = VALUES(revision_id), updated_at = VALUES(updated_at)";
    static final String ALL_HEADS = "SELECT entity_id, revision_id FROM entity_heads";
    static final String HEAD_STATEMENTS = "SELECT hash, occurrences FROM head_statements WHERE entity_id = ?";
    static final String ALL_HEAD_STATEMENTS = "SELECT entity_id, hash, occurrences FROM head_statements";
    static final String CLEAR_HEAD_STATEMENTS = "DELETE FROM head_statements WHERE entity_id = ?";
    static final String INSERT_HEAD_STATEMENT =
            "INSERT INTO head_statements (entity_id, hash, occurrences) VALUES (?, ?, ?)";
    static final String UPSERT_HEAD_STATEMENT =
            INSERT_HEAD_STATEMENT + " ON DUPLICATE KEY UPDATE occurrences = VALUES(occurrences)";
    static final String DELETE_HEAD_STATEMENT = "DELETE FROM head_statements WHERE entity_id = ? AND hash = ?";

    /** A revision counted by the consumer. */
    public record SeenRevision(String entityId, long revisionId, String contentHash, String changeType) {}

    /** Records the revision; false when it was recorded before (by another event of the same revision). */
    public Uni<Boolean> markSeen(SqlConnection connection, EntityChangeEvent e, Instant at) {
        return connection
                .preparedQuery(INSERT_SEEN)
                .execute(Tuple.tuple()
                        .addString(e.entityId())
                        .addLong(e.revisionId())
                        .addString(e.contentHash())
                        .addString(e.changeType().jsonName())
                        .addString(e.eventId())
                        .addLocalDateTime(Sql.utc(at)))
                .map(rows -> rows.rowCount() > 0);
    }

    public Uni<List<SeenRevision>> allSeen(SqlClient client) {
        return client.preparedQuery(ALL_SEEN).execute().map(rows -> {
            List<SeenRevision> out = new ArrayList<>(rows.rowCount());
            rows.forEach(r -> out.add(new SeenRevision(
                    r.getString("entity_id"),
                    r.getLong("revision_id"),
                    r.getString("content_hash"),
                    r.getString("change_type"))));
            return out;
        });
    }

    /**
     * The entity's head revision (0: none yet), its row locked until the transaction ends. The row is inserted first
     * when missing: a locking read of a missing row takes only a gap lock, which two transactions may hold at once, and
     * both would then move the entity's head from the same state (two consumers applying events of one entity during
     * a rebalance, or one consumer's concurrent events); an inserted row makes the second wait for the first.
     */
    public Uni<Long> lockHead(SqlConnection connection, String entityId, Instant at) {
        return connection
                .preparedQuery(ENSURE_HEAD)
                .execute(Tuple.of(entityId, Sql.utc(at)))
                .flatMap(inserted -> connection.preparedQuery(LOCK_HEAD).execute(Tuple.of(entityId)))
                .map(rows -> rows.iterator().next().getLong("revision_id"));
    }

    public Uni<Void> setHead(SqlConnection connection, String entityId, long revisionId, Instant at) {
        return connection
                .preparedQuery(SET_HEAD)
                .execute(Tuple.of(entityId, revisionId, Sql.utc(at)))
                .replaceWithVoid();
    }

    public Uni<Map<String, Long>> allHeads(SqlClient client) {
        return client.preparedQuery(ALL_HEADS).execute().map(rows -> {
            Map<String, Long> out = new HashMap<>();
            rows.forEach(r -> out.put(r.getString("entity_id"), r.getLong("revision_id")));
            return out;
        });
    }

    /** address → occurrences in the entity's head. */
    public Uni<Map<String, Integer>> headStatements(SqlClient client, String entityId) {
        return client.preparedQuery(HEAD_STATEMENTS).execute(Tuple.of(entityId)).map(rows -> {
            Map<String, Integer> out = new HashMap<>();
            rows.forEach(r -> out.put(r.getString("hash"), r.getInteger("occurrences")));
            return out;
        });
    }

    /** entity → (address → occurrences), for every head. */
    public Uni<Map<String, Map<String, Integer>>> allHeadStatements(SqlClient client) {
        return client.preparedQuery(ALL_HEAD_STATEMENTS).execute().map(rows -> {
            Map<String, Map<String, Integer>> out = new HashMap<>();
            rows.forEach(r -> out.computeIfAbsent(r.getString("entity_id"), k -> new HashMap<>())
                    .put(r.getString("hash"), r.getInteger("occurrences")));
            return out;
        });
    }

    public Uni<Void> replaceHeadStatements(
            SqlConnection connection, String entityId, Map<String, Integer> occurrences) {
        Uni<Void> cleared = connection
                .preparedQuery(CLEAR_HEAD_STATEMENTS)
                .execute(Tuple.of(entityId))
                .replaceWithVoid();
        if (occurrences.isEmpty()) {
            return cleared;
        }
        List<Tuple> batch = new ArrayList<>(occurrences.size());
        occurrences.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> batch.add(Tuple.of(entityId, e.getKey(), e.getValue())));
        return cleared.flatMap(ignored -> connection
                .preparedQuery(INSERT_HEAD_STATEMENT)
                .executeBatch(batch)
                .replaceWithVoid());
    }

    /**
     * The entity's head statements go from {@code before} (as stored) to {@code after}: only the addresses that
     * appear, disappear or change their count are written, in address order.
     */
    public Uni<Void> updateHeadStatements(
            SqlConnection connection, String entityId, Map<String, Integer> before, Map<String, Integer> after) {
        List<Tuple> gone = before.keySet().stream()
                .filter(hash -> !after.containsKey(hash))
                .sorted()
                .map(hash -> Tuple.of(entityId, hash))
                .toList();
        List<Tuple> changed = after.entrySet().stream()
                .filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Tuple.of(entityId, e.getKey(), e.getValue()))
                .toList();
        Uni<Void> deleted = gone.isEmpty()
                ? Uni.createFrom().voidItem()
                : connection
                        .preparedQuery(DELETE_HEAD_STATEMENT)
                        .executeBatch(gone)
                        .replaceWithVoid();
        return changed.isEmpty()
                ? deleted
                : deleted.flatMap(ignored -> connection
                        .preparedQuery(UPSERT_HEAD_STATEMENT)
                        .executeBatch(changed)
                        .replaceWithVoid());
    }
}
