package org.entitybase.runtime.storage;

import java.time.Duration;
import java.util.Map;

import org.jboss.logging.Logger;

import org.entitybase.runtime.rest.ApiException;
import org.entitybase.runtime.rest.ErrorResponses;
import org.entitybase.runtime.rest.RestExceptionMappers;

/**
 * The one answer to an S3 failure, the same as for any unavailable dependency (RestExceptionMappers): 503
 * {@code service-unavailable}, {@code context.dependency} {@code storage}, Retry-After; the cause in the log.
 */
public final class StorageErrors {

    private static final Logger LOG = Logger.getLogger(StorageErrors.class);

    private static final Duration RETRY_AFTER = Duration.ofSeconds(RestExceptionMappers.DEPENDENCY_RETRY_AFTER_SECONDS);

    private StorageErrors() {}

    public static ApiException unavailable(String what, Exception cause) {
        // ApiException carries no cause: keep the SDK's own story in the log
        LOG.warnf(cause, "S3 failed while %s", what);
        return new ApiException(
                503,
                ErrorResponses.codeFor(503),
                "storage is unavailable; retry later (" + what + ")",
                Map.of("dependency", "storage"),
                RETRY_AFTER);
    }
}
