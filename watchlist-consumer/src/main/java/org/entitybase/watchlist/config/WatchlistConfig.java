package org.entitybase.watchlist.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** watchlist-consumer's own settings ({@code entitybase.watchlist.*}; defaults in application.properties). */
@ConfigMapping(prefix = "entitybase.watchlist")
public interface WatchlistConfig {

    Consumer consumer();

    Revisions revisions();

    Cleanup cleanup();

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

    /** The notification cleanup job (service/NotificationCleanup). */
    interface Cleanup {
        /** {@code NOTIFICATION_CLEANUP_ENABLED}: false stops the schedule only (the job can still be triggered). */
        @WithDefault("true")
        boolean enabled();

        /** {@code NOTIFICATION_CLEANUP_SCHEDULE}: five-field unix cron, like the seed's other schedules. */
        @WithDefault("15 * * * *")
        String schedule();

        /** {@code NOTIFICATION_RETENTION}: notifications of edits older than this are removed. */
        @WithDefault("30d")
        Duration retention();

        /** Rows one DELETE removes: short statements, no long lock on the table. */
        @WithDefault("5000")
        int batch();
    }

    /** Revision packs read for property filters: shares of {@code entitybase.memory.caches}. */
    interface Revisions {
        @WithDefault("0.75")
        double packCacheShare();

        @WithDefault("0.25")
        double revisionCacheShare();
    }
}
