package org.entitybase.stats.jobs;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.schedule.LeasedJob;
import org.entitybase.stats.config.StatsConfig;
import org.entitybase.stats.repository.DailyFigures;
import org.entitybase.stats.repository.StatsRepository;
import org.entitybase.stats.service.ChangeKinds;
import org.entitybase.stats.service.DayActivity;

/**
 * Finalises {@code general_daily_stats}: from the earliest day that took events since it was finalised (or the day
 * after the last finalised one) through yesterday (UTC), each day's row is recomputed from the revision log (its
 * activity, active and new users) and its totals are the day before's moved by the day's changes. Days without
 * revisions get a row too, carrying the totals. One transaction per day, in order. Daily at 02:00 by default
 * ({@code GENERAL_STATS_SCHEDULE}, {@code GENERAL_STATS_ENABLED}), once across replicas; a missed run is caught up.
 */
@ApplicationScoped
public class GeneralStatsJob {

    public static final String NAME = "general-stats";

    private final Pool pool;
    private final StatsRepository stats;
    private final LeasedJob<Integer> job;

    GeneralStatsJob(Pool pool, StatsRepository stats, StatsConfig config) {
        this.pool = pool;
        this.stats = stats;
        this.job = LeasedJob.of(
                NAME,
                new LeasedJob.Schedule(
                        config.generalStats().enabled(),
                        "GENERAL_STATS_SCHEDULE",
                        config.generalStats().schedule()),
                pool,
                this::finalise);
    }

    @Scheduled(
            identity = NAME,
            cron = "{entitybase.stats.general-stats.schedule}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled(ScheduledExecution execution) {
        return job.onSchedule(execution.getScheduledFireTime());
    }

    public LeasedJob<Integer> job() {
        return job;
    }

    /** Finalises every day due; how many days. */
    Uni<Integer> finalise() {
        LocalDate yesterday = ChangeKinds.day(Instant.now()).minusDays(1);
        return stats.firstDay(pool).flatMap(first -> {
            if (first == null) {
                return Uni.createFrom().item(0);
            }
            return stats.generalDaysToFinalise(pool, yesterday.plusDays(1))
                    .flatMap(dirty -> stats.lastGeneralFinalised(pool).map(last -> {
                        LocalDate start = last == null ? first : last.plusDays(1);
                        return dirty.isEmpty() || start.isBefore(dirty.get(0)) ? start : dirty.get(0);
                    }))
                    .flatMap(start -> {
                        if (start.isAfter(yesterday)) {
                            return Uni.createFrom().item(0);
                        }
                        return before(start, first).flatMap(previous -> finaliseFrom(start, yesterday, previous, 0));
                    });
        });
    }

    /** The totals at the end of the day before {@code start}: zero before the first day. */
    private Uni<DailyFigures> before(LocalDate start, LocalDate first) {
        LocalDate day = start.minusDays(1);
        if (day.isBefore(first)) {
            return Uni.createFrom().item(DayActivity.zero(day));
        }
        return stats.generalDay(pool, day).map(row -> row == null ? DayActivity.zero(day) : row);
    }

    private Uni<Integer> finaliseFrom(LocalDate day, LocalDate last, DailyFigures previous, int done) {
        if (day.isAfter(last)) {
            return Uni.createFrom().item(done);
        }
        return pool.withTransaction(c -> stats.dayActivity(c, day).flatMap(activity -> {
                    DailyFigures figures = activity.after(previous, day);
                    return stats.writeGeneralDay(c, figures, Instant.now()).replaceWith(figures);
                }))
                .flatMap(figures -> finaliseFrom(day.plusDays(1), last, figures, done + 1));
    }
}
