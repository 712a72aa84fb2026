package org.entitybase.model.statement;

public enum Rank {
    PREFERRED("preferred"),
    NORMAL("normal"),
    DEPRECATED("deprecated");

    private final String jsonName;

    Rank(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Rank fromJsonName(String name) {
        for (Rank r : values()) {
            if (r.jsonName.equals(name)) {
                return r;
            }
        }
        return null;
    }
}
