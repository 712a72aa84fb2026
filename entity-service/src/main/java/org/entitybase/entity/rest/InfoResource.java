package org.entitybase.entity.rest;

import jakarta.ws.rs.Path;

import org.entitybase.runtime.rest.ServiceInfo;
import org.entitybase.runtime.rest.ServiceInfoResource;

/** {@code GET {API_PREFIX}/entity-service/info}. */
@Path("/entity-service/info")
public class InfoResource extends ServiceInfoResource {

    InfoResource(ServiceInfo info) {
        super(info);
    }
}
