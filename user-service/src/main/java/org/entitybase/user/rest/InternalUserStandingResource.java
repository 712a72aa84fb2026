package org.entitybase.user.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.runtime.rest.RequestParams;
import org.entitybase.user.service.UserStanding;

/** {@code GET /internal/users/{id}/standing}: whether the user is autoconfirmed (the gateway's, for semi-protection). */
@Path("/internal/users/{id}/standing")
@Produces(MediaType.APPLICATION_JSON)
public class InternalUserStandingResource {

    private final UserStanding standing;

    InternalUserStandingResource(UserStanding standing) {
        this.standing = standing;
    }

    @GET
    @Operation(summary = "{user_id, registered, registered_at, edits, autoconfirmed} (age and edit thresholds)")
    public Uni<ObjectNode> standing(@PathParam("id") String id) {
        return standing.of(RequestParams.userId(id));
    }
}
