package org.entitybase.model.event;

/** What a revision did to its entity (EVENTS.md {@code change_type}). */
public enum ChangeType {
    CREATE("create"),
    EDIT("edit"),
    DELETE("delete"),
    UNDELETE("undelete"),
    REDIRECT("redirect"),
    UNREDIRECT("unredirect"),
    REVERT("revert"),
    PROTECT("protect");

    private final String jsonName;

    ChangeType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static ChangeType fromJsonName(String name) {
        for (ChangeType t : values()) {
            if (t.jsonName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
