package org.entitybase.user.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.runtime.rest.RequestParams;
import org.entitybase.user.service.UserService;

/** {@code POST /users}, {@code PUT /users/{id}}, {@code GET /users/{id}} (API.md "Users"). */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public class UserResource {

    private final UserService users;

    UserResource(UserService users) {
        this.users = users;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a user: {\"name\"}; names are unique ignoring case (409); the id is allocated")
    public Uni<Response> register(JsonNode body, @HeaderParam(RequestParams.USER_ID) String actingUser) {
        RequestParams.actingUser(actingUser);
        String name = Params.text(body, "name");
        return users.register(name)
                .map(w -> Response.status(201)
                        .entity(UserService.summary(w.user()))
                        .header("Location", "users/" + w.user().id())
                        .build());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import an existing account with its id: {\"name\"}; 201 created, 200 already there, 409")
    public Uni<Response> importUser(
            @PathParam("id") String id, JsonNode body, @HeaderParam(RequestParams.USER_ID) String actingUser) {
        RequestParams.actingUser(actingUser);
        long userId = RequestParams.userId(id);
        String name = Params.text(body, "name");
        return users.importUser(userId, name)
                .map(w -> Response.status(w.created() ? 201 : 200)
                        .entity(UserService.summary(w.user()))
                        .build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A user: name, registration time, edit count, thanks and endorsements given and received")
    public Uni<ObjectNode> get(@PathParam("id") String id) {
        return users.describe(RequestParams.userId(id));
    }
}
