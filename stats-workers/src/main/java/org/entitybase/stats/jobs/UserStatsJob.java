package org.entitybase.stats.jobs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.schedule.LeasedJob;
import org.entitybase.stats.config.StatsConfig;
import org.entitybase.stats.repository.StatsRepository;
import org.entitybase.stats.service.ChangeKinds;

/**
 * Finalises {@code user_daily_stats}: every day before today (UTC) that took events since it was last finalised gets
 * its per-user rows recomputed from the revision log, one transaction per day. Daily at 02:00 by default
 * ({@code USER_STATS_SCHEDULE}, {@code USER_STATS_ENABLED}), once across replicas; a missed run is caught up by the
 * next. The figures of today are kept live by the consumer.
 */
@ApplicationScoped
public class UserStatsJob {

    public static final String NAME = "user-stats";

    private final Pool pool;
    private final StatsRepository stats;
    private final LeasedJob<Integer> job;

    UserStatsJob(Pool pool, StatsRepository stats, StatsConfig config) {
        this.pool = pool;
        this.stats = stats;
        this.job = LeasedJob.of(
                NAME,
                new LeasedJob.Schedule(
                        config.userStats().enabled(),
                        "USER_STATS_SCHEDULE",
                        config.userStats().schedule()),
                pool,
                this::finalise);
    }

    @Scheduled(
            identity = NAME,
            cron = "{entitybase.stats.user-stats.schedule}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled(ScheduledExecution execution) {
        return job.onSchedule(execution.getScheduledFireTime());
    }

    public LeasedJob<Integer> job() {
        return job;
    }

    /** Finalises every day due; how many days. */
    Uni<Integer> finalise() {
        LocalDate today = ChangeKinds.day(Instant.now());
        return stats.userDaysToFinalise(pool, today).flatMap(days -> finaliseEach(days, 0));
    }

    private Uni<Integer> finaliseEach(List<LocalDate> days, int index) {
        if (index == days.size()) {
            return Uni.createFrom().item(days.size());
        }
        return pool.withTransaction(c -> stats.finaliseUserDay(c, days.get(index), Instant.now()))
                .flatMap(x -> finaliseEach(days, index + 1));
    }
}
