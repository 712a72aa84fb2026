package org.entitybase.stats.events;

import java.time.Duration;

import jakarta.inject.Singleton;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.events.ProcessedEvents;
import org.entitybase.stats.config.StatsConfig;

/**
 * Keeps {@code processed_events} from growing forever: ids older than {@code consumer.dedup-retention} are deleted
 * hourly. A revision redelivered under a forgotten id is still counted once ({@code stats_revisions}).
 */
@Singleton
public class ProcessedEventsPruning {

    private final Pool pool;
    private final Duration retention;

    ProcessedEventsPruning(Pool pool, StatsConfig config) {
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
