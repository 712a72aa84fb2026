package org.entitybase.user.rest;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;

import static org.entitybase.runtime.rest.RequestParams.invalid;
import static org.entitybase.runtime.rest.RequestParams.invalidBody;
import static org.entitybase.runtime.rest.RequestParams.number;
import static org.entitybase.runtime.rest.RequestParams.object;

/**
 * user-service's own request parameters (the shared ones and the acting user are common-runtime's {@link
 * org.entitybase.runtime.rest.RequestParams}), checked once: bad input is a 400 naming what was wrong.
 */
final class Params {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private Params() {}

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
}
