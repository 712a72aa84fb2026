package org.entitybase.model.value;

/** The value types of Wikibase JSON ({@code datavalue.type}). */
public enum DataValueType {
    STRING("string"),
    MONOLINGUAL_TEXT("monolingualtext"),
    ENTITY_ID("wikibase-entityid"),
    TIME("time"),
    QUANTITY("quantity"),
    GLOBE_COORDINATE("globecoordinate");

    private final String jsonName;

    DataValueType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static DataValueType fromJsonName(String name) {
        for (DataValueType t : values()) {
            if (t.jsonName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
