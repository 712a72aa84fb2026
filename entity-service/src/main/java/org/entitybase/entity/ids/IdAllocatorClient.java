package org.entitybase.entity.ids;

import io.smallrye.mutiny.Uni;

import org.entitybase.model.id.EntityType;

/**
 * id-allocator's {@code /internal/id-ranges} as entity-service uses it. Fails with {@code ApiException} 503
 * {@code id-allocator-unavailable} when the allocator cannot be reached or answers with a server error.
 */
public interface IdAllocatorClient {

    /** Claims {@code size} ids of {@code type} that no one else ever gets. */
    Uni<IdRange> claim(EntityType type, int size);

    /** Makes sure no later claim of {@code type} holds an id up to {@code upTo}. */
    Uni<Void> reserveUpTo(EntityType type, long upTo);
}
