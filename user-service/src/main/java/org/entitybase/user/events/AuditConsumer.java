package org.entitybase.user.events;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.user.config.UserServiceConfig;
import org.entitybase.user.repository.AuditRepository;
import org.entitybase.user.repository.AuditRepository.AuditRow;

/**
 * Consumes the gateway's audit records (channel {@code audit}, docs/AUDIT-EVENTS.md) into {@code audit_log}. A plain
 * consumer, not the entity_change skeleton: these are not entity changes and need no partition lanes. A record is
 * stored once (its audit id is the key: a redelivery is ignored); while the database is down it is retried with
 * backoff, so the offset moves on only once it is stored. An unreadable record is logged and skipped.
 */
@ApplicationScoped
public class AuditConsumer {

    private static final Logger LOG = Logger.getLogger(AuditConsumer.class);

    private final Pool pool;
    private final AuditRepository audit;
    private final UserServiceConfig config;

    AuditConsumer(Pool pool, AuditRepository audit, UserServiceConfig config) {
        this.pool = pool;
        this.audit = audit;
        this.config = config;
    }

    @Incoming("audit")
    public Uni<Void> consume(String payload) {
        AuditRow row;
        try {
            row = parse(payload);
        } catch (RuntimeException e) {
            LOG.warnf("audit: an unreadable record skipped (%s): %.200s", e.toString(), payload);
            return Uni.createFrom().voidItem();
        }
        return audit.insert(pool, row)
                .onFailure()
                .retry()
                .withBackOff(
                        config.consumer().retryInitialBackoff(),
                        config.consumer().retryMaxBackoff())
                .indefinitely();
    }

    static AuditRow parse(String payload) {
        JsonObject json = new JsonObject(payload);
        JsonArray roles = json.getJsonArray("roles", new JsonArray());
        StringBuilder joined = new StringBuilder();
        for (Object role : roles) {
            joined.append(joined.isEmpty() ? "" : ",").append(role);
        }
        String auditId = json.getString("audit_id");
        if (auditId == null || auditId.length() > 36) {
            throw new IllegalArgumentException("audit_id missing or too long");
        }
        return new AuditRow(
                auditId,
                Instant.parse(json.getString("at")),
                json.getLong("user_id"),
                joined.toString(),
                json.getString("credential"),
                json.getString("method"),
                json.getString("path"),
                json.getString("route"),
                json.getInteger("status"),
                json.getString("request_id"),
                json.getString("client_ip"));
    }
}
