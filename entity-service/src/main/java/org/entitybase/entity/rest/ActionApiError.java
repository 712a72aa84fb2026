package org.entitybase.entity.rest;

import java.util.Map;

/**
 * An error of the action API ({@code /w/api.php}), answered in MediaWiki's shape ({@code {"error": {"code", "info",
 * …}}}) by {@link ActionApiResource}. MediaWiki itself answers these with 200; we keep its body and code but send a
 * 4xx status (docs/DECISIONS.md), so HTTP clients and our fuzz tests see the failure.
 */
final class ActionApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> extra;

    ActionApiError(int status, String code, String info, Map<String, String> extra) {
        super(info, null, false, false);
        this.status = status;
        this.code = code;
        this.extra = Map.copyOf(extra);
    }

    ActionApiError(String code, String info) {
        this(400, code, info, Map.of());
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> extra() {
        return extra;
    }

    /** MediaWiki's error for a value outside a parameter's list. */
    static ActionApiError badValue(String parameter, String value) {
        return new ActionApiError("badvalue", "Unrecognized value for parameter \"" + parameter + "\": " + value + ".");
    }

    /** Wikibase's error for an id that is malformed or names no entity (it does not tell the two apart). */
    static ActionApiError noSuchEntity(String id) {
        return new ActionApiError(
                404, "no-such-entity", "Could not find an entity with the ID \"" + id + "\".", Map.of("id", id));
    }
}
