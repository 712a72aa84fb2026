package org.entitybase.gateway.auth;

import org.jboss.logging.Logger;

import io.vertx.ext.web.RoutingContext;

import org.entitybase.gateway.proxy.ProxyHeaders;
import org.entitybase.gateway.route.Route;

/**
 * Privileged actions (writes whose route needs admin or importer: protection, deletion, imports, orphan cleanup), each
 * a line in the log category {@code entitybase.audit} with the acting user, roles, request, answer status and request
 * id, written when the answer ends; refused attempts too. In Kubernetes the JSON log goes to the cluster's log store,
 * where an operator lists them by that category; locally {@code ./entitybase logs gateway | grep entitybase.audit}.
 */
final class AuditLog {
    static final String CATEGORY = "entitybase.audit";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private AuditLog() {}

    static boolean privileged(Route route, String method) {
        Role needed = route.writeRole(method);
        return !AccessPolicy.reads(method) && (needed == Role.ADMIN || needed == Role.IMPORTER);
    }

    /** Logs the request once its answer has ended (the status is the service's, or the gateway's refusal). */
    static void onEnd(RoutingContext rc, Route route, Identity identity) {
        rc.addEndHandler(done -> LOG.infof(
                "audit: user=%d roles=[%s] %s %s route=%s status=%d request-id=%s",
                identity.userId(),
                identity.rolesHeader(),
                rc.request().method(),
                rc.request().path(),
                route.name(),
                rc.response().getStatusCode(),
                rc.request().getHeader(ProxyHeaders.X_REQUEST_ID) != null
                        ? rc.request().getHeader(ProxyHeaders.X_REQUEST_ID)
                        : rc.response().headers().get(ProxyHeaders.X_REQUEST_ID)));
    }
}
