package org.entitybase.user.service;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.rest.RequestParams;
import org.entitybase.user.repository.AuditRepository;
import org.entitybase.user.repository.AuditRepository.AuditRow;

/** The audit log as admins list it: newest first, paged by an opaque cursor {@code <epoch micros>.<audit id>}. */
@ApplicationScoped
public class AuditService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,17})\\.([0-9a-f-]{36})");
    private static final Instant END = Instant.parse("9999-12-31T23:59:59Z");

    private final Pool pool;
    private final AuditRepository audit;

    AuditService(Pool pool, AuditRepository audit) {
        this.pool = pool;
        this.audit = audit;
    }

    /** {@code {records: [...], next}}; {@code after} is a previous page's {@code next}. */
    public Uni<ObjectNode> list(Long userId, String after, int limit) {
        Instant beforeAt = END;
        String beforeId = "";
        if (after != null) {
            Matcher m = CURSOR.matcher(after);
            if (!m.matches()) {
                throw RequestParams.invalid("after", after, "after is the next cursor of a previous page");
            }
            long micros = Long.parseLong(m.group(1));
            beforeAt = Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1_000L);
            beforeId = m.group(2);
        }
        return audit.page(pool, userId, beforeAt, beforeId, limit + 1).map(page -> {
            ObjectNode out = JSON.createObjectNode();
            ArrayNode records = out.putArray("records");
            page.stream().limit(limit).forEach(row -> records.add(json(row)));
            out.put("next", page.size() > limit ? cursor(page.get(limit - 1)) : null);
            return out;
        });
    }

    private static String cursor(AuditRow row) {
        long micros = row.at().getEpochSecond() * 1_000_000L + row.at().getNano() / 1_000;
        return micros + "." + row.auditId();
    }

    static ObjectNode json(AuditRow row) {
        ObjectNode out = JSON.createObjectNode()
                .put("audit_id", row.auditId())
                .put("at", row.at().toString())
                .put("user_id", row.userId())
                .put("credential", row.credential())
                .put("method", row.method())
                .put("path", row.path())
                .put("route", row.route())
                .put("status", row.status())
                .put("request_id", row.requestId())
                .put("client_ip", row.clientIp());
        ArrayNode roles = out.putArray("roles");
        for (String role : List.of(row.roles().split(","))) {
            if (!role.isEmpty()) {
                roles.add(role);
            }
        }
        return out;
    }
}
