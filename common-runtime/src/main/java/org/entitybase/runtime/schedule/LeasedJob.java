package org.entitybase.runtime.schedule;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.schedule.JobLease.Outcome;

/**
 * A scheduled job that runs once per fire time however many replicas of the service run: each replica's scheduler
 * fires it, {@link JobLease} lets one of them run it. The service keeps the {@code @Scheduled} method (its cron read
 * from its own key, e.g. {@code cron = "{entitybase.stats.user-stats.schedule}"}) and hands the execution's scheduled
 * fire time to {@link #onSchedule}:
 *
 * <pre>
 * &#64;Scheduled(identity = "user-stats", cron = "{...schedule}", concurrentExecution = SKIP)
 * Uni&lt;Void&gt; scheduled(ScheduledExecution execution) {
 *     return job.onSchedule(execution.getScheduledFireTime());
 * }
 * </pre>
 *
 * The enable flag only stops the schedule; {@link #runNow} (tests, an internal route) runs the work at once in this
 * replica, outside the lease.
 *
 * @param <T> what one run returns (e.g. how many rows it wrote), logged
 */
public final class LeasedJob<T> {

    private static final Logger LOG = Logger.getLogger(LeasedJob.class);

    /**
     * When and whether a job runs: {@code cron} in the seed's five-field form (checked by {@link FiveFieldCron}).
     *
     * @param setting where {@code cron} came from (e.g. {@code USER_STATS_SCHEDULE}), named in errors
     */
    public record Schedule(boolean enabled, String setting, String cron) {
        public Schedule {
            cron = FiveFieldCron.check(setting, cron);
        }
    }

    private final String name;
    private final Schedule schedule;
    private final Pool pool;
    private final Supplier<Uni<T>> work;
    private final String claimant;

    private LeasedJob(String name, Schedule schedule, Pool pool, Supplier<Uni<T>> work, String claimant) {
        if (name.isEmpty() || name.length() > 64) {
            throw new IllegalArgumentException("a job name has 1 to 64 characters: " + name);
        }
        this.name = name;
        this.schedule = schedule;
        this.pool = pool;
        this.work = work;
        this.claimant = claimant;
    }

    /** A job claimed as this process (host name and pid: in Kubernetes the pod's name). */
    public static <T> LeasedJob<T> of(String name, Schedule schedule, Pool pool, Supplier<Uni<T>> work) {
        return new LeasedJob<>(name, schedule, pool, work, thisProcess());
    }

    /** The same job claimed under another name: a test's second replica. */
    public LeasedJob<T> as(String otherClaimant) {
        return new LeasedJob<>(name, schedule, pool, work, otherClaimant);
    }

    public String name() {
        return name;
    }

    public Schedule schedule() {
        return schedule;
    }

    public String claimant() {
        return claimant;
    }

    /**
     * The scheduler's call: when enabled, runs the job if this replica wins {@code fireTime}. Never fails: a failed
     * run is logged and recorded ({@code outcome = failed}) and waits for the next fire time.
     */
    public Uni<Void> onSchedule(Instant fireTime) {
        if (!schedule.enabled()) {
            LOG.debugf("%s: disabled (%s), not run", name, schedule.setting());
            return Uni.createFrom().voidItem();
        }
        return runOnce(fireTime)
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.errorf(failure, "%s: the run for %s failed", name, fireTime);
                    return true;
                })
                .replaceWithVoid();
    }

    /**
     * Claims {@code fireTime} and, when this claimant wins, runs the job and records how it ended (the result's
     * {@code toString} as {@code detail}). True when this claimant ran it, false when another claimant has that fire
     * time; fails when the run failed (recorded first).
     */
    public Uni<Boolean> runOnce(Instant fireTime) {
        return JobLease.claim(pool, name, fireTime, claimant).flatMap(won -> {
            if (!won) {
                LOG.infof("%s: the run for %s is another replica's", name, fireTime);
                return Uni.createFrom().item(false);
            }
            long start = System.nanoTime();
            return Uni.createFrom()
                    .deferred(() -> work.get())
                    .onFailure()
                    .call(failure -> JobLease.finish(pool, name, fireTime, Outcome.FAILED, failure.toString()))
                    .call(result -> JobLease.finish(pool, name, fireTime, Outcome.SUCCEEDED, String.valueOf(result)))
                    .invoke(result -> LOG.infof(
                            "%s: ran for %s in %d ms: %s",
                            name, fireTime, (System.nanoTime() - start) / 1_000_000, result))
                    .replaceWith(true);
        });
    }

    /** Runs the work now in this replica, outside the lease and whether enabled or not (tests, internal routes). */
    public Uni<T> runNow() {
        return Uni.createFrom().deferred(() -> work.get());
    }

    static String thisProcess() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown-host";
            }
        }
        return host + "@" + ProcessHandle.current().pid();
    }
}
