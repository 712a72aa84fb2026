package org.entitybase.statement.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;

import org.entitybase.runtime.config.EntitybaseConfig;
import org.entitybase.runtime.storage.PackStore;
import org.entitybase.runtime.storage.RevisionStore;
import org.entitybase.runtime.worker.WorkerPool;

import software.amazon.awssdk.services.s3.S3Client;

/** The shared revision reader (common-runtime) with statement-service's cache sizes. */
@Singleton
public class StorageProducer {

    @Produces
    @Singleton
    PackStore packStore(
            S3Client s3,
            EntitybaseConfig config,
            StatementServiceConfig own,
            WorkerPool workers,
            MeterRegistry meters) {
        return new PackStore(
                s3,
                config.s3().revisionsBucket(),
                own.revisions().packCacheSize().asLongValue(),
                workers,
                meters);
    }

    @Produces
    @Singleton
    RevisionStore revisionStore(PackStore packs, WorkerPool workers, StatementServiceConfig own) {
        return new RevisionStore(
                packs, workers, own.revisions().revisionCacheSize().asLongValue());
    }
}
