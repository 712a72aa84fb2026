package org.entitybase.statement.rest;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.runtime.rest.ApiException;

/** Request parameters checked once: bad input is a 400 with the parameter in the context. */
final class Params {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private Params() {}

    static String hash(String value, String name) {
        if (value == null || !HASH.matcher(value).matches()) {
            throw invalid(name, value, "a statement hash is 64 lowercase hex digits");
        }
        return value;
    }

    static int limit(String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw invalid("limit", value, "limit is a whole number from 1 to " + max);
    }

    static String entityId(String value, String name) {
        EntityId id = EntityId.tryParse(value);
        if (id == null) {
            throw invalid(name, value, "not a valid entity id");
        }
        return id.value();
    }

    static String property(String value) {
        if (value == null) {
            return null;
        }
        EntityId id = EntityId.tryParse(value);
        if (id == null || id.type() != EntityType.PROPERTY) {
            throw invalid("property", value, "not a property id");
        }
        return id.value();
    }

    static Duration duration(String value, String name) {
        try {
            Duration d = Duration.parse(value);
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // below
        }
        throw invalid(name, value, name + " is an ISO-8601 duration such as PT24H");
    }

    static ApiException invalid(String name, Object value, String message) {
        return new ApiException(
                400, "invalid-parameter", message, Map.of("parameter", name, "value", String.valueOf(value)));
    }
}
