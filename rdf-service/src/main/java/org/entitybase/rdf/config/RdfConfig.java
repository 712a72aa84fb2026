package org.entitybase.rdf.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** rdf-service's own settings (prefix {@code entitybase.rdf}); topics are in common-runtime's EntitybaseConfig. */
@ConfigMapping(prefix = "entitybase.rdf")
public interface RdfConfig {

    /** Parallel index lookups and S3 reads while prefetching what one document mentions. */
    @WithDefault("16")
    int prefetchConcurrency();

    /** Threads for blocking S3 reads and pack decoding. */
    @WithDefault("4")
    int ioThreads();

    /**
     * How long a request for a revision the index does not hold yet ({@code ?revision=N} right after the write), or
     * the diff worker's lookup of a property it has not indexed yet, waits for the consumer before answering without
     * it (docs/DECISIONS.md, "rdf-service reads its own index").
     */
    @WithDefault("2s")
    Duration indexWait();

    /**
     * Languages of the labels and descriptions of mentioned entities (full flavor), as Special:EntityData writes
     * them for an English request: English, then the {@code mul} fallback.
     */
    @WithDefault("en,mul")
    List<String> stubLanguages();

    Cache cache();

    Revisions revisions();

    Diff diff();

    Consumer consumer();

    interface Cache {
        /**
         * Share (0–1) of the service's cache budget ({@code entitybase.memory.caches},
         * deploy/memory-budget.properties) for the summaries of mentioned entities, weighed by their text.
         */
        @WithDefault("0.3")
        double share();

        /**
         * A safety net: entries are invalidated by entity_change events, this bounds how long a missed event can
         * leave a stale entry.
         */
        @WithDefault("10m")
        Duration expireAfterWrite();
    }

    /** The revision reader's caches (common-runtime PackStore, RevisionStore), shares of the cache budget. */
    interface Revisions {
        @WithDefault("0.4")
        double packCacheShare();

        @WithDefault("0.3")
        double revisionCacheShare();
    }

    interface Diff {
        /** An entity_diff event carries at most this many triples; a bigger change is split into a sequence. */
        @WithDefault("3000")
        int maxTriplesPerEvent();
    }

    interface Consumer {
        /** First wait before retrying an event while S3, the database or Kafka is unavailable. */
        @WithDefault("1s")
        Duration retryInitialBackoff();

        /** Longest wait between retries (the worker retries until it succeeds). */
        @WithDefault("30s")
        Duration retryMaxBackoff();

        /** Processed event ids older than this are pruned (longer than the topic's retention). */
        @WithDefault("14d")
        Duration dedupRetention();

        /** Events diffed at once, one at a time per entity (common-runtime's EntityChangeHandler.dispatch). */
        @WithDefault("8")
        int concurrency();
    }
}
