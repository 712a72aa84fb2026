package org.entitybase.user.rest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.runtime.rest.RequestParams;
import org.entitybase.user.service.EndorsementService;

/** {@code POST|DELETE /statements/{hash}/endorse}, {@code GET /statements/{hash}/endorsements}. */
@Path("/statements/{hash}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "endorsements")
public class EndorsementResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final EndorsementService endorsements;

    EndorsementResource(EndorsementService endorsements) {
        this.endorsements = endorsements;
    }

    @POST
    @Path("endorse")
    @Operation(summary = "The acting user (X-User-ID, not 0) endorses the statement; 404 no such statement; 409 twice")
    public Uni<Response> endorse(
            @PathParam("hash") String hash, @HeaderParam(RequestParams.USER_ID) String actingUser) {
        long user = RequestParams.named(RequestParams.actingUser(actingUser));
        return endorsements
                .endorse(user, Params.hash(hash))
                .map(body -> Response.status(201).entity(body).build());
    }

    @DELETE
    @Path("endorse")
    @Operation(summary = "The acting user withdraws their endorsement; 404 when there is none")
    public Uni<Response> withdraw(
            @PathParam("hash") String hash, @HeaderParam(RequestParams.USER_ID) String actingUser) {
        long user = RequestParams.named(RequestParams.actingUser(actingUser));
        return endorsements
                .withdraw(user, Params.hash(hash))
                .map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("endorsements")
    @Operation(summary = "How many users endorse the statement, and who, newest first (?limit=&after=)")
    public Uni<ObjectNode> list(
            @PathParam("hash") String hash, @QueryParam("limit") String limit, @QueryParam("after") String after) {
        return endorsements.list(Params.hash(hash), after, RequestParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
    }
}
