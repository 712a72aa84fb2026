package org.entitybase.testkit.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service's scheduled jobs must show on its real database: each job can be triggered in a test, and when
 * two replicas fire it for the same time, exactly one of them runs it, and no later claimant runs that time again.
 * A service's {@code ScheduledJobsIT} is a {@code @QuarkusTest} subclass listing its jobs, each adapted from
 * common-runtime's {@code LeasedJob} (this module cannot depend on it):
 *
 * <pre>
 * new JobUnderTest(job.name(),
 *         (claimant, fireTime) -&gt; job.as(claimant).runOnce(fireTime).subscribeAsCompletionStage(),
 *         () -&gt; job.runNow().subscribeAsCompletionStage())
 * </pre>
 */
public abstract class AbstractScheduledJobsIT {

    private static final Duration RUN_WITHIN = Duration.ofSeconds(60);

    /**
     * One scheduled job as replicas see it.
     *
     * @param runOnceAs runs the job for a fire time as the named claimant; whether that claimant ran it
     * @param runNow runs it at once (the test trigger)
     */
    public record JobUnderTest(
            String name,
            BiFunction<String, Instant, CompletionStage<Boolean>> runOnceAs,
            Supplier<CompletionStage<?>> runNow) {}

    protected abstract List<JobUnderTest> jobs();

    @Test
    void everyJobRunsOncePerFireTimeWhenTwoReplicasFireIt() throws Exception {
        assertThat(jobs()).isNotEmpty();
        // a fire time of its own: no schedule fires at a whole second this far back
        Instant fireTime = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(3650));
        for (JobUnderTest job : jobs()) {
            CompletableFuture<Boolean> first =
                    job.runOnceAs().apply("replica-a@it", fireTime).toCompletableFuture();
            CompletableFuture<Boolean> second =
                    job.runOnceAs().apply("replica-b@it", fireTime).toCompletableFuture();
            boolean a = first.get(RUN_WITHIN.toSeconds(), TimeUnit.SECONDS);
            boolean b = second.get(RUN_WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertThat(List.of(a, b))
                    .as("%s: which replica ran the fire time %s", job.name(), fireTime)
                    .containsExactlyInAnyOrder(true, false);
            // a replica firing late (or restarted) finds the time taken
            assertThat(job.runOnceAs()
                            .apply("replica-c@it", fireTime)
                            .toCompletableFuture()
                            .get(RUN_WITHIN.toSeconds(), TimeUnit.SECONDS))
                    .as("%s: a third claimant of %s", job.name(), fireTime)
                    .isFalse();
        }
    }

    @Test
    void everyJobCanBeTriggeredNow() throws Exception {
        for (JobUnderTest job : jobs()) {
            job.runNow().get().toCompletableFuture().get(RUN_WITHIN.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
