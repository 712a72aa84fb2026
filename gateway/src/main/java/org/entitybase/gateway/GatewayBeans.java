package org.entitybase.gateway;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.entitybase.gateway.config.GatewayConfig;
import org.entitybase.gateway.route.RouteTable;
import org.entitybase.gateway.route.RouteTableSource;

/** The route table, loaded once at startup (a broken routes.json stops the gateway from starting). */
@Singleton
public class GatewayBeans {
    @Produces
    @Singleton
    RouteTableSource.Loaded loadedRouteTable(GatewayConfig config) {
        return RouteTableSource.load(config.routes());
    }

    @Produces
    @Singleton
    RouteTable routeTable(RouteTableSource.Loaded loaded) {
        return loaded.table();
    }
}
