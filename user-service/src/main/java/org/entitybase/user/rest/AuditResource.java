package org.entitybase.user.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.runtime.rest.RequestParams;
import org.entitybase.user.service.AuditService;

/** {@code GET /audit}: privileged actions, admitted or refused, newest first (the gateway admits admins only). */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AuditResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final AuditService audit;

    AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    @Operation(
            summary = "Audit records of privileged actions (protection, deletion, import, cleanup, API keys), newest"
                    + " first (?user_id=&limit=&after=): user, roles, credential, route, status, request id")
    public Uni<ObjectNode> list(
            @QueryParam("user_id") String userId,
            @QueryParam("limit") String limit,
            @QueryParam("after") String after) {
        Long user = userId == null ? null : Params.editorId(userId);
        return audit.list(user, after, RequestParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
    }
}
