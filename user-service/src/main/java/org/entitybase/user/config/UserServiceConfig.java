package org.entitybase.user.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** user-service's own settings ({@code entitybase.user.*}; defaults in application.properties). */
@ConfigMapping(prefix = "entitybase.user")
public interface UserServiceConfig {

    /**
     * {@code entity-service-url} (env ENTITY_SERVICE_URL): asked only when the revision index has no row yet for a
     * revision or entity (the index lags the edit by the consumer's delay), so a miss is never a wrong 404.
     */
    String entityServiceUrl();

    /** Upper bound of one request to entity-service. */
    @WithDefault("5s")
    Duration entityServiceTimeout();

    /** Most entries one watchlist holds (422 beyond). */
    @WithDefault("10000")
    int watchlistLimit();

    /** Retry-After of a 503 when a dependency (entity-service, S3) does not answer. */
    @WithDefault("2s")
    Duration retryAfter();

    Consumer consumer();

    /** The entity_change consumer (events/EntityChangeConsumer). */
    interface Consumer {
        /** First pause after a failed event (the database down); doubles up to the max. */
        @WithDefault("500ms")
        Duration retryInitialBackoff();

        @WithDefault("30s")
        Duration retryMaxBackoff();

        /** Processed event ids older than this are pruned: longer than the topic's retention. */
        @WithDefault("14d")
        Duration dedupRetention();
    }
}
