package org.entitybase.entity.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.storage.OrphanPackCleanup;

/**
 * {@code POST {API_PREFIX}/internal/revisions/cleanup-orphaned}, body optional: {@code {"dry_run": true,
 * "grace_period": "PT24H"}} (the defaults). Lists, and unless a dry run deletes, revision packs no committed revision
 * references. Internal: the gateway routes no {@code /internal} path.
 */
@Path("/internal/revisions/cleanup-orphaned")
public class PackCleanupResource {

    private final OrphanPackCleanup cleanup;

    PackCleanupResource(OrphanPackCleanup cleanup) {
        this.cleanup = cleanup;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> cleanupOrphaned(byte[] body) {
        return cleanup.run(body);
    }
}
