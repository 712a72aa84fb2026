package org.entitybase.entity.rest;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.service.EditContext;
import org.entitybase.entity.service.EntityWriteService;
import org.entitybase.model.id.EntityId;

/** {@code POST /redirects {"from", "to"}}: {@code from} becomes a redirect to {@code to}. */
@Path("/redirects")
public class RedirectResource {

    private final EntityWriteService writes;
    private final IdempotentWrites idempotent;

    RedirectResource(EntityWriteService writes, IdempotentWrites idempotent) {
        this.writes = writes;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> redirect(JsonNode body, @BeanParam EditHeaders headers, @Context UriInfo uri) {
        EntityId from = RequestBodies.entityId(body, "from");
        EntityId to = RequestBodies.entityId(body, "to");
        EditContext context = headers.context();
        return idempotent.write(
                context,
                headers.idempotencyKey(),
                uri,
                body.toString().getBytes(StandardCharsets.UTF_8),
                keyed -> writes.redirect(from, to, keyed),
                result -> EntityResponses.status(
                                EntityResponses.object()
                                        .put("from", from.value())
                                        .put("to", to.value())
                                        .put("revision_id", result.revisionId()),
                                result.revisionId())
                        .build());
    }
}
