package org.entitybase.gateway.openapi;

import jakarta.inject.Singleton;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import org.entitybase.gateway.route.RouteTable;

/**
 * {@code <prefix>/swagger-ui/**}: Quarkus' Swagger UI of the gateway (/q/swagger-ui, configured to show the merged
 * public API of {@code <prefix>/openapi}) under the public prefix, so it is reachable where only the prefix is routed
 * (the Ingress). The request is rerouted inside the gateway; the UI's assets are relative, so they come the same way.
 */
@Singleton
public class SwaggerUi implements Handler<RoutingContext> {
    static final String QUARKUS_PATH = "/q/swagger-ui";

    private final String publicPath;

    public SwaggerUi(RouteTable table) {
        this.publicPath = table.prefix() + "/swagger-ui";
    }

    @Override
    public void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (path.equals(publicPath)) {
            // the UI's relative asset URLs need the directory form
            rc.response()
                    .setStatusCode(302)
                    .putHeader(HttpHeaders.LOCATION, publicPath + "/")
                    .end();
            return;
        }
        String query = rc.request().query();
        String rest = path.substring(publicPath.length());
        rc.reroute(QUARKUS_PATH + rest + (query == null ? "" : "?" + query));
    }
}
