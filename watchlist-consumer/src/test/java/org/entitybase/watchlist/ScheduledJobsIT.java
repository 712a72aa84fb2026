package org.entitybase.watchlist;

import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.entitybase.runtime.schedule.LeasedJob;
import org.entitybase.testkit.schedule.AbstractScheduledJobsIT;
import org.entitybase.watchlist.service.NotificationCleanup;
import org.entitybase.watchlist.support.JobsDatabase;

/** watchlist-consumer's notification cleanup on the real MariaDB: triggered now, and once for two replicas. */
@QuarkusTest
@QuarkusTestResource(JobsDatabase.class)
class ScheduledJobsIT extends AbstractScheduledJobsIT {

    @Inject
    NotificationCleanup cleanup;

    @Override
    protected List<JobUnderTest> jobs() {
        LeasedJob<Long> job = cleanup.job();
        return List.of(new JobUnderTest(
                job.name(),
                (claimant, fireTime) -> job.as(claimant).runOnce(fireTime).subscribeAsCompletionStage(),
                () -> job.runNow().subscribeAsCompletionStage()));
    }
}
