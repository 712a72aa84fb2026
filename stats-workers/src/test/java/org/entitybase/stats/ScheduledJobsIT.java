package org.entitybase.stats;

import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;

import org.entitybase.runtime.schedule.LeasedJob;
import org.entitybase.stats.jobs.GeneralStatsJob;
import org.entitybase.stats.jobs.UserStatsJob;
import org.entitybase.testkit.schedule.AbstractScheduledJobsIT;

/** The user-stats and general-stats jobs on the real MariaDB: triggered now, and once for two replicas. */
@QuarkusTest
class ScheduledJobsIT extends AbstractScheduledJobsIT {

    @Inject
    UserStatsJob userStats;

    @Inject
    GeneralStatsJob generalStats;

    @Override
    protected List<JobUnderTest> jobs() {
        return List.of(adapt(userStats.job()), adapt(generalStats.job()));
    }

    private static JobUnderTest adapt(LeasedJob<Integer> job) {
        return new JobUnderTest(
                job.name(),
                (claimant, fireTime) -> job.as(claimant).runOnce(fireTime).subscribeAsCompletionStage(),
                () -> job.runNow().subscribeAsCompletionStage());
    }
}
