package org.entitybase.user.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** {@code audit_log}: one row per audit record, whatever how often the topic delivered it. */
@ApplicationScoped
public class AuditRepository {

    static final String COLUMNS = "audit_id, recorded_at, user_id, roles, credential, method, path, route, status,"
            + " request_id, client_ip";
    static final String INSERT =
            "INSERT IGNORE INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // newest first, strictly before the cursor (recorded_at, audit_id); a scatter query in Vitess, admins only
    static final String PAGE = "SELECT " + COLUMNS + " FROM audit_log"
            + " WHERE recorded_at < ? OR (recorded_at = ? AND audit_id < ?)"
            + " ORDER BY recorded_at DESC, audit_id DESC LIMIT ?";
    static final String PAGE_OF_USER = "SELECT " + COLUMNS + " FROM audit_log WHERE user_id = ?"
            + " AND (recorded_at < ? OR (recorded_at = ? AND audit_id < ?))"
            + " ORDER BY recorded_at DESC, audit_id DESC LIMIT ?";

    public record AuditRow(
            String auditId,
            Instant at,
            long userId,
            String roles,
            String credential,
            String method,
            String path,
            String route,
            int status,
            String requestId,
            String clientIp) {}

    /** Inserts the record unless a redelivery of it was stored before. */
    public Uni<Void> insert(SqlClient client, AuditRow a) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.tuple()
                        .addString(a.auditId())
                        .addLocalDateTime(Sql.utc(a.at()))
                        .addLong(a.userId())
                        .addString(a.roles())
                        .addString(a.credential())
                        .addString(a.method())
                        .addString(a.path())
                        .addString(a.route())
                        .addInteger(a.status())
                        .addString(a.requestId())
                        .addString(a.clientIp()))
                .replaceWithVoid();
    }

    /** A page newest first before ({@code beforeAt}, {@code beforeId}); of one user or ({@code userId} null) all. */
    public Uni<List<AuditRow>> page(SqlClient client, Long userId, Instant beforeAt, String beforeId, int limit) {
        Tuple args = Tuple.tuple();
        if (userId != null) {
            args.addLong(userId);
        }
        args.addLocalDateTime(Sql.utc(beforeAt))
                .addLocalDateTime(Sql.utc(beforeAt))
                .addString(beforeId)
                .addInteger(limit);
        return client.preparedQuery(userId == null ? PAGE : PAGE_OF_USER)
                .execute(args)
                .map(rows -> {
                    List<AuditRow> out = new ArrayList<>(rows.rowCount());
                    rows.forEach(r -> out.add(row(r)));
                    return out;
                });
    }

    private static AuditRow row(Row r) {
        return new AuditRow(
                r.getString("audit_id"),
                Sql.instant(r.getLocalDateTime("recorded_at")),
                r.getLong("user_id"),
                r.getString("roles"),
                r.getString("credential"),
                r.getString("method"),
                r.getString("path"),
                r.getString("route"),
                r.getInteger("status"),
                r.getString("request_id"),
                r.getString("client_ip"));
    }
}
