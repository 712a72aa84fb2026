package org.entitybase.watchlist.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.entitybase.runtime.rest.ApiException;

/**
 * Request parameters and the acting user of the notification routes, checked once: bad input is a 400 naming what
 * was wrong. Same rules as user-service's watchlist routes (private to their user, never anonymous).
 */
final class Params {

    static final String USER_ID = "X-User-ID";

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,19}");

    private Params() {}

    /** {@code X-User-ID} must be {@code owner}: notifications are private, like the watchlist they come from. */
    static long actingAs(String header, long owner) {
        if (header == null || header.isBlank()) {
            throw new ApiException(
                    400, "missing-user-id", "notifications need an " + USER_ID + " header", Map.of("header", USER_ID));
        }
        Long acting = number(header.strip());
        if (acting == null) {
            throw new ApiException(
                    400,
                    "invalid-user-id",
                    USER_ID + " must be an integer ≥ 0 (0 = anonymous), not " + header,
                    Map.of("header", USER_ID));
        }
        if (acting == 0) {
            throw new ApiException(
                    403, "anonymous-not-allowed", "anonymous users (X-User-ID 0) have no notifications", Map.of());
        }
        if (acting != owner) {
            throw new ApiException(
                    403,
                    "not-your-resource",
                    "user " + acting + " cannot act on user " + owner + "'s resources",
                    Map.of("acting_user", acting, "user", owner));
        }
        return acting;
    }

    /** A user id in a path: an integer ≥ 1. */
    static long userId(String value) {
        return positive("id", value, "a user id is an integer ≥ 1");
    }

    /** A notification id in a path: an integer ≥ 1. */
    static long notificationId(String value) {
        return positive("notification_id", value, "a notification id is an integer ≥ 1");
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

    /** {@code unread}: absent or false = all, true = unread only. */
    static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw invalid(name, value, name + " is true or false");
    }

    static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiException(400, "invalid-body", "the body is a JSON object", Map.of());
        }
        return body;
    }

    static Instant time(JsonNode value, String field) {
        if (value == null || !value.isTextual()) {
            throw invalidBody(field, field + " is an ISO-8601 UTC time such as 2026-12-07T10:00:00Z");
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw invalidBody(field, field + " is an ISO-8601 UTC time such as 2026-12-07T10:00:00Z");
        }
    }

    static ApiException invalidBody(String field, String message) {
        return new ApiException(400, "invalid-body", message, Map.of("field", field));
    }

    static ApiException invalid(String name, Object value, String message) {
        return new ApiException(
                400, "invalid-parameter", message, Map.of("parameter", name, "value", String.valueOf(value)));
    }

    private static long positive(String name, String value, String message) {
        Long id = number(value);
        if (id == null || id < 1) {
            throw invalid(name, value, message);
        }
        return id;
    }

    static Long number(String value) {
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
