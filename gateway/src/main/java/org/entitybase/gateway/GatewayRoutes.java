package org.entitybase.gateway;

import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.entitybase.gateway.auth.AuthGate;
import org.entitybase.gateway.health.HealthAggregator;
import org.entitybase.gateway.openapi.OpenApiAggregator;
import org.entitybase.gateway.openapi.SwaggerUi;
import org.entitybase.gateway.proxy.GatewayErrors;
import org.entitybase.gateway.proxy.ProxyHandler;
import org.entitybase.gateway.proxy.Upstream;
import org.entitybase.gateway.proxy.Upstreams;
import org.entitybase.gateway.route.Route;
import org.entitybase.gateway.route.RouteTable;
import org.entitybase.gateway.route.RouteTableSource;

/**
 * Puts the route table on the HTTP router: everything under the public prefix is matched against the table and
 * proxied to its service (or answered by the gateway's own handlers); anything else that no Quarkus endpoint (/q/*)
 * takes gets the route-not-found error body.
 */
@Singleton
public class GatewayRoutes {
    /** Context key Quarkus' Micrometer binder reads as the uri tag, keeping metric cardinality to one per route. */
    private static final String METRICS_URI_TEMPLATE = "UrlPathTemplate";

    private final RouteTable table;
    private final AuthGate authGate;
    private final Map<Route, Handler<RoutingContext>> handlers = new IdentityHashMap<>();
    private final Map<Route, String> metricTemplates = new IdentityHashMap<>();

    public GatewayRoutes(
            RouteTableSource.Loaded loaded,
            Upstreams upstreams,
            ProxyHandler proxy,
            HealthAggregator health,
            OpenApiAggregator openApi,
            SwaggerUi swaggerUi,
            AuthGate authGate) {
        this.table = loaded.table();
        this.authGate = authGate;
        Map<String, Handler<RoutingContext>> builtins =
                Map.of("health", health, "openapi", openApi, "swagger-ui", swaggerUi);
        for (Route route : table.routes()) {
            Handler<RoutingContext> handler;
            if (RouteTable.GATEWAY.equals(route.service())) {
                handler = builtins.get(route.name());
                if (handler == null) {
                    throw new IllegalStateException("route '" + route.name() + "' is served by the gateway, which only "
                            + "answers " + builtins.keySet() + " itself");
                }
            } else {
                Upstream upstream = upstreams.get(route.service());
                handler = rc -> proxy.proxy(rc, upstream);
            }
            handlers.put(route, handler);
            metricTemplates.put(route, table.prefix() + route.label());
        }
        Log.infof("gateway: %d routes under %s from %s", table.routes().size(), table.prefix(), loaded.origin());
        Log.infof(
                "gateway: authentication %s",
                authGate.enabled() ? "on (bearer JWTs, roles from routes.json)" : "OFF: X-User-ID is believed as sent");
    }

    void register(@Observes Router router) {
        router.route(table.prefix() + "*").handler(this::dispatch);
        router.route().last().handler(GatewayErrors::routeNotFound);
    }

    private void dispatch(RoutingContext rc) {
        Route route =
                table.match(rc.request().method().name(), rc.normalizedPath()).orElse(null);
        if (route == null) {
            GatewayErrors.routeNotFound(rc);
            return;
        }
        Context context = Vertx.currentContext();
        if (context != null) {
            context.putLocal(METRICS_URI_TEMPLATE, metricTemplates.get(route));
        }
        authGate.admit(rc, route, () -> handlers.get(route).handle(rc));
    }
}
