package org.entitybase.runtime.worker;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * A bounded pool for what must not run on the event loop (the blocking S3 SDK client, the Kafka producer's blocking
 * calls, CPU-heavy steps such as hashing, splitting, gzip), and the one way a result comes back: on the Vert.x context
 * of the caller, so a request or a consumed message continues on its own event loop (and its MDC request id). A
 * service makes one (a CDI producer with its own thread count) and closes it on shutdown.
 */
public final class WorkerPool implements AutoCloseable {

    private final ExecutorService executor;

    public WorkerPool(String threadPrefix, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a worker pool needs at least one thread: " + threads);
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new NamedThreads(threadPrefix));
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

    @Override
    public void close() {
        executor.shutdown();
    }

    private static final class NamedThreads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        NamedThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
