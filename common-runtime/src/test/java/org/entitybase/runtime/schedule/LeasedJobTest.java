package org.entitybase.runtime.schedule;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeasedJobTest {

    @Test
    void replicasAgreeOnTheKeyOfAFireTimeReportedWithAFraction() {
        assertThat(JobLease.key(Instant.parse("2026-12-07T02:00:00.734Z")))
                .isEqualTo(JobLease.key(Instant.parse("2026-12-07T02:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-07T02:00:00Z"));
    }

    @Test
    void aScheduleIsCheckedWhenTheJobIsDefined() {
        assertThatThrownBy(() -> new LeasedJob.Schedule(true, "GENERAL_STATS_SCHEDULE", "0 0 2 * * ?"))
                .hasMessageContaining("GENERAL_STATS_SCHEDULE");
        assertThat(new LeasedJob.Schedule(false, "X", "0 2 * * *").cron()).isEqualTo("0 2 * * *");
    }

    @Test
    void aDisabledJobIsNotRunOnScheduleButRunsWhenTriggered() {
        AtomicInteger runs = new AtomicInteger();
        // no database is touched: a disabled job never claims, runNow never claims
        LeasedJob<Integer> job = LeasedJob.of(
                "test-job",
                new LeasedJob.Schedule(false, "TEST_SCHEDULE", "0 2 * * *"),
                null,
                () -> Uni.createFrom().item(runs::incrementAndGet));
        job.onSchedule(Instant.now()).await().indefinitely();
        assertThat(runs).hasValue(0);
        assertThat(job.runNow().await().indefinitely()).isEqualTo(1);
        assertThat(job.as("other@1").claimant()).isEqualTo("other@1");
        assertThat(job.claimant()).contains("@");
    }
}
