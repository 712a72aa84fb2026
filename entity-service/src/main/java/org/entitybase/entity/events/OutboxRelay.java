package org.entitybase.entity.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.entity.config.EntityServiceConfig;
import org.entitybase.entity.repository.OutboxRepository;
import org.entitybase.entity.repository.OutboxRepository.OutboxRow;
import org.entitybase.runtime.config.EntitybaseConfig;

/**
 * Publishes the outbox to Kafka: unsent rows in id order, each batch in one transaction that holds the relay lease
 * row, publishes, waits for the acknowledgements and marks the rows sent. So one relay per database publishes at a
 * time (per-entity order holds with many instances), and a crash anywhere leaves unsent rows that the next batch
 * publishes again (at-least-once; consumers dedup by event id).
 *
 * <p>Runs right after each commit of this instance ({@link #wake}) and every {@code poll-interval} (commits of other
 * instances, retries after a failure). With {@code STREAMING_ENABLED=false} it never starts: rows stay in the outbox.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Purge sent rows every this many polls. */
    private static final int PURGE_EVERY_POLLS = 300;

    private static final int PURGE_BATCH = 1000;

    private final Pool pool;
    private final OutboxRepository outbox;
    private final EntityChangePublisher publisher;
    private final Vertx vertx;
    private final boolean streaming;
    private final Duration pollInterval;
    private final int batchSize;
    private final Duration retention;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong polls = new AtomicLong();
    private volatile boolean running;
    private long timer = -1;

    OutboxRelay(
            Pool pool,
            OutboxRepository outbox,
            EntityChangePublisher publisher,
            Vertx vertx,
            EntitybaseConfig config,
            EntityServiceConfig entityConfig) {
        this.pool = pool;
        this.outbox = outbox;
        this.publisher = publisher;
        this.vertx = vertx;
        this.streaming = config.streaming().enabled();
        this.pollInterval = entityConfig.outbox().pollInterval();
        this.batchSize = entityConfig.outbox().batchSize();
        this.retention = entityConfig.outbox().retention();
    }

    void onStart(@Observes StartupEvent event) {
        if (streaming) {
            start();
        } else {
            Log.info("streaming is disabled: entity_change events stay in the outbox");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts polling (and publishing on {@link #wake}); a no-op while running. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        timer = vertx.setPeriodic(Math.max(1, pollInterval.toMillis()), id -> poll());
        wake();
    }

    /** Stops polling and waits for a batch in flight to end. */
    public synchronized void stop() {
        running = false;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (draining.get() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** Publishes what is unsent now, unless a batch is already running (which then goes on for these rows). */
    public void wake() {
        if (!running) {
            return;
        }
        pending.set(true);
        if (draining.compareAndSet(false, true)) {
            drain();
        }
    }

    private void poll() {
        wake();
        if (polls.incrementAndGet() % PURGE_EVERY_POLLS == 0) {
            outbox.purgeSent(pool, Instant.now().minus(retention), PURGE_BATCH)
                    .subscribe()
                    .with(
                            purged -> Log.debugf("purged %d sent outbox rows", purged),
                            failure -> Log.warn("purging sent outbox rows failed", failure));
        }
    }

    private void drain() {
        pending.set(false);
        publishBatch()
                .subscribe()
                .with(
                        published -> {
                            // a full batch may have left rows behind; a wake during the batch may have added some
                            if (running && published > 0 && (published == batchSize || pending.get())) {
                                drain();
                                return;
                            }
                            draining.set(false);
                            if (running && published >= 0 && pending.get() && draining.compareAndSet(false, true)) {
                                drain();
                            }
                        },
                        failure -> {
                            Log.warnf(failure, "outbox relay batch failed; retrying within %s", pollInterval);
                            draining.set(false);
                        });
    }

    /** One batch: the number of rows published, or -1 if another relay holds the lease. */
    Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> outbox.tryLease(connection, OutboxRepository.ENTITY_CHANGE_RELAY)
                .flatMap(leased -> {
                    if (!leased) {
                        return Uni.createFrom().item(-1);
                    }
                    return outbox.unsent(connection, batchSize).flatMap(rows -> {
                        if (rows.isEmpty()) {
                            return Uni.createFrom().item(0);
                        }
                        List<Long> ids = rows.stream().map(OutboxRow::id).toList();
                        return publisher
                                .publish(rows)
                                .flatMap(ignored -> outbox.markSent(connection, ids, Instant.now()))
                                .replaceWith(rows.size());
                    });
                }));
    }
}
