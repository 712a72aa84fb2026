package org.entitybase.statement.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.schedule.LeasedJob;
import org.entitybase.statement.config.StatementServiceConfig;
import org.entitybase.statement.repository.BacklinkRepository;

/**
 * Recomputes {@code backlink_statistics} (per target: how many entities' heads link to it) from
 * {@code entity_backlinks}, in one transaction. Daily at 02:00 by default ({@code BACKLINK_STATS_SCHEDULE}, five-field
 * cron; {@code BACKLINK_STATS_ENABLED}), once per fire time across replicas ({@link LeasedJob}); also
 * {@code POST /internal/statements/backlink-statistics}. A missed run loses nothing: each run recomputes everything.
 */
@ApplicationScoped
public class BacklinkStatisticsJob {

    /** The job's name in {@code scheduled_job_runs} and the scheduler's identity. */
    public static final String NAME = "backlink-statistics";

    private final Pool pool;
    private final BacklinkRepository backlinks;
    private final LeasedJob<Long> job;

    BacklinkStatisticsJob(Pool pool, BacklinkRepository backlinks, StatementServiceConfig config) {
        this.pool = pool;
        this.backlinks = backlinks;
        StatementServiceConfig.BacklinkStatistics settings = config.backlinkStatistics();
        this.job = LeasedJob.of(
                NAME,
                new LeasedJob.Schedule(settings.enabled(), "BACKLINK_STATS_SCHEDULE", settings.schedule()),
                pool,
                this::recompute);
    }

    @Scheduled(
            identity = NAME,
            cron = "{entitybase.statement.backlink-statistics.schedule}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled(ScheduledExecution execution) {
        return job.onSchedule(execution.getScheduledFireTime());
    }

    /** The job under the lease: tests run it as two replicas would. */
    public LeasedJob<Long> job() {
        return job;
    }

    /** Recomputes now, in this replica; the number of targets with at least one backlink. */
    public Uni<Long> run() {
        return job.runNow();
    }

    private Uni<Long> recompute() {
        return pool.withTransaction(c -> backlinks.recomputeStatistics(c, Instant.now()));
    }
}
