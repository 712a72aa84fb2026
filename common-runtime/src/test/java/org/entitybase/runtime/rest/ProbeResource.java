package org.entitybase.runtime.rest;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** Routes that fail in each way a real route can, for RestErrorHandlingTest. */
@Path("/probe")
public class ProbeResource {

    public record Greeting(@NotBlank String name) {}

    @POST
    @Path("/greeting")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    public String greet(@Valid Greeting greeting) {
        return "hello " + greeting.name();
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw new ApiException(409, "edit-conflict", "head moved", Map.of("head_revision_id", 3));
    }

    @GET
    @Path("/bug")
    public String bug() {
        throw new IllegalStateException("a bug");
    }

    @GET
    @Path("/request-id/worker")
    @Blocking
    @Produces(MediaType.TEXT_PLAIN)
    public String requestIdOnWorker() {
        return String.valueOf(RequestIds.current());
    }

    @GET
    @Path("/request-id/event-loop")
    @Produces(MediaType.TEXT_PLAIN)
    public Uni<String> requestIdOnEventLoop() {
        return Uni.createFrom().item(() -> String.valueOf(RequestIds.current()));
    }
}
