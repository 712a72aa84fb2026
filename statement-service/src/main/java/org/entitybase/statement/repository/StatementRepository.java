package org.entitybase.statement.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** {@code statement_content}: reference counts per statement address. */
@ApplicationScoped
public class StatementRepository {

    static final String COLUMNS = "SELECT hash, property_id, ref_count, head_ref_count FROM statement_content";

    static final String ADD_REF = "INSERT INTO statement_content"
            + " (hash, property_id, ref_count, head_ref_count, first_seen, updated_at) VALUES (?, ?, 1, 0, ?, ?)"
            + " ON DUPLICATE KEY UPDATE ref_count = ref_count + 1, updated_at = VALUES(updated_at)";

    static final String HEAD_UP =
            "UPDATE statement_content SET head_ref_count = head_ref_count + 1, updated_at = ? WHERE hash = ?";

    // unsigned: never below 0 (a negative intermediate would be an error, not a clamp)
    static final String HEAD_DOWN = "UPDATE statement_content"
            + " SET head_ref_count = IF(head_ref_count > 0, head_ref_count - 1, 0), updated_at = ? WHERE hash = ?";

    static final String MOST_USED = COLUMNS + " WHERE head_ref_count > 0 ORDER BY head_ref_count DESC, hash LIMIT ?";

    static final String MOST_USED_BY_PROPERTY =
            COLUMNS + " WHERE property_id = ? AND head_ref_count > 0 ORDER BY head_ref_count DESC, hash LIMIT ?";

    static final String ALL = COLUMNS + " ORDER BY hash";

    static final String SET_COUNTS = "INSERT INTO statement_content"
            + " (hash, property_id, ref_count, head_ref_count, first_seen, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE ref_count = VALUES(ref_count), head_ref_count = VALUES(head_ref_count),"
            + " updated_at = VALUES(updated_at)";

    public Uni<StatementRow> find(SqlClient client, String hash) {
        return client.preparedQuery(COLUMNS + " WHERE hash = ?")
                .execute(Tuple.of(hash))
                .map(rows -> rows.iterator().hasNext() ? row(rows.iterator().next()) : null);
    }

    /** The rows of those of {@code hashes} that have one. */
    public Uni<Map<String, StatementRow>> findAll(SqlClient client, List<String> hashes) {
        Uni<Map<String, StatementRow>> result = Uni.createFrom().item(new HashMap<>());
        for (List<String> chunk : Sql.chunks(hashes, Sql.MAX_IN)) {
            result = result.flatMap(found -> client.preparedQuery(
                            COLUMNS + " WHERE hash IN (" + Sql.placeholders(chunk.size()) + ")")
                    .execute(Tuple.wrap(new ArrayList<Object>(chunk)))
                    .map(rows -> {
                        rows.forEach(r -> found.put(r.getString("hash"), row(r)));
                        return found;
                    }));
        }
        return result;
    }

    /** One more revision references each of {@code statements} (address → property); new rows start at 1. */
    public Uni<Void> addReferences(SqlConnection connection, Map<String, String> statements, Instant at) {
        if (statements.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = new ArrayList<>(statements.size());
        statements.forEach((hash, property) -> batch.add(Tuple.of(hash, property, Sql.utc(at), Sql.utc(at))));
        return connection.preparedQuery(ADD_REF).executeBatch(batch).replaceWithVoid();
    }

    /** One more head holds each of {@code added}, one fewer each of {@code removed}. */
    public Uni<Void> adjustHeads(SqlConnection connection, List<String> added, List<String> removed, Instant at) {
        Uni<Void> up = batch(connection, HEAD_UP, added, at);
        return up.flatMap(ignored -> batch(connection, HEAD_DOWN, removed, at));
    }

    private static Uni<Void> batch(SqlConnection connection, String sql, List<String> hashes, Instant at) {
        if (hashes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = hashes.stream().map(h -> Tuple.of(Sql.utc(at), h)).toList();
        return connection.preparedQuery(sql).executeBatch(batch).replaceWithVoid();
    }

    public Uni<List<StatementRow>> mostUsed(SqlClient client, String property, int limit) {
        Uni<RowSet<Row>> rows = property == null
                ? client.preparedQuery(MOST_USED).execute(Tuple.of(limit))
                : client.preparedQuery(MOST_USED_BY_PROPERTY).execute(Tuple.of(property, limit));
        return rows.map(StatementRepository::rows);
    }

    public Uni<List<StatementRow>> all(SqlClient client) {
        return client.preparedQuery(ALL).execute().map(StatementRepository::rows);
    }

    /** Sets the counts of {@code rows} (rebuild), creating missing rows. */
    public Uni<Void> setCounts(SqlConnection connection, List<StatementRow> rows, Instant at) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = rows.stream()
                .map(r -> Tuple.tuple()
                        .addString(r.hash())
                        .addString(r.property())
                        .addLong(r.refCount())
                        .addLong(r.headRefCount())
                        .addLocalDateTime(Sql.utc(at))
                        .addLocalDateTime(Sql.utc(at)))
                .toList();
        return connection.preparedQuery(SET_COUNTS).executeBatch(batch).replaceWithVoid();
    }

    /** Which of {@code hashes} some revision references (ref_count > 0). */
    public Uni<Set<String>> referenced(SqlClient client, List<String> hashes) {
        return findAll(client, hashes).map(rows -> {
            Set<String> out = new java.util.HashSet<>();
            rows.values().forEach(r -> {
                if (r.refCount() > 0) {
                    out.add(r.hash());
                }
            });
            return out;
        });
    }

    private static List<StatementRow> rows(RowSet<Row> rows) {
        List<StatementRow> out = new ArrayList<>(rows.rowCount());
        rows.forEach(r -> out.add(row(r)));
        return out;
    }

    private static StatementRow row(Row r) {
        return new StatementRow(
                r.getString("hash"), r.getString("property_id"), r.getLong("ref_count"), r.getLong("head_ref_count"));
    }
}
