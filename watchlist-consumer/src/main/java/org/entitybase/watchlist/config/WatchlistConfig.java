package org.entitybase.watchlist.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** watchlist-consumer's own settings ({@code entitybase.watchlist.*}; defaults in application.properties). */
@ConfigMapping(prefix = "entitybase.watchlist")
public interface WatchlistConfig {

    Consumer consumer();

    Revisions revisions();

    /** Threads for blocking S3 reads and manifest decoding. */
    @WithDefault("4")
    int ioThreads();

    /** The entity_change consumer (events/EntityChangeConsumer). */
    interface Consumer {
        /** First pause after a failed event (the database or S3 down); doubles up to the max. */
        @WithDefault("500ms")
        Duration retryInitialBackoff();

        @WithDefault("30s")
        Duration retryMaxBackoff();

        /** Processed event ids older than this are pruned: longer than the topic's retention. */
        @WithDefault("14d")
        Duration dedupRetention();

        /**
         * Watchers read and notifications inserted per statement: an entity with 10,000 watchers is 20 short
         * statements, never one long transaction.
         */
        @WithDefault("500")
        int fanOutBatch();
    }

    /** Revision packs read for property filters: shares of {@code entitybase.memory.caches}. */
    interface Revisions {
        @WithDefault("0.75")
        double packCacheShare();

        @WithDefault("0.25")
        double revisionCacheShare();
    }
}
