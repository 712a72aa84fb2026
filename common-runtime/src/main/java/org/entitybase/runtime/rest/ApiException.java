package org.entitybase.runtime.rest;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A failure with a stable machine code that the service means to show the client, e.g. 409
 * {@code edit-conflict} or 410 {@code entity-deleted}. Mapped to the ErrorBody JSON as is.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> context;
    private final Duration retryAfter;

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of(), null);
    }

    public ApiException(int status, String code, String message, Map<String, Object> context) {
        this(status, code, message, context, null);
    }

    /** {@code retryAfter} becomes a {@code Retry-After} header (429 and 503). */
    public ApiException(int status, String code, String message, Map<String, Object> context, Duration retryAfter) {
        // Client errors are expected and frequent: no stack trace to fill in.
        super(message, null, false, status >= 500);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.code = code;
        this.context = Map.copyOf(context);
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> context() {
        return context;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
