package org.entitybase.statement.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** statement-service's own settings ({@code entitybase.statement.*}; defaults in application.properties). */
@ConfigMapping(prefix = "entitybase.statement")
public interface StatementServiceConfig {

    /** Threads for blocking S3 calls and statement extraction, off the event loop. */
    @WithDefault("8")
    int ioThreads();

    /**
     * Share (0–1) of the service's cache budget ({@code entitybase.memory.caches}, deploy/memory-budget.properties)
     * for the immutable statement JSON served by {@code GET /statements/{hash}}, by bytes.
     */
    @WithDefault("1.0")
    double contentCacheShare();

    Revisions revisions();

    Consumer consumer();

    Cleanup cleanup();

    BacklinkStatistics backlinkStatistics();

    /**
     * Revisions are read from their packs in S3 (common-runtime's RevisionStore), by the event's address. Caches are
     * shares (0–1) of the service's cache budget ({@code entitybase.memory.caches}, deploy/memory-budget.properties).
     */
    interface Revisions {
        /** Packs, uncompressed bytes: a checkpoint pack serves every delta pack after it. */
        @WithDefault("0.4")
        double packCacheShare();

        /** Assembled revisions (each is read about once per event: small). */
        @WithDefault("0.2")
        double revisionCacheShare();
    }

    interface Consumer {
        /** First pause after a failed event (S3 or the database down); doubles up to the max. */
        @WithDefault("500ms")
        Duration retryInitialBackoff();

        @WithDefault("30s")
        Duration retryMaxBackoff();

        /** Processed event ids older than this are pruned: longer than the topic's retention. */
        @WithDefault("14d")
        Duration dedupRetention();

        /**
         * Events applied at once, one at a time per entity (common-runtime's EntityChangeHandler.dispatch): the
         * accounting holds each entity's head row locked while it moves it, so events of different entities may overlap.
         */
        @WithDefault("8")
        int concurrency();
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

    /** The daily backlink_statistics job: {@code BACKLINK_STATS_ENABLED}, {@code BACKLINK_STATS_SCHEDULE}. */
    interface BacklinkStatistics {
        @WithDefault("true")
        boolean enabled();

        /** Five-field cron, as the seed writes it (also read by {@code @Scheduled} through its key). */
        @WithDefault("0 2 * * *")
        String schedule();
    }
}
