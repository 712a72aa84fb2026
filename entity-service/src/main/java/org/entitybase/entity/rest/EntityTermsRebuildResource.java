package org.entitybase.entity.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.service.EntityTermsRebuild;

/**
 * {@code POST /internal/entity-terms/rebuild}: the search rows of every live item and property written
 * again from its head; answers {@code {"entities": n}}. Internal: the gateway routes no {@code /internal} path.
 */
@Path("/internal/entity-terms/rebuild")
public class EntityTermsRebuildResource {

    private final EntityTermsRebuild rebuild;

    EntityTermsRebuildResource(EntityTermsRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> rebuild() {
        return rebuild.run().map(outcome -> EntityResponses.object().put("entities", outcome.entities()));
    }
}
