package org.entitybase.user.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Consumes;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.runtime.rest.RequestParams;
import org.entitybase.user.service.ApiKeyService;

/**
 * API keys for bots (issue 16): create (the key is in that answer only), list and revoke. The gateway admits these
 * routes for the admin role only (deploy/gateway/routes.json, reads included); the acting admin is X-User-ID.
 */
@Path("/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "api-keys")
public class ApiKeyResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final ApiKeyService keys;

    ApiKeyResource(ApiKeyService keys) {
        this.keys = keys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a key for a user: {\"user_id\", \"roles\": [...], \"label\"}; 201 with the key, shown"
                    + " this once (only its SHA-256 is kept); 422 unknown user")
    public Uni<Response> create(JsonNode body, @HeaderParam(RequestParams.USER_ID) String actingUser) {
        long admin = RequestParams.named(RequestParams.actingUser(actingUser));
        long userId = Params.positive(body, "user_id");
        List<String> roles = roles(body);
        JsonNode label = RequestParams.object(body).get("label");
        if (label != null && !label.isTextual()) {
            throw RequestParams.invalidBody("label", "label is a string");
        }
        return keys.create(userId, roles, label == null ? "" : label.asText(), admin)
                .map(created -> {
                    ObjectNode out = ApiKeyService.json(created.row()).put("key", created.key());
                    return Response.status(201)
                            .entity(out)
                            .header("Location", "api-keys/" + created.row().keyId())
                            .build();
                });
    }

    @GET
    @Operation(summary = "Keys by key id, never their secret (?user_id=&limit=&after=)")
    public Uni<ObjectNode> list(
            @QueryParam("user_id") String userId,
            @QueryParam("limit") String limit,
            @QueryParam("after") String after) {
        Long user = userId == null ? null : RequestParams.userId(userId);
        return keys.list(user, after, RequestParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
    }

    @GET
    @Path("{keyId}")
    @Operation(summary = "One key, never its secret; 404 unknown")
    public Uni<ObjectNode> get(@PathParam("keyId") String keyId) {
        return keys.find(keyId).map(ApiKeyService::json);
    }

    @DELETE
    @Path("{keyId}")
    @Operation(summary = "Revoke a key (the gateway stops admitting it within its key cache's TTL); a repeat 200")
    public Uni<ObjectNode> revoke(
            @PathParam("keyId") String keyId, @HeaderParam(RequestParams.USER_ID) String actingUser) {
        long admin = RequestParams.named(RequestParams.actingUser(actingUser));
        return keys.revoke(keyId, admin).map(ApiKeyService::json);
    }

    private static List<String> roles(JsonNode body) {
        JsonNode roles = RequestParams.object(body).get("roles");
        if (roles == null || !roles.isArray()) {
            throw RequestParams.invalidBody("roles", "roles is a required array of role names");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode role : roles) {
            if (!role.isTextual()) {
                throw RequestParams.invalidBody("roles", "roles is an array of role names");
            }
            out.add(role.asText());
        }
        return out;
    }
}
