package org.entitybase.entity.rest;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.entitybase.model.id.EntityId;
import org.entitybase.runtime.rest.ApiException;

/** Fields of the small JSON bodies (revert, redirect), checked with the same codes as entity JSON errors. */
final class RequestBodies {

    private RequestBodies() {}

    static long positiveLong(JsonNode body, String field) {
        JsonNode value = field(body, field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 1) {
            throw invalid(field, "must be a positive integer");
        }
        return value.asLong();
    }

    static EntityId entityId(JsonNode body, String field) {
        JsonNode value = field(body, field);
        if (!value.isTextual()) {
            throw invalid(field, "must be an entity id string");
        }
        return EditRequests.entityId(value.textValue());
    }

    private static JsonNode field(JsonNode body, String field) {
        if (body == null || !body.isObject()) {
            throw new ApiException(400, "invalid-json", "the body must be a JSON object", Map.of("path", ""));
        }
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new ApiException(400, "missing-field", field + " is required", Map.of("path", field));
        }
        return value;
    }

    private static ApiException invalid(String field, String what) {
        return new ApiException(400, "invalid-value", field + " " + what, Map.of("path", field));
    }
}
