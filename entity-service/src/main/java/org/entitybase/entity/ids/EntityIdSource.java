package org.entitybase.entity.ids;

import io.smallrye.mutiny.Uni;

import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;

/**
 * Where new entity ids come from. The implementation leases ranges from id-allocator ahead of need, so a create
 * normally takes an id from memory without waiting. Ids are never handed out twice, across crashes and instances
 * too; gaps are fine.
 */
public interface EntityIdSource {
    /** The next unused id of a top-level type (item, property, lexeme). */
    Uni<EntityId> next(EntityType type);

    /** Makes sure no id up to and including {@code id} is ever handed out (imports that keep their ids). */
    Uni<Void> reserveUpTo(EntityId id);
}
