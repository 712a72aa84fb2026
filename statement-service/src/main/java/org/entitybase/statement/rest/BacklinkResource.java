package org.entitybase.statement.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.statement.service.StatementReadService;

/** {@code GET /entities/{id}/backlinks?property=&limit=&after=}: entities whose current head links to {@code id}. */
@Path("/entities/{id}/backlinks")
@Produces(MediaType.APPLICATION_JSON)
public class BacklinkResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final StatementReadService reads;

    BacklinkResource(StatementReadService reads) {
        this.reads = reads;
    }

    @GET
    public Uni<ObjectNode> backlinks(
            @PathParam("id") String id,
            @QueryParam("property") String property,
            @QueryParam("limit") String limit,
            @QueryParam("after") String after) {
        String target = Params.entityId(id, "id");
        if (after != null && !after.matches("[A-Za-z0-9-]{1,32}(:P[1-9][0-9]{0,17})?")) {
            throw Params.invalid("after", after, "after is the next cursor of a previous page");
        }
        return reads.backlinks(target, Params.property(property), after, Params.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
    }
}
