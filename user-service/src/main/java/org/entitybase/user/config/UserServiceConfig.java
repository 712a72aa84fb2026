package org.entitybase.user.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** user-service's own settings ({@code entitybase.user.*}; defaults in application.properties). */
@ConfigMapping(prefix = "entitybase.user")
public interface UserServiceConfig {

    /**
     * How long a revision or entity the revision index does not hold is looked up again before the answer is 404
     * (the index trails an edit by the consumer's delay: a thanks right after the edit).
     */
    @WithDefault("2s")
    Duration indexWait();

    /** Most entries one watchlist holds (422 beyond). */
    @WithDefault("10000")
    int watchlistLimit();

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
