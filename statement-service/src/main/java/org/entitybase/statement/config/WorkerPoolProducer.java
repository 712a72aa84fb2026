package org.entitybase.statement.config;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.entitybase.runtime.worker.WorkerPool;

/** statement-service's one worker pool: blocking S3 calls and statement extraction ({@code io-threads}). */
@Singleton
public class WorkerPoolProducer {

    @Produces
    @Singleton
    WorkerPool workerPool(StatementServiceConfig config) {
        return new WorkerPool("statement-io", config.ioThreads());
    }

    void close(@Disposes WorkerPool pool) {
        pool.close();
    }
}
