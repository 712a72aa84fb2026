package org.entitybase.runtime.rest;

import java.util.Map;

import org.entitybase.model.id.EntityId;

/**
 * The entity API's answers about an entity or revision that is not there (API.md "Reads"), the same from every service
 * that serves entities: entity-service, and rdf-service from its own index.
 */
public final class EntityApiErrors {

    private EntityApiErrors() {}

    public static ApiException notFound(EntityId id) {
        return new ApiException(404, "entity-not-found", "no entity " + id, Map.of("id", id.value()));
    }

    public static ApiException deleted(EntityId id) {
        return new ApiException(410, "entity-deleted", "entity " + id + " was deleted", Map.of("id", id.value()));
    }

    public static ApiException revisionNotFound(EntityId id, long revisionId) {
        return new ApiException(
                404,
                "revision-not-found",
                "entity " + id + " has no revision " + revisionId,
                Map.of("id", id.value(), "revision_id", revisionId));
    }

    /** A revision that deleted the entity, asked for by id. */
    public static ApiException revisionDeleted(EntityId id, long revisionId) {
        return new ApiException(
                410,
                "entity-deleted",
                "revision " + revisionId + " of " + id + " deleted the entity",
                Map.of("id", id.value(), "revision_id", revisionId));
    }

    /**
     * Wikidata's Special:EntityData answers a deleted entity like a missing one (its page is deleted): our 410 becomes
     * a 404 with the same code and message there; any other failure is returned as it is.
     */
    public static Throwable deletedAsMissing(Throwable failure) {
        if (failure instanceof ApiException e && e.status() == 410) {
            return new ApiException(404, e.code(), e.getMessage(), e.context());
        }
        return failure;
    }
}
