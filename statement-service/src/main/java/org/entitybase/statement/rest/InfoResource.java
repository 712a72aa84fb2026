package org.entitybase.statement.rest;

import jakarta.ws.rs.Path;

import org.entitybase.runtime.rest.ServiceInfo;
import org.entitybase.runtime.rest.ServiceInfoResource;

/** {@code GET {API_PREFIX}/statement-service/info}. */
@Path("/statement-service/info")
public class InfoResource extends ServiceInfoResource {

    InfoResource(ServiceInfo info) {
        super(info);
    }
}
