package org.entitybase.rdf.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

import org.entitybase.model.id.EntityId;

/**
 * Resolves mentioned entities to stubs ({@link EntityStub}): what {@link EntityRdfWriter#resolveMentionedEntities()}
 * writes for properties and values used by the entities it wrote. The service answers from entity-service.
 */
@FunctionalInterface
public interface EntityStubLookup {

    /** Knows no entity: mentioned entities get no stubs. */
    EntityStubLookup NONE = id -> null;

    /** The stub of {@code id}, a redirect stub, or null when the entity does not exist. */
    EntityStub find(EntityId id);

    static EntityStubLookup of(Iterable<EntityStub> stubs) {
        Map<EntityId, EntityStub> byId = new LinkedHashMap<>();
        for (EntityStub stub : stubs) {
            byId.put(stub.id(), stub);
        }
        return byId::get;
    }
}
