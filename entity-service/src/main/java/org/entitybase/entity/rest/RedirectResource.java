package org.entitybase.entity.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.service.EditContext;
import org.entitybase.entity.service.EntityWriteService;
import org.entitybase.model.id.EntityId;

/** {@code POST /redirects {"from", "to"}}: {@code from} becomes a redirect to {@code to}. */
@Path("/redirects")
public class RedirectResource {

    private final EntityWriteService writes;

    RedirectResource(EntityWriteService writes) {
        this.writes = writes;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> redirect(JsonNode body, @BeanParam EditHeaders headers) {
        EntityId from = RequestBodies.entityId(body, "from");
        EntityId to = RequestBodies.entityId(body, "to");
        EditContext context = headers.context();
        return writes.redirect(from, to, context)
                .map(result -> EntityResponses.status(
                                EntityResponses.object()
                                        .put("from", from.value())
                                        .put("to", to.value())
                                        .put("revision_id", result.revisionId()),
                                result.revisionId())
                        .build());
    }
}
