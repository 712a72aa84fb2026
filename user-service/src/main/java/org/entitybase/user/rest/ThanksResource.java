package org.entitybase.user.rest;

import jakarta.ws.rs.Consumes;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.runtime.rest.RequestParams;
import org.entitybase.user.repository.Cursor;
import org.entitybase.user.service.ThanksService;

/** {@code POST /users/{id}/thank}, {@code GET /users/{id}/thanks?direction=received|sent}. */
@Path("/users/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public class ThanksResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final ThanksService thanks;

    ThanksResource(ThanksService thanks) {
        this.thanks = thanks;
    }

    @POST
    @Path("thank")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "User {id} thanks the author of a revision: {\"entity_id\", \"revision_id\"}; 201, a repeat"
                    + " 200 with the first answer; 404 no such revision; 422 own or anonymous revision")
    public Uni<Response> thank(
            @PathParam("id") String id, JsonNode body, @HeaderParam(RequestParams.USER_ID) String actingUser) {
        long sender = RequestParams.actingAs(actingUser, RequestParams.userId(id));
        String entityId = Params.entityId(Params.text(body, "entity_id"), "entity_id");
        long revisionId = Params.positive(body, "revision_id");
        return thanks.thank(sender, entityId, revisionId)
                .map(sent -> Response.status(sent.created() ? 201 : 200)
                        .entity(ThanksService.json(sent.thanks()))
                        .build());
    }

    @GET
    @Path("thanks")
    @Operation(summary = "Thanks the user received (default) or sent, newest first (?direction=&limit=&after=)")
    public Uni<ObjectNode> list(
            @PathParam("id") String id,
            @QueryParam("direction") String direction,
            @QueryParam("limit") String limit,
            @QueryParam("after") String after) {
        long user = Params.editorId(id);
        if (direction != null && !direction.equals("received") && !direction.equals("sent")) {
            throw RequestParams.invalid("direction", direction, "direction is received or sent");
        }
        Cursor cursor = null;
        if (after != null) {
            cursor = Cursor.decode(after);
            if (cursor == null) {
                throw RequestParams.invalid("after", after, "after is the next cursor of a previous page");
            }
        }
        return thanks.list(
                user, !"sent".equals(direction), cursor, RequestParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
    }
}
