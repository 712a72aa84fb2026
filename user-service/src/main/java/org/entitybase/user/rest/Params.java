package org.entitybase.user.rest;

import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.runtime.rest.ApiException;

/** Request parameters and the acting user, checked once: bad input is a 400 naming what was wrong. */
final class Params {

    static final String USER_ID = "X-User-ID";

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,19}");

    private Params() {}

    /** {@code X-User-ID} of a write (API.md: required, an integer ≥ 0, 0 = anonymous). */
    static long actingUser(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiException(
                    400, "missing-user-id", "every write needs an " + USER_ID + " header", Map.of("header", USER_ID));
        }
        Long user = number(header.strip());
        if (user == null) {
            throw new ApiException(
                    400,
                    "invalid-user-id",
                    USER_ID + " must be an integer ≥ 0 (0 = anonymous), not " + header,
                    Map.of("header", USER_ID));
        }
        return user;
    }

    /** The acting user may act on {@code owner}'s resources only as {@code owner}, and never anonymously. */
    static long actingAs(String header, long owner) {
        long acting = named(actingUser(header));
        if (acting != owner) {
            throw new ApiException(
                    403,
                    "not-your-resource",
                    "user " + acting + " cannot act on user " + owner + "'s resources",
                    Map.of("acting_user", acting, "user", owner));
        }
        return acting;
    }

    /** Anonymous (0) cannot watch, thank or endorse. */
    static long named(long acting) {
        if (acting == 0) {
            throw new ApiException(
                    403, "anonymous-not-allowed", "anonymous users (X-User-ID 0) cannot do this", Map.of("user", 0));
        }
        return acting;
    }

    /** A user id in a path: an integer ≥ 1 (400 otherwise). */
    static long userId(String value) {
        Long id = number(value);
        if (id == null || id < 1) {
            throw invalid("id", value, "a user id is an integer ≥ 1");
        }
        return id;
    }

    /** A user id whose activity may exist: anonymous (0) edits too. */
    static long editorId(String value) {
        Long id = number(value);
        if (id == null) {
            throw invalid("id", value, "a user id is an integer ≥ 0");
        }
        return id;
    }

    static String hash(String value) {
        if (value == null || !HASH.matcher(value).matches()) {
            throw invalid("hash", value, "a statement hash is 64 lowercase hex digits");
        }
        return value;
    }

    static int limit(String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        Long n = number(value);
        if (n == null || n < 1 || n > max) {
            throw invalid("limit", value, "limit is a whole number from 1 to " + max);
        }
        return n.intValue();
    }

    static String entityId(String value, String name) {
        EntityId id = value == null ? null : EntityId.tryParse(value);
        if (id == null) {
            throw invalid(name, value, "not a valid entity id");
        }
        return id.value();
    }

    static String propertyId(String value, String name) {
        EntityId id = value == null ? null : EntityId.tryParse(value);
        if (id == null || id.type() != EntityType.PROPERTY) {
            throw invalid(name, value, "not a property id");
        }
        return id.value();
    }

    /** A required text field of a JSON object body. */
    static String text(JsonNode body, String field) {
        JsonNode v = object(body).get(field);
        if (v == null || !v.isTextual()) {
            throw invalidBody(field, field + " is a required string");
        }
        return v.asText();
    }

    /** A required positive integer field of a JSON object body. */
    static long positive(JsonNode body, String field) {
        JsonNode v = object(body).get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 1) {
            throw invalidBody(field, field + " is a required integer ≥ 1");
        }
        return v.asLong();
    }

    static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiException(400, "invalid-body", "the body is a JSON object", Map.of());
        }
        return body;
    }

    static ApiException invalidBody(String field, String message) {
        return new ApiException(400, "invalid-body", message, Map.of("field", field));
    }

    static ApiException invalid(String name, Object value, String message) {
        return new ApiException(
                400, "invalid-parameter", message, Map.of("parameter", name, "value", String.valueOf(value)));
    }

    private static Long number(String value) {
        if (value == null || !NUMBER.matcher(value).matches()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
