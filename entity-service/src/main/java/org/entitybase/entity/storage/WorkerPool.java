package org.entitybase.entity.storage;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import org.entitybase.entity.config.EntityServiceConfig;

/**
 * A bounded pool for what must not run on the event loop: the blocking S3 SDK client, the Kafka producer's
 * blocking calls, and CPU-heavy steps of a write (hashing, splitting, gzip). A result is handed back on the Vert.x
 * context of the caller, so the request continues on its own event loop (and its MDC request id).
 */
@ApplicationScoped
public class WorkerPool {

    private final ExecutorService executor;

    WorkerPool(EntityServiceConfig config) {
        int threads = config.storage().ioThreads();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new NamedThreads());
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    /** Runs {@code work} on the pool; the item is emitted on the subscriber's Vert.x context when it has one. */
    public <T> Uni<T> run(Supplier<T> work) {
        return onCallerContext(Uni.createFrom().item(work).runSubscriptionOn(executor));
    }

    /** {@code uni}, with its item or failure emitted on the Vert.x context of whoever subscribes (if any). */
    public static <T> Uni<T> onCallerContext(Uni<T> uni) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            return context == null ? uni : uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
        });
    }

    /** The raw executor, for APIs that take one (e.g. asynchronous cache loaders). */
    public ExecutorService executor() {
        return executor;
    }

    @PreDestroy
    void shutdown() {
        executor.shutdown();
    }

    private static final class NamedThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "entity-io-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
