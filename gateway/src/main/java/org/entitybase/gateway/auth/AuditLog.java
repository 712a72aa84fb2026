package org.entitybase.gateway.auth;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import org.entitybase.gateway.proxy.ProxyHeaders;
import org.entitybase.gateway.route.Route;

/**
 * Privileged actions (writes whose route needs admin or importer: protection, deletion, imports, orphan cleanup, API
 * key creation and revocation), admitted or refused (a bad credential included), recorded when the answer ends with
 * the acting user, roles, credential, request, status and request id: a line in the log category {@code
 * entitybase.audit}, and a record on the audit topic ({@link AuditPublisher}) that user-service keeps and lists at
 * {@code GET /audit} (admins). The line is the fallback when the topic cannot be reached.
 */
@Singleton
public class AuditLog {
    static final String CATEGORY = "entitybase.audit";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private final AuditPublisher publisher;

    AuditLog(AuditPublisher publisher) {
        this.publisher = publisher;
    }

    static boolean privileged(Route route, String method) {
        Role needed = route.writeRole(method);
        return !AccessPolicy.reads(method) && (needed == Role.ADMIN || needed == Role.IMPORTER);
    }

    /** Records the request once its answer has ended, as whoever {@code actor} names then (the status is final). */
    void onEnd(RoutingContext rc, Route route, String clientIp, Supplier<Identity> actor) {
        rc.addEndHandler(done -> record(rc, route, clientIp, actor.get()));
    }

    private void record(RoutingContext rc, Route route, String clientIp, Identity identity) {
        String requestId = ProxyHeaders.requestId(rc);
        int status = rc.response().getStatusCode();
        LOG.infof(
                "audit: user=%d roles=[%s] %s %s route=%s status=%d request-id=%s",
                identity.userId(),
                identity.rolesHeader(),
                rc.request().method(),
                rc.request().path(),
                route.name(),
                status,
                requestId);
        JsonArray roles = new JsonArray();
        identity.roles().stream().sorted().forEach(role -> roles.add(role.key()));
        publisher.publish(new JsonObject()
                .put("audit_id", UUID.randomUUID().toString())
                .put("at", Instant.now().toString())
                .put("user_id", identity.userId())
                .put("roles", roles)
                .put("credential", identity.credential())
                .put("method", rc.request().method().name())
                .put("path", rc.request().path())
                .put("route", route.name())
                .put("status", status)
                .put("request_id", requestId)
                .put("client_ip", clientIp));
    }
}
