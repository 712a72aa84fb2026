package org.entitybase.entity.config;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.entitybase.runtime.worker.WorkerPool;

/** entity-service's one worker pool: blocking S3 calls and the CPU-heavy steps of a write ({@code io-threads}). */
@Singleton
public class WorkerPoolProducer {

    @Produces
    @Singleton
    WorkerPool workerPool(EntityServiceConfig config) {
        return new WorkerPool("entity-io", config.storage().ioThreads());
    }

    void close(@Disposes WorkerPool pool) {
        pool.close();
    }
}
