package org.entitybase.entity.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;

import org.entitybase.runtime.admission.MemoryBudget;
import org.entitybase.runtime.config.EntitybaseConfig;
import org.entitybase.runtime.storage.PackStore;
import org.entitybase.runtime.storage.RevisionStore;
import org.entitybase.runtime.storage.S3Objects;
import org.entitybase.runtime.worker.WorkerPool;

/** The shared revision storage (common-runtime) with entity-service's cache shares. */
@Singleton
public class StorageProducer {

    @Produces
    @Singleton
    PackStore packStore(
            S3Objects s3,
            EntitybaseConfig config,
            EntityServiceConfig entity,
            WorkerPool workers,
            MemoryBudget budget,
            MeterRegistry meters) {
        return new PackStore(
                s3,
                config.s3().revisionsBucket(),
                budget.cacheShare(entity.storage().packCacheShare()),
                workers,
                meters);
    }

    @Produces
    @Singleton
    RevisionStore revisionStore(PackStore packs, WorkerPool workers, EntityServiceConfig entity, MemoryBudget budget) {
        return new RevisionStore(
                packs, workers, budget.cacheShare(entity.storage().entityCacheShare()));
    }
}
