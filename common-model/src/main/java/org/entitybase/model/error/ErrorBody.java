package org.entitybase.model.error;

import java.util.Map;

import org.entitybase.model.Immutables;

/**
 * The body of every error response: a stable machine {@code code} (e.g. {@code invalid-entity-id}), a human message,
 * and a context map (e.g. {@code {"path": "claims.P31[2].mainsnak"}}).
 */
public record ErrorBody(String code, String message, Map<String, Object> context) {
    public ErrorBody {
        context = Immutables.orderedMap(context);
    }

    public static ErrorBody of(String code, String message) {
        return new ErrorBody(code, message, Map.of());
    }
}
