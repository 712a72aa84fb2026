package org.entitybase.rdf.config;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;

import org.entitybase.runtime.admission.MemoryBudget;
import org.entitybase.runtime.config.EntitybaseConfig;
import org.entitybase.runtime.storage.RevisionStore;
import org.entitybase.runtime.storage.S3Objects;
import org.entitybase.runtime.worker.WorkerPool;

/** rdf-service's worker pool and the shared revision reader (common-runtime), read-only, with its cache shares. */
@Singleton
public class StorageProducer {

    @Produces
    @Singleton
    WorkerPool workerPool(RdfConfig config) {
        return new WorkerPool("rdf-io", config.ioThreads());
    }

    void close(@Disposes WorkerPool pool) {
        pool.close();
    }

    @Produces
    @Singleton
    RevisionStore revisions(
            S3Objects s3,
            EntitybaseConfig config,
            RdfConfig own,
            WorkerPool workers,
            MemoryBudget budget,
            MeterRegistry meters) {
        RdfConfig.Revisions shares = own.revisions();
        return RevisionStore.reading(
                s3,
                config.s3().revisionsBucket(),
                budget.cacheShare(shares.packCacheShare()),
                budget.cacheShare(shares.revisionCacheShare()),
                workers,
                meters);
    }
}
