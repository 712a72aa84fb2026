package org.entitybase.entity.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.service.EditContext;
import org.entitybase.entity.service.EntityWriteService;

/**
 * {@code POST /import}: existing Wikibase JSON (a dump line, Special:EntityData) under its own id; 201 when the
 * entity is new, 200 with a new revision (or a null edit) when it exists. Referenced properties need not exist yet.
 */
@Path("/import")
public class ImportResource {

    private final EntityWriteService writes;
    private final IdempotentWrites idempotent;

    ImportResource(EntityWriteService writes, IdempotentWrites idempotent) {
        this.writes = writes;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> importEntity(byte[] body, @BeanParam EditHeaders headers, @Context UriInfo uri) {
        EditContext context = headers.creation();
        return idempotent.write(
                context,
                headers.idempotencyKey(),
                uri,
                body,
                keyed -> writes.importEntity(body, keyed),
                result -> EntityResponses.edit(result, uri).build());
    }
}
