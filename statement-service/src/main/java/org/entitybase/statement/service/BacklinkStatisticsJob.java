package org.entitybase.statement.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.statement.config.StatementServiceConfig;
import org.entitybase.statement.repository.BacklinkRepository;

/**
 * Recomputes {@code backlink_statistics} (per target: how many entities' heads link to it) from
 * {@code entity_backlinks}, in one transaction. Daily by default ({@code entitybase.statement.backlink-statistics.cron},
 * {@code .enabled}); also {@code POST /internal/statements/backlink-statistics}.
 */
@ApplicationScoped
public class BacklinkStatisticsJob {

    private final Pool pool;
    private final BacklinkRepository backlinks;

    BacklinkStatisticsJob(Pool pool, BacklinkRepository backlinks) {
        this.pool = pool;
        this.backlinks = backlinks;
    }

    @Scheduled(
            identity = "backlink-statistics",
            cron = "{entitybase.statement.backlink-statistics.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    Uni<Void> scheduled() {
        return run().invoke(targets -> Log.infof("backlink_statistics recomputed: %d targets", targets))
                .replaceWithVoid();
    }

    /** Recomputes now; the number of targets with at least one backlink. */
    public Uni<Long> run() {
        return pool.withTransaction(c -> backlinks.recomputeStatistics(c, Instant.now()));
    }

    /** Skips the scheduled run when {@code entitybase.statement.backlink-statistics.enabled=false}. */
    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {
        private final boolean enabled;

        Disabled(StatementServiceConfig config) {
            this.enabled = config.backlinkStatistics().enabled();
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !enabled;
        }
    }
}
