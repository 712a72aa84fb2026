package org.entitybase.runtime.storage;

import java.time.Duration;
import java.util.Map;

import org.jboss.logging.Logger;

import org.entitybase.runtime.rest.ApiException;

/** The one answer to an S3 failure: 503 {@code storage-unavailable} with Retry-After, the SDK's story in the log. */
public final class StorageErrors {

    private static final Logger LOG = Logger.getLogger(StorageErrors.class);

    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private StorageErrors() {}

    public static ApiException unavailable(String what, Exception cause) {
        // ApiException carries no cause: keep the SDK's own story in the log
        LOG.warnf(cause, "S3 failed while %s", what);
        return new ApiException(
                503, "storage-unavailable", "object storage is not available (" + what + ")", Map.of(), RETRY_AFTER);
    }
}
