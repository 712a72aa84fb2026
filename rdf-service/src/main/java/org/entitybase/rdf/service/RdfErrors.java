package org.entitybase.rdf.service;

import java.time.Duration;
import java.util.Map;

import org.entitybase.model.id.EntityId;
import org.entitybase.runtime.rest.ApiException;

/**
 * The one answer of the RDF routes that entity-service has no counterpart of (the others are common-runtime's
 * {@link org.entitybase.runtime.rest.EntityApiErrors}): the index running behind the write path.
 */
public final class RdfErrors {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private RdfErrors() {}

    /** The diff worker is behind the write path: the revision may exist and not be indexed yet. */
    public static ApiException indexBehind(EntityId id, long revisionId) {
        return new ApiException(
                503,
                "rdf-index-behind",
                "revision " + revisionId + " of " + id + " is not in rdf-service's index yet: the RDF diff worker is"
                        + " behind",
                Map.of("id", id.value(), "revision_id", revisionId),
                RETRY_AFTER);
    }
}
