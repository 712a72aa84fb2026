package org.entitybase.ids.rest;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entitybase.runtime.rest.ApiException;

/** Reads the fields of a JSON request body, answering 400 {@code invalid-request} for a wrong shape. */
final class JsonRequests {

    private JsonRequests() {}

    static ObjectNode object(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw new ApiException(400, "invalid-request", "the request body must be a JSON object");
        }
        return object;
    }

    static String requiredText(ObjectNode body, String field) {
        String text = optionalText(body, field);
        if (text == null) {
            throw invalid(field, "a string");
        }
        return text;
    }

    /** Null when absent or JSON null. */
    static String optionalText(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(field, "a string");
        }
        return value.textValue();
    }

    /** An integral JSON number (not {@code 1.5}, not {@code 1e9}, not {@code "5"}) that fits a long. */
    static long requiredInteger(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw invalid(field, "an integer");
        }
        return value.longValue();
    }

    private static ApiException invalid(String field, String expected) {
        return new ApiException(400, "invalid-request", field + " must be " + expected, Map.of("field", field));
    }
}
