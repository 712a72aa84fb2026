package org.entitybase.stats.config;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;

import org.entitybase.runtime.admission.MemoryBudget;
import org.entitybase.runtime.config.EntitybaseConfig;
import org.entitybase.runtime.storage.RevisionStore;
import org.entitybase.runtime.storage.S3Objects;
import org.entitybase.runtime.worker.WorkerPool;

/** The shared revision reader (common-runtime), read-only here, and the worker pool its blocking reads run on. */
@Singleton
public class StorageProducer {

    @Produces
    @Singleton
    WorkerPool workerPool(StatsConfig config) {
        return new WorkerPool("stats-io", config.ioThreads());
    }

    void close(@Disposes WorkerPool pool) {
        pool.close();
    }

    @Produces
    @Singleton
    RevisionStore revisions(
            S3Objects s3,
            EntitybaseConfig config,
            StatsConfig own,
            WorkerPool workers,
            MemoryBudget budget,
            MeterRegistry meters) {
        StatsConfig.Revisions shares = own.revisions();
        return RevisionStore.reading(
                s3,
                config.s3().revisionsBucket(),
                budget.cacheShare(shares.packCacheShare()),
                budget.cacheShare(shares.revisionCacheShare()),
                workers,
                meters);
    }
}
