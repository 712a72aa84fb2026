package org.entitybase.ids.rest;

import jakarta.ws.rs.Path;

import org.entitybase.runtime.rest.ServiceInfo;
import org.entitybase.runtime.rest.ServiceInfoResource;

/** {@code GET {API_PREFIX}/id-allocator/info}. */
@Path("/id-allocator/info")
public class InfoResource extends ServiceInfoResource {

    InfoResource(ServiceInfo info) {
        super(info);
    }
}
