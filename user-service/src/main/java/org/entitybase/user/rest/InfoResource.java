package org.entitybase.user.rest;

import jakarta.ws.rs.Path;

import org.entitybase.runtime.rest.ServiceInfo;
import org.entitybase.runtime.rest.ServiceInfoResource;

/** {@code GET {API_PREFIX}/user-service/info}. */
@Path("/user-service/info")
public class InfoResource extends ServiceInfoResource {

    InfoResource(ServiceInfo info) {
        super(info);
    }
}
