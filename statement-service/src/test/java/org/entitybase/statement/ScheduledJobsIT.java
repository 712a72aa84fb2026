package org.entitybase.statement;

import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;

import org.entitybase.runtime.schedule.LeasedJob;
import org.entitybase.statement.service.BacklinkStatisticsJob;
import org.entitybase.testkit.schedule.AbstractScheduledJobsIT;

/** statement-service's backlink_statistics job on the real MariaDB: triggered now, and once for two replicas. */
@QuarkusTest
class ScheduledJobsIT extends AbstractScheduledJobsIT {

    @Inject
    BacklinkStatisticsJob backlinkStatistics;

    @Override
    protected List<JobUnderTest> jobs() {
        LeasedJob<Long> job = backlinkStatistics.job();
        return List.of(new JobUnderTest(
                job.name(),
                (claimant, fireTime) -> job.as(claimant).runOnce(fireTime).subscribeAsCompletionStage(),
                () -> job.runNow().subscribeAsCompletionStage()));
    }
}
