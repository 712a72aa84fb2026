package org.entitybase.runtime.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** An internal route as the services declare theirs, for InternalRoutesTest. */
@Path("/internal/probe")
@Produces(MediaType.TEXT_PLAIN)
public class InternalProbeResource {

    @GET
    public String get(@QueryParam("q") String q) {
        return "internal " + q;
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    public String post(String body) {
        return "internal got " + body;
    }
}
