package org.entitybase.model.snak;

public enum SnakType {
    VALUE("value"),
    SOME_VALUE("somevalue"),
    NO_VALUE("novalue");

    private final String jsonName;

    SnakType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static SnakType fromJsonName(String name) {
        for (SnakType t : values()) {
            if (t.jsonName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
