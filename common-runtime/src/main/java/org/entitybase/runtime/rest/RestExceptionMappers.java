package org.entitybase.runtime.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.entitybase.model.error.ErrorBody;
import org.entitybase.model.error.WikibaseJsonException;

/**
 * Turns every exception a REST route lets escape into the ErrorBody JSON: the right 4xx for bad
 * input (bad input never yields 500, API.md), {@code internal-error} 500 for the rest. Each 5xx is
 * logged here once, with its stack trace; 4xx are the client's business and are not logged.
 */
@RegisterForReflection(targets = ErrorBody.class) // serialized by Jackson as a Response entity
public class RestExceptionMappers {

    static final String INVALID_JSON = "invalid-json";
    static final String VALIDATION_FAILED = "validation-failed";

    /** Retry-After of a 503 for an unavailable dependency: about what a restarted one takes to be ready. */
    public static final int DEPENDENCY_RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(RestExceptionMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        if (e.status() >= 500) {
            LOG.errorf(e, "%s: %s", e.code(), e.getMessage());
        }
        Response.ResponseBuilder response = ErrorResponses.builder(e.status(), e.code(), e.getMessage(), e.context());
        e.retryAfter().ifPresent(delay -> response.header(HttpHeaders.RETRY_AFTER, Math.max(1, delay.toSeconds())));
        return response.build();
    }

    /** JAX-RS' own exceptions (404, 405, 415 ...): keep status and headers, replace the body. */
    @ServerExceptionMapper
    public Response webApplicationException(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProcessingException(json);
        }
        Response original = e.getResponse();
        if (original.hasEntity()) {
            return original; // a route chose its own body: leave it alone
        }
        int status = original.getStatus();
        if (status >= 500) {
            LOG.errorf(e, "HTTP %d: %s", status, e.getMessage());
        }
        Response.ResponseBuilder response =
                ErrorResponses.builder(status, ErrorResponses.codeFor(status), e.getMessage(), Map.of());
        original.getStringHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    /** A request body that is not JSON, or JSON of the wrong shape for the route. */
    @ServerExceptionMapper
    public Response jsonProcessingException(JsonProcessingException e) {
        Map<String, Object> context = new LinkedHashMap<>();
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            context.put("line", location.getLineNr());
            context.put("column", location.getColumnNr());
        }
        // getOriginalMessage(): without Jackson's appended source excerpt and location
        return ErrorResponses.of(400, INVALID_JSON, "malformed JSON: " + e.getOriginalMessage(), context);
    }

    /** Bad bytes or bad JSON found by the strict readers of common-model: 400 with the path of the bad value. */
    @ServerExceptionMapper
    public Response wikibaseJsonException(WikibaseJsonException e) {
        return ErrorResponses.of(400, e.code(), e.getMessage(), Map.of("path", e.path()));
    }

    /** Declared for its own type: Quarkus REST Jackson ships a built-in mapper for exactly this one. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return jsonProcessingException(e);
    }

    @ServerExceptionMapper
    public Response validationException(ValidationException e) {
        if (!(e instanceof ConstraintViolationException violations)) {
            // a broken constraint definition: our bug, not the client's
            return unexpected(e);
        }
        List<Map<String, Object>> details = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
            if (isReturnValue(violation.getPropertyPath())) {
                return unexpected(e); // the service produced an invalid response
            }
            details.add(Map.of(
                    "field", violation.getPropertyPath().toString(),
                    "message", violation.getMessage()));
        }
        return ErrorResponses.of(
                400, VALIDATION_FAILED, "the request is not valid", Map.of("violations", List.copyOf(details)));
    }

    /**
     * Anything else: 503 with Retry-After when a dependency was unreachable or dropped the connection (see {@link
     * UnavailableDependency}), else 500. Both are logged with their cause.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Optional<String> dependency = UnavailableDependency.of(e);
        if (dependency.isPresent()) {
            LOG.warnf(e, "%s unavailable", dependency.get());
            return ErrorResponses.builder(
                            503,
                            ErrorResponses.codeFor(503),
                            dependency.get() + " is unavailable; retry later",
                            Map.of("dependency", dependency.get()))
                    .header(HttpHeaders.RETRY_AFTER, DEPENDENCY_RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.error("unhandled exception", e);
        return ErrorResponses.of(500, ErrorResponses.INTERNAL_ERROR, "internal error");
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }
}
