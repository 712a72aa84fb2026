package org.entitybase.watchlist.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

import static org.entitybase.runtime.rest.RequestParams.invalidBody;
import static org.entitybase.runtime.rest.RequestParams.positiveId;

/**
 * The notification routes' own parameters; the acting user and the shared ones are common-runtime's {@link
 * org.entitybase.runtime.rest.RequestParams} (private to their user, never anonymous, as user-service's watchlist).
 */
final class Params {

    private Params() {}

    /** A notification id in a path: an integer ≥ 1. */
    static long notificationId(String value) {
        return positiveId("notification_id", value, "a notification id is an integer ≥ 1");
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
}
