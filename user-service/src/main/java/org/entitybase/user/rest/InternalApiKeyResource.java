package org.entitybase.user.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.runtime.rest.ApiException;
import org.entitybase.user.service.ApiKeyService;

/**
 * {@code POST /internal/api-keys/verify}: the gateway asks who a presented key is (internal: never routed). The key
 * travels in the body, not the path, so it is in no access log.
 */
@Path("/internal/api-keys")
@Produces(MediaType.APPLICATION_JSON)
public class InternalApiKeyResource {

    private final ApiKeyService keys;

    InternalApiKeyResource(ApiKeyService keys) {
        this.keys = keys;
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "{\"key\"}: 200 {key_id, user_id, roles} for a valid key; 404 unknown, revoked or malformed")
    public Uni<Response> verify(JsonNode body) {
        String key = Params.text(body, "key");
        return keys.verify(key).map(row -> {
            if (row == null) {
                throw new ApiException(404, "unknown-key", "no valid API key matches");
            }
            return Response.ok(ApiKeyService.json(row)).build();
        });
    }
}
