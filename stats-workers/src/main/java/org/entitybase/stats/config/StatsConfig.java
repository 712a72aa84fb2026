package org.entitybase.stats.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** stats-workers' own settings ({@code entitybase.stats.*}; defaults and environment variables in application.properties). */
@ConfigMapping(prefix = "entitybase.stats")
public interface StatsConfig {

    /** Threads for blocking S3 reads and revision assembly, off the event loop. */
    @WithDefault("4")
    int ioThreads();

    /** Longest range of days one {@code /stats/daily} or {@code /users/{id}/stats} request may ask for. */
    @WithDefault("366")
    int maxRangeDays();

    Revisions revisions();

    Consumer consumer();

    /** {@code USER_STATS_ENABLED}, {@code USER_STATS_SCHEDULE}. */
    Job userStats();

    /** {@code GENERAL_STATS_ENABLED}, {@code GENERAL_STATS_SCHEDULE}. */
    Job generalStats();

    /** Revisions are read from their packs in S3 (common-runtime's RevisionStore); caches are shares of the cache budget. */
    interface Revisions {
        @WithDefault("0.5")
        double packCacheShare();

        @WithDefault("0.3")
        double revisionCacheShare();
    }

    interface Consumer {
        @WithDefault("500ms")
        Duration retryInitialBackoff();

        @WithDefault("30s")
        Duration retryMaxBackoff();

        /** Processed event ids older than this are pruned: longer than the topic's retention. */
        @WithDefault("14d")
        Duration dedupRetention();
    }

    interface Job {
        @WithDefault("true")
        boolean enabled();

        /** Five-field cron (also read by {@code @Scheduled} through its key). */
        @WithDefault("0 2 * * *")
        String schedule();
    }
}
