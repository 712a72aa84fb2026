package org.entitybase.runtime.rest;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

/** The request id every log line and error body of a request carries. */
public final class RequestIds {

    /** Header a caller (or the gateway) may send, and that every response echoes. */
    public static final String HEADER = "X-Request-ID";

    /** MDC key of the current request's id (JSON logs show it under {@code mdc.requestId}). */
    public static final String MDC_KEY = "requestId";

    static final int MAX_LENGTH = 128;

    // Ids end up in logs and headers: accept only what cannot forge a log line or a header.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:\\-]+");

    private RequestIds() {}

    /** The caller's id when it is short and safe to log, else a fresh UUID. */
    public static String acceptOrGenerate(String offered) {
        if (offered != null
                && offered.length() <= MAX_LENGTH
                && SAFE.matcher(offered).matches()) {
            return offered;
        }
        return UUID.randomUUID().toString();
    }

    /** The id of the request being handled on this context, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
