package org.entitybase.user.events;

import java.time.Duration;

import jakarta.inject.Singleton;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.events.ProcessedEvents;
import org.entitybase.user.config.UserServiceConfig;

/**
 * Keeps {@code processed_events} from growing forever: ids older than {@code consumer.dedup-retention} are deleted
 * hourly (common-runtime's ProcessedEvents). The retention must exceed how long Kafka may redeliver an event; a
 * revision redelivered under a forgotten id is still recorded once (the revision index is keyed by revision).
 */
@Singleton
public class ProcessedEventsPruning {

    private final Pool pool;
    private final Duration retention;

    ProcessedEventsPruning(Pool pool, UserServiceConfig config) {
        this.pool = pool;
        this.retention = config.consumer().dedupRetention();
    }

    @Scheduled(
            identity = "processed-events-pruning",
            every = "1h",
            delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return ProcessedEvents.pruneOlderThan(pool, retention);
    }
}
