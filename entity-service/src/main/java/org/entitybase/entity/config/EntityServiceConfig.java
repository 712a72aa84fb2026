package org.entitybase.entity.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * entity-service's own settings (prefix {@code entitybase.entity}); the settings every service shares are in
 * {@link org.entitybase.runtime.config.EntitybaseConfig}.
 */
@ConfigMapping(prefix = "entitybase.entity")
public interface EntityServiceConfig {

    Storage storage();

    Write write();

    Outbox outbox();

    Idempotency idempotency();

    /** {@code entitybase.entity.imports.*}: bulk import jobs ({@code /import/jobs}). */
    Imports imports();

    interface Imports {
        /**
         * {@code ...concurrency}: entities of one part parsed, then imported (their S3 PUTs included), at a time; with
         * group commit their transactions are shared, so this is what a group can gather.
         */
        @WithDefault("32")
        int concurrency();

        /** {@code ...max-errors}: bad lines kept per job (the count goes on beyond it). */
        @WithDefault("1000")
        int maxErrors();

        /**
         * {@code ...group-commit}: new entities of an import commit in shared transactions (CommitStage#commitGrouped);
         * false: each in its own, as an edit does (benchmarks compare the two).
         */
        @WithDefault("true")
        boolean groupCommit();

        /** {@code ...group-commit-max}: commits at most in one group transaction. */
        @WithDefault("64")
        int groupCommitMax();

        /**
         * {@code ...group-transactions}: group transactions at once (each on a connection of the pool of 8): a group
         * is a round trip per statement of each of its entities, so one at a time would serialize them all.
         */
        @WithDefault("4")
        int groupTransactions();
    }

    /** {@code entitybase.entity.exports.*}: dumps of the store ({@code GET /export}). */
    Exports exports();

    interface Exports {
        /**
         * {@code ...max-concurrent}: exports streaming at once; one more is 503 with Retry-After. Each holds one group
         * of {@code in-flight-bytes} in memory: this times that is what exports take of the heap.
         */
        @WithDefault("2")
        int maxConcurrent();

        /** {@code ...page-size}: heads read per keyset query. */
        @WithDefault("64")
        int pageSize();

        /**
         * {@code ...in-flight-bytes}: entity JSON one export reads from S3 in parallel (a group of a page; an entity
         * larger than this is a group alone). Its heap is about five times this: the assembled models and the JSON.
         */
        @WithDefault("2M")
        MemorySize inFlightBytes();
    }

    /** {@code Idempotency-Key}: how long a first answer is kept for retries (API.md "Idempotency-Key"). */
    interface Idempotency {
        /** {@code entitybase.entity.idempotency.retention}: a key's answer is replayed this long, then forgotten. */
        @WithDefault("24h")
        Duration retention();

        /** {@code ...prune-interval}: how often expired answers are deleted. */
        @WithDefault("10m")
        Duration pruneInterval();
    }

    /** Revision packs in S3 (docs/ENTITY-STORAGE.md). */
    interface Storage {
        /**
         * {@code entitybase.entity.storage.checkpoint-interval}: a revision is a checkpoint (a pack holding every
         * object of the revision) when this many revisions have passed since the last one.
         */
        @WithDefault("16")
        int checkpointInterval();

        /**
         * {@code ...pack-cache-share}: share (0–1) of the service's cache budget ({@code entitybase.memory.caches},
         * deploy/memory-budget.properties) for decoded packs, weighed by their raw bytes.
         */
        @WithDefault("0.25")
        double packCacheShare();

        /**
         * {@code ...entity-cache-share}: share of the cache budget for assembled revisions, weighed by the heap their
         * model takes (about {@code StoredRevision.MODEL_BYTES_PER_CONTENT_BYTE} × their content bytes).
         */
        @WithDefault("0.45")
        double entityCacheShare();

        /**
         * {@code ...json-cache-share}: share of the cache budget for serialized entity JSON of stored revisions and
         * its gzip'd form (half each), by bytes.
         */
        @WithDefault("0.3")
        double jsonCacheShare();

        /** {@code ...io-threads}: threads for blocking S3 calls and CPU-heavy work off the event loop. */
        @WithDefault("16")
        int ioThreads();
    }

    interface Write {
        /** {@code entitybase.entity.write.max-entity-size}: largest request body and stored entity JSON (413). */
        @WithDefault("4M")
        MemorySize maxEntitySize();

        /** {@code ...max-attempts}: tries of an edit without a client expectation when its head moved meanwhile. */
        @WithDefault("8")
        int maxAttempts();

        /**
         * {@code ...property-cache-ttl}: how long a property is known to exist without asking the database again
         * (datatypes never change; existence can, when another instance deletes the property).
         */
        @WithDefault("60s")
        Duration propertyCacheTtl();

        /** {@code ...property-cache-entries}: properties whose datatype is remembered. */
        @WithDefault("100000")
        long propertyCacheEntries();

        /**
         * {@code ...group-commit}: concurrent edits and creates of different entities share a transaction and its
         * fsync (CommitStage#commit, docs/DECISIONS.md "Group commit of client writes"); false: one transaction each
         * (benchmarks compare the two).
         */
        @WithDefault("true")
        boolean groupCommit();

        /** {@code ...group-commit-max}: commits at most in one group transaction. */
        @WithDefault("32")
        int groupCommitMax();

        /**
         * {@code ...group-transactions}: group transactions of client writes at once (each on a connection of the pool
         * of 8, which the edits' reads share); while they run, the next group gathers.
         */
        @WithDefault("2")
        int groupTransactions();
    }

    /** The relay from the outbox table to Kafka. */
    interface Outbox {
        /** {@code entitybase.entity.outbox.poll-interval}: the relay also runs right after every commit. */
        @WithDefault("1s")
        Duration pollInterval();

        /** {@code ...batch-size}: rows published per transaction. */
        @WithDefault("500")
        int batchSize();

        /** {@code ...retention}: sent rows older than this are deleted. */
        @WithDefault("168h")
        Duration retention();
    }

    /** {@code entitybase.entity.cleanup.*}: orphan revision packs (a write that stored its pack, then failed). */
    Cleanup cleanup();

    interface Cleanup {
        /** {@code ...grace-period}: default age below which a pack is never deleted. */
        @WithDefault("24h")
        Duration gracePeriod();

        /**
         * {@code ...min-age}: floor under any requested grace: a write PUTs its pack and commits milliseconds later;
         * a grace of 0 would otherwise race it.
         */
        @WithDefault("10s")
        Duration minAge();
    }
}
