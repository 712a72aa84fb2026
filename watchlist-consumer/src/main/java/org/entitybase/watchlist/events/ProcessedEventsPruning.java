package org.entitybase.watchlist.events;

import java.time.Duration;

import jakarta.inject.Singleton;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.events.ProcessedEvents;
import org.entitybase.watchlist.config.WatchlistConfig;
import org.entitybase.watchlist.service.NotificationFanOut;

/**
 * Keeps {@code watchlist_processed_events} from growing forever: ids older than {@code consumer.dedup-retention} are
 * deleted hourly. An event redelivered after its id went still notifies nobody twice (the unique key).
 */
@Singleton
public class ProcessedEventsPruning {

    private final Pool pool;
    private final Duration retention;

    ProcessedEventsPruning(Pool pool, WatchlistConfig config) {
        this.pool = pool;
        this.retention = config.consumer().dedupRetention();
    }

    @Scheduled(
            identity = "processed-events-pruning",
            every = "1h",
            delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return ProcessedEvents.pruneOlderThan(pool, NotificationFanOut.DEDUP_TABLE, retention);
    }
}
