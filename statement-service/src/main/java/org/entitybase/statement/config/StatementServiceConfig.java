package org.entitybase.statement.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** statement-service's own settings ({@code entitybase.statement.*}; defaults in application.properties). */
@ConfigMapping(prefix = "entitybase.statement")
public interface StatementServiceConfig {

    /** {@code entity-service-url} (env ENTITY_SERVICE_URL): where revisions are read (its REST API, never packs). */
    String entityServiceUrl();

    /** Upper bound of one request to entity-service. */
    @WithDefault("10s")
    Duration entityServiceTimeout();

    /**
     * Share (0–1) of the service's cache budget ({@code entitybase.memory.caches}, deploy/memory-budget.properties)
     * for the immutable statement JSON served by {@code GET /statements/{hash}}, by bytes.
     */
    @WithDefault("1.0")
    double contentCacheShare();

    Consumer consumer();

    Cleanup cleanup();

    BacklinkStatistics backlinkStatistics();

    interface Consumer {
        /** First pause after a failed event (entity-service, S3 or the database down); doubles up to the max. */
        @WithDefault("500ms")
        Duration retryInitialBackoff();

        @WithDefault("30s")
        Duration retryMaxBackoff();
    }

    interface Cleanup {
        /** Objects younger than this are never deleted (an in-flight write has stored them, not yet committed). */
        @WithDefault("24h")
        Duration gracePeriod();

        /**
         * Floor under any requested grace period: a write stores its object, then commits, milliseconds later; a
         * grace of 0 would otherwise race it and delete content a revision is about to reference.
         */
        @WithDefault("10s")
        Duration minAge();
    }

    interface BacklinkStatistics {
        @WithDefault("true")
        boolean enabled();

        /** Quartz cron (read by {@code @Scheduled} through its own key). */
        @WithDefault("0 0 2 * * ?")
        String cron();
    }
}
