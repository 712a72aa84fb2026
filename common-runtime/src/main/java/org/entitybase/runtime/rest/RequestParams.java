package org.entitybase.runtime.rest;

import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checks every service applies to its request parameters, each failing with the 400 or 403 error body API.md
 * gives: the acting user ({@code X-User-ID}), user ids in paths, {@code limit}, boolean flags, a JSON object body.
 * A service keeps only the checks of its own parameters beside its resources.
 */
public final class RequestParams {

    public static final String USER_ID = "X-User-ID";

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,19}");

    private RequestParams() {}

    /** {@code X-User-ID} (API.md: required, an integer ≥ 0, 0 = anonymous). */
    public static long actingUser(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiException(
                    400, "missing-user-id", "this route needs an " + USER_ID + " header", Map.of("header", USER_ID));
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

    /** Anonymous (0) cannot act on what belongs to a user (watch, thank, endorse, read notifications). */
    public static long named(long acting) {
        if (acting == 0) {
            throw new ApiException(
                    403, "anonymous-not-allowed", "anonymous users (X-User-ID 0) cannot do this", Map.of("user", 0));
        }
        return acting;
    }

    /** The acting user may act on {@code owner}'s resources only as {@code owner}, and never anonymously. */
    public static long actingAs(String header, long owner) {
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

    /** A user id in a path: an integer ≥ 1. */
    public static long userId(String value) {
        return positiveId("id", value, "a user id is an integer ≥ 1");
    }

    /** An id in a path: an integer ≥ 1, else 400 naming {@code name}. */
    public static long positiveId(String name, String value, String message) {
        Long id = number(value);
        if (id == null || id < 1) {
            throw invalid(name, value, message);
        }
        return id;
    }

    /** {@code limit}: absent = {@code fallback}, else 1 to {@code max}. */
    public static int limit(String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        Long n = number(value);
        if (n == null || n < 1 || n > max) {
            throw invalid("limit", value, "limit is a whole number from 1 to " + max);
        }
        return n.intValue();
    }

    /** A boolean query parameter: absent or {@code false} = false, {@code true} = true, anything else 400. */
    public static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw invalid(name, value, name + " is true or false");
    }

    /** The body, which must be a JSON object. */
    public static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiException(400, "invalid-body", "the body is a JSON object", Map.of());
        }
        return body;
    }

    public static ApiException invalidBody(String field, String message) {
        return new ApiException(400, "invalid-body", message, Map.of("field", field));
    }

    public static ApiException invalid(String name, Object value, String message) {
        return new ApiException(
                400, "invalid-parameter", message, Map.of("parameter", name, "value", String.valueOf(value)));
    }

    /** A decimal integer of at most 19 digits that fits a long, else null. */
    public static Long number(String value) {
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
