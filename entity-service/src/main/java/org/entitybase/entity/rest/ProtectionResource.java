package org.entitybase.entity.rest;

import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.repository.Protection;
import org.entitybase.entity.service.EditContext;
import org.entitybase.entity.service.EntityReadService;
import org.entitybase.entity.service.EntityWriteService;
import org.entitybase.model.id.EntityId;
import org.entitybase.runtime.rest.ApiException;

/**
 * {@code GET|PUT /entities/{id}/protection}: {@code {"semi_protected", "locked", "mass_edit_protected"}}. A
 * {@code PUT} may name some of the flags (the others stay); a change is a revision of change type {@code protect}
 * (same content, one entity_change event), unchanged flags are a null edit. Locked: every edit is 423, this route
 * included, except the one that unlocks ({@code "locked": false}). Anonymous users (X-User-ID 0) change no
 * protection: 403 {@code anonymous-protection-change}.
 */
@Path("/entities/{id}/protection")
@Produces(MediaType.APPLICATION_JSON)
public class ProtectionResource {

    private static final String SEMI = "semi_protected";
    private static final String LOCKED = "locked";
    private static final String MASS = "mass_edit_protected";

    private final EntityWriteService writes;
    private final EntityReadService reads;

    ProtectionResource(EntityWriteService writes, EntityReadService reads) {
        this.writes = writes;
        this.reads = reads;
    }

    @GET
    public Uni<Response> get(@PathParam("id") String id) {
        EntityId entityId = EditRequests.entityId(id);
        return reads.protection(entityId)
                .map(p -> Response.ok(body(p), MediaType.APPLICATION_JSON_TYPE).build());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> set(@PathParam("id") String id, byte[] body, @BeanParam EditHeaders headers) {
        EntityId entityId = EditRequests.entityId(id);
        EditContext context = headers.context();
        UnaryOperator<Protection> change = change(SubResources.json(body));
        return writes.protect(entityId, change, context).map(edit -> {
            ObjectNode out = body(edit.protection()).put("id", entityId.value()).put("revision_id", edit.revisionId());
            Response.ResponseBuilder response = Response.ok(out, MediaType.APPLICATION_JSON_TYPE);
            EntityResponses.revisionHeaders(response, edit.revisionId());
            return response.build();
        });
    }

    private static ObjectNode body(Protection p) {
        return EntityResponses.object()
                .put(SEMI, p.semiProtected())
                .put(LOCKED, p.locked())
                .put(MASS, p.massEditProtected());
    }

    /** The flags the body names (booleans; unknown fields are 400), applied to the current ones. */
    private static UnaryOperator<Protection> change(JsonNode body) {
        if (!body.isObject()) {
            throw new ApiException(400, "invalid-json", "the body must be a JSON object", Map.of("path", ""));
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!field.equals(SEMI) && !field.equals(LOCKED) && !field.equals(MASS)) {
                throw new ApiException(
                        400, "unknown-field", field + " is not a protection flag", Map.of("path", field));
            }
            if (!body.get(field).isBoolean()) {
                throw new ApiException(400, "invalid-value", field + " must be true or false", Map.of("path", field));
            }
        });
        Boolean semi = flag(body, SEMI);
        Boolean locked = flag(body, LOCKED);
        Boolean mass = flag(body, MASS);
        return p -> new Protection(
                semi == null ? p.semiProtected() : semi,
                locked == null ? p.locked() : locked,
                mass == null ? p.massEditProtected() : mass);
    }

    private static Boolean flag(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null ? null : value.booleanValue();
    }
}
