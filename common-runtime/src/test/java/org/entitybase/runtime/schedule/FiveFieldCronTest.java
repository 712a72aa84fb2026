package org.entitybase.runtime.schedule;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiveFieldCronTest {

    @Test
    void theSeedsDailyScheduleAndCommonFormsAreAccepted() {
        assertThat(FiveFieldCron.check("USER_STATS_SCHEDULE", " 0 2 * * * ")).isEqualTo("0 2 * * *");
        assertThat(FiveFieldCron.problem("*/15 * * * *")).isNull();
        assertThat(FiveFieldCron.problem("0 2 1-15/2 JAN,jun mon-fri")).isNull();
        assertThat(FiveFieldCron.problem("30 23 31 12 0,7")).isNull();
    }

    @Test
    void quartzsSixFieldFormIsRejectedWithTheSettingsName() {
        assertThatThrownBy(() -> FiveFieldCron.check("BACKLINK_STATS_SCHEDULE", "0 0 2 * * ?"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BACKLINK_STATS_SCHEDULE")
                .hasMessageContaining("6 fields instead of 5")
                .hasMessageContaining("Quartz");
    }

    @Test
    void outOfRangeValuesStepsOfZeroAndGarbageAreRejected() {
        assertThat(FiveFieldCron.problem("60 2 * * *")).startsWith("minute '60'");
        assertThat(FiveFieldCron.problem("0 24 * * *")).startsWith("hour '24'");
        assertThat(FiveFieldCron.problem("0 2 0 * * ")).startsWith("day-of-month '0'");
        assertThat(FiveFieldCron.problem("0 2 * 13 *")).startsWith("month '13'");
        assertThat(FiveFieldCron.problem("0 2 * * 8")).startsWith("day-of-week '8'");
        assertThat(FiveFieldCron.problem("*/0 2 * * *")).contains("a step of 0");
        assertThat(FiveFieldCron.problem("0 5-2 * * *")).contains("from high to low");
        assertThat(FiveFieldCron.problem("0 2 ? * *")).startsWith("day-of-month '?'");
        assertThat(FiveFieldCron.problem("0 2,, * * *")).startsWith("hour");
        assertThat(FiveFieldCron.problem("0 2 * FOO *")).startsWith("month 'FOO'");
        assertThat(FiveFieldCron.problem("")).isEqualTo("it is empty");
        assertThat(FiveFieldCron.problem(null)).isEqualTo("it is empty");
        assertThat(FiveFieldCron.problem("0 2 * *")).isEqualTo("4 fields instead of 5");
    }
}
