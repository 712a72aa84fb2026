package org.entitybase.runtime.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import org.entitybase.runtime.config.EntitybaseConfig;

/**
 * Internal routes (id ranges, committed-revision lists, rebuilds, reconciles) are served at {@code /internal/...},
 * outside the public prefix, as API.md requires; the gateway and the Ingress route only the public prefix, so only
 * callers inside the cluster reach them. Quarkus REST has one root (the public prefix), so an internal resource is
 * declared as {@code @Path("/internal/...")} under it and this filter reroutes {@code /internal/x} there; the same
 * path asked for directly under the public prefix is 404, so it is reachable one way only. A Vert.x filter that runs
 * before every other one: the rerouted request passes the other filters once. See docs/DECISIONS.md.
 */
@ApplicationScoped
public class InternalRoutes {

    /** The path every internal route starts with. */
    public static final String PREFIX = "/internal/";

    /** Above every other filter (RequestIdFilter is 10 000): the first pass reroutes before anything else ran. */
    static final int PRIORITY = 1_000_000;

    private static final String REROUTED = "entitybase.internal-rerouted";

    private final String publicInternal;
    private final String apiPrefix;

    InternalRoutes(EntitybaseConfig config) {
        this.apiPrefix = stripTrailingSlash(config.apiPrefix());
        this.publicInternal = apiPrefix + PREFIX;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (path.startsWith(PREFIX) && rc.get(REROUTED) == null) {
            rc.put(REROUTED, Boolean.TRUE);
            rc.reroute(rc.request().method(), apiPrefix + rc.request().uri()); // the uri keeps the query
        } else if (path.startsWith(publicInternal) && rc.get(REROUTED) == null) {
            notFound(rc, path);
        } else {
            rc.next();
        }
    }

    private static void notFound(RoutingContext rc, String path) {
        String body = new JsonObject()
                .put("code", ErrorResponses.codeFor(404))
                .put("message", "no route for " + path + "; internal routes are under " + PREFIX)
                .put("context", new JsonObject().put("path", path))
                .encode();
        rc.response()
                .setStatusCode(404)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body);
    }

    private static String stripTrailingSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
