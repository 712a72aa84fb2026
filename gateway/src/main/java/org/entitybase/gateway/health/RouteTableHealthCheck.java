package org.entitybase.gateway.health;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import org.entitybase.gateway.route.RouteTableSource;

/**
 * The gateway's own readiness: its route table is loaded. Deliberately not the services' health (that is
 * {@code /v1/entitybase/health}): one service down must not take the whole gateway out of rotation.
 */
@Readiness
@Singleton
public class RouteTableHealthCheck implements HealthCheck {
    private final RouteTableSource.Loaded loaded;

    public RouteTableHealthCheck(RouteTableSource.Loaded loaded) {
        this.loaded = loaded;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("route-table")
                .up()
                .withData("routes", loaded.table().routes().size())
                .withData("origin", loaded.origin())
                .build();
    }
}
