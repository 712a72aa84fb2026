package org.entitybase.model.id;

/** Entity types as Wikibase names them in JSON ({@code "type"} and {@code "entity-type"}). */
public enum EntityType {
    ITEM("item", "Q"),
    PROPERTY("property", "P"),
    LEXEME("lexeme", "L"),
    FORM("form", null),
    SENSE("sense", null),
    MEDIAINFO("mediainfo", "M"),
    ENTITY_SCHEMA("entity-schema", "E");

    private final String jsonName;
    private final String prefix;

    EntityType(String jsonName, String prefix) {
        this.jsonName = jsonName;
        this.prefix = prefix;
    }

    /** The name in JSON, e.g. {@code wikibase-entityid}'s {@code entity-type}. */
    public String jsonName() {
        return jsonName;
    }

    /** The id prefix letter for top-level entity types; null for forms and senses (sub-entities of lexemes). */
    public String prefix() {
        return prefix;
    }

    public static EntityType fromJsonName(String name) {
        for (EntityType t : values()) {
            if (t.jsonName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
