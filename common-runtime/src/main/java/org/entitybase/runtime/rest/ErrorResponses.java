package org.entitybase.runtime.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.entitybase.model.error.ErrorBody;

/** Builds the {@code {code, message, context}} error responses of API.md ("Errors"). */
public final class ErrorResponses {

    /** Code of every 500 that no more specific code explains. */
    public static final String INTERNAL_ERROR = "internal-error";

    /** Context key of the request id in 5xx bodies, so a report can be matched to the logs. */
    public static final String REQUEST_ID = "request_id";

    private ErrorResponses() {}

    /** The stable code for a status when nothing more specific is known. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 410 -> "gone";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable-content";
            case 423 -> "locked";
            case 429 -> "rate-limited";
            case 500 -> INTERNAL_ERROR;
            case 501 -> "not-implemented";
            case 503 -> "service-unavailable";
            case 504 -> "gateway-timeout";
            default -> status >= 500 ? "server-error" : "client-error";
        };
    }

    public static Response.ResponseBuilder builder(
            int status, String code, String message, Map<String, Object> context) {
        Map<String, Object> withRequestId = context;
        String requestId = RequestIds.current();
        if (status >= 500 && requestId != null && !context.containsKey(REQUEST_ID)) {
            withRequestId = new LinkedHashMap<>(context);
            withRequestId.put(REQUEST_ID, requestId);
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(code, message, withRequestId));
    }

    public static Response of(int status, String code, String message, Map<String, Object> context) {
        return builder(status, code, message, context).build();
    }

    public static Response of(int status, String code, String message) {
        return of(status, code, message, Map.of());
    }
}
