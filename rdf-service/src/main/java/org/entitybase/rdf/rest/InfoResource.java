package org.entitybase.rdf.rest;

import jakarta.ws.rs.Path;

import org.entitybase.runtime.rest.ServiceInfo;
import org.entitybase.runtime.rest.ServiceInfoResource;

/** {@code GET {API_PREFIX}/rdf-service/info}. */
@Path("/rdf-service/info")
public class InfoResource extends ServiceInfoResource {

    InfoResource(ServiceInfo info) {
        super(info);
    }
}
