package org.entitybase.runtime.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Base of each service's {@code GET {API_PREFIX}/<service-name>/info}: a service subclasses it
 * with its own {@code @Path}, so the gateway can route to (and probe) every service by name.
 */
public abstract class ServiceInfoResource {

    private final ServiceInfo info;

    protected ServiceInfoResource(ServiceInfo info) {
        this.info = info;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Name, version and owned keyspace of this service")
    public ServiceInfo info() {
        return info;
    }
}
