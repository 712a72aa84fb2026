package org.entitybase.model.value;

import org.entitybase.model.id.EntityId;

/**
 * A reference to an entity. {@code numericIdPresent} records whether the JSON carried {@code numeric-id} (current
 * Wikidata output has it for items, properties and lexemes, not for forms, senses and entity schemas), so output
 * equals input.
 */
public record EntityIdValue(EntityId id, boolean numericIdPresent) implements DataValue {
    public EntityIdValue {
        if (id == null) {
            throw new IllegalArgumentException("entity id value without id");
        }
    }

    /** As Wikidata writes it: {@code numeric-id} for the types that have a numeric form. */
    public static EntityIdValue of(EntityId id) {
        return new EntityIdValue(
                id, id.type().prefix() != null && id.type() != org.entitybase.model.id.EntityType.ENTITY_SCHEMA);
    }

    @Override
    public DataValueType type() {
        return DataValueType.ENTITY_ID;
    }
}
