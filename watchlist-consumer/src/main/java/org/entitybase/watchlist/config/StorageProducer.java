package org.entitybase.watchlist.config;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;

import org.entitybase.runtime.admission.MemoryBudget;
import org.entitybase.runtime.config.EntitybaseConfig;
import org.entitybase.runtime.storage.PackStore;
import org.entitybase.runtime.storage.RevisionStore;
import org.entitybase.runtime.storage.S3Objects;
import org.entitybase.runtime.worker.WorkerPool;

/**
 * The shared revision reader (common-runtime), read-only here: packs for the manifests of changed revisions, the
 * assembled revision only for a lexeme's form and sense statements. One worker pool for the blocking S3 calls.
 */
@Singleton
public class StorageProducer {

    @Produces
    @Singleton
    WorkerPool workerPool(WatchlistConfig config) {
        return new WorkerPool("watchlist-io", config.ioThreads());
    }

    void close(@Disposes WorkerPool pool) {
        pool.close();
    }

    @Produces
    @Singleton
    PackStore packs(
            S3Objects s3,
            EntitybaseConfig config,
            WatchlistConfig own,
            WorkerPool workers,
            MemoryBudget budget,
            MeterRegistry meters) {
        return new PackStore(
                s3,
                config.s3().revisionsBucket(),
                budget.cacheShare(own.revisions().packCacheShare()),
                workers,
                meters);
    }

    @Produces
    @Singleton
    RevisionStore revisions(PackStore packs, WatchlistConfig own, WorkerPool workers, MemoryBudget budget) {
        return new RevisionStore(
                packs, workers, budget.cacheShare(own.revisions().revisionCacheShare()));
    }
}
