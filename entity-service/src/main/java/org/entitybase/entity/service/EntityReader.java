package org.entitybase.entity.service;

import io.smallrye.mutiny.Uni;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.id.EntityId;

/**
 * Reads entities as they are now. Fails with {@code ApiException}: 404 {@code entity-not-found}, 410
 * {@code entity-deleted}; a redirect is reported as {@link Head#redirectTarget()} (the REST layer answers 308).
 */
public interface EntityReader {
    Uni<Head> head(EntityId id);

    /** The current entity with its revision id (for ETag) and {@code lastrevid}/{@code modified} filled in. */
    record Head(Entity entity, long revisionId, EntityId redirectTarget) {}
}
