package org.entitybase.model.entity;

import org.entitybase.model.id.EntityType;
import org.entitybase.model.value.DataValueType;

/** Every property datatype Wikidata uses, with the value type (and entity type) its values must have. */
public enum PropertyDatatype {
    WIKIBASE_ITEM("wikibase-item", DataValueType.ENTITY_ID, EntityType.ITEM),
    WIKIBASE_PROPERTY("wikibase-property", DataValueType.ENTITY_ID, EntityType.PROPERTY),
    WIKIBASE_LEXEME("wikibase-lexeme", DataValueType.ENTITY_ID, EntityType.LEXEME),
    WIKIBASE_FORM("wikibase-form", DataValueType.ENTITY_ID, EntityType.FORM),
    WIKIBASE_SENSE("wikibase-sense", DataValueType.ENTITY_ID, EntityType.SENSE),
    ENTITY_SCHEMA("entity-schema", DataValueType.ENTITY_ID, EntityType.ENTITY_SCHEMA),
    STRING("string", DataValueType.STRING, null),
    EXTERNAL_ID("external-id", DataValueType.STRING, null),
    URL("url", DataValueType.STRING, null),
    COMMONS_MEDIA("commonsMedia", DataValueType.STRING, null),
    MATH("math", DataValueType.STRING, null),
    MUSICAL_NOTATION("musical-notation", DataValueType.STRING, null),
    TABULAR_DATA("tabular-data", DataValueType.STRING, null),
    GEO_SHAPE("geo-shape", DataValueType.STRING, null),
    MONOLINGUAL_TEXT("monolingualtext", DataValueType.MONOLINGUAL_TEXT, null),
    QUANTITY("quantity", DataValueType.QUANTITY, null),
    TIME("time", DataValueType.TIME, null),
    GLOBE_COORDINATE("globe-coordinate", DataValueType.GLOBE_COORDINATE, null);

    private final String id;
    private final DataValueType valueType;
    private final EntityType entityType;

    PropertyDatatype(String id, DataValueType valueType, EntityType entityType) {
        this.id = id;
        this.valueType = valueType;
        this.entityType = entityType;
    }

    /** The Wikibase datatype id, as in a property's {@code datatype} and a snak's {@code datatype}. */
    public String id() {
        return id;
    }

    public DataValueType valueType() {
        return valueType;
    }

    /** For entity-valued datatypes, the entity type the value must reference; otherwise null. */
    public EntityType entityType() {
        return entityType;
    }

    public static PropertyDatatype fromId(String id) {
        for (PropertyDatatype d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        return null;
    }
}
