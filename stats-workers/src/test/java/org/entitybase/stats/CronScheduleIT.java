package org.entitybase.stats;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.entitybase.stats.jobs.UserStatsJob;
import org.entitybase.testkit.stack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real scheduled path: Quarkus' scheduler reads the five-field cron ({@code USER_STATS_SCHEDULE} here every
 * minute), fires the job at a whole minute, and the lease records one run for that fire time.
 */
@QuarkusTest
@TestProfile(CronScheduleIT.EveryMinute.class)
class CronScheduleIT {

    public static class EveryMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("entitybase.stats.user-stats.schedule", "* * * * *");
        }
    }

    @Test
    void theFiveFieldCronFiresTheJobAtAWholeMinuteAndTheLeaseRecordsIt() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        try (Connection db = LocalStack.current().connect("entitybase_test_stats")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = db.createStatement()
                        .executeQuery("SELECT fire_time, outcome FROM scheduled_job_runs WHERE job_name = '"
                                + UserStatsJob.NAME + "' AND claimed_by NOT LIKE '%@it' AND outcome IS NOT NULL"
                                + " ORDER BY fire_time DESC LIMIT 1")) {
                    if (rs.next()) {
                        LocalDateTime fired = rs.getObject(1, LocalDateTime.class);
                        assertThat(fired.getSecond()).isZero();
                        assertThat(fired.getNano()).isZero();
                        assertThat(rs.getString(2)).isEqualTo("succeeded");
                        return;
                    }
                }
                Thread.sleep(1000);
            }
        }
        throw new AssertionError("user-stats did not run on its every-minute schedule within 150 s");
    }
}
