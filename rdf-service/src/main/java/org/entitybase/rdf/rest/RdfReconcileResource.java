package org.entitybase.rdf.rest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import org.entitybase.model.id.EntityId;
import org.entitybase.rdf.events.EntityDiffPublisher;
import org.entitybase.rdf.service.RdfDiffService;

/**
 * {@code POST /internal/entities/{id}/rdf-reconcile}: outside the public prefix (common-runtime {@code InternalRoutes}),
 * so neither the gateway nor the Ingress reaches it.
 */
@Path("/internal/entities/{id}/rdf-reconcile")
public class RdfReconcileResource {

    private final RdfDiffService diffs;
    private final EntityDiffPublisher publisher;

    RdfReconcileResource(RdfDiffService diffs, EntityDiffPublisher publisher) {
        this.diffs = diffs;
        this.publisher = publisher;
    }

    /** Internal: publishes a reconcile event with the entity's current RDF (a delete event for a deleted entity). */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> reconcile(@PathParam("id") String id) {
        EntityId entityId = RdfFormat.entityId(id);
        return diffs.reconcile(entityId, Instant.now())
                .flatMap(events -> publisher.publish(events).replaceWith(events))
                .map(events -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("entity_id", entityId.value());
                    body.put("rev_id", events.get(0).revId());
                    body.put("operation", events.get(0).operation().jsonName());
                    body.put("events", events.size());
                    return Response.accepted(body).build();
                });
    }
}
