package org.entitybase.watchlist.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.schedule.LeasedJob;
import org.entitybase.watchlist.config.WatchlistConfig;
import org.entitybase.watchlist.repository.NotificationRepository;

/**
 * Removes notifications of edits older than the retention ({@code NOTIFICATION_RETENTION}, 30 days), in DELETEs of
 * {@code cleanup.batch} rows, hourly by default ({@code NOTIFICATION_CLEANUP_SCHEDULE}, five-field cron;
 * {@code NOTIFICATION_CLEANUP_ENABLED}), once per fire time across replicas ({@link LeasedJob}). A missed run loses
 * nothing: the next one removes everything past the retention.
 */
@ApplicationScoped
public class NotificationCleanup {

    /** The job's name in {@code scheduled_job_runs} and the scheduler's identity. */
    public static final String NAME = "notification-cleanup";

    private final Pool pool;
    private final NotificationRepository notifications;
    private final Duration retention;
    private final int batch;
    private final LeasedJob<Long> job;

    NotificationCleanup(Pool pool, NotificationRepository notifications, WatchlistConfig config) {
        this.pool = pool;
        this.notifications = notifications;
        WatchlistConfig.Cleanup settings = config.cleanup();
        this.retention = settings.retention();
        this.batch = settings.batch();
        this.job = LeasedJob.of(
                NAME,
                new LeasedJob.Schedule(settings.enabled(), "NOTIFICATION_CLEANUP_SCHEDULE", settings.schedule()),
                pool,
                () -> removeOlderThan(Instant.now().minus(retention)));
    }

    @Scheduled(
            identity = NAME,
            cron = "{entitybase.watchlist.cleanup.schedule}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled(ScheduledExecution execution) {
        return job.onSchedule(execution.getScheduledFireTime());
    }

    /** The job under the lease: tests run it as two replicas would. */
    public LeasedJob<Long> job() {
        return job;
    }

    /** Removes every notification created before {@code cutoff}, batch by batch; how many. */
    public Uni<Long> removeOlderThan(Instant cutoff) {
        return notifications
                .deleteOlderThan(pool, cutoff, batch)
                .flatMap(deleted -> deleted < batch
                        ? Uni.createFrom().item(deleted)
                        : removeOlderThan(cutoff).map(more -> more + deleted));
    }
}
