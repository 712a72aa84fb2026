package org.entitybase.stats.rest;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.entitybase.runtime.rest.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatsParamsTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    @Test
    void defaultsAreTheLastThirtyDaysUpToToday() {
        StatsParams.DayRange r = StatsParams.range(null, null, TODAY, 366);
        assertThat(r.to()).isEqualTo(TODAY);
        assertThat(r.from()).isEqualTo(LocalDate.parse("2026-11-08"));
        assertThat(StatsParams.range("2026-12-01", "2026-12-01", TODAY, 1).from())
                .isEqualTo("2026-12-01");
    }

    @Test
    void badDatesReversedAndOverlongRangesAre400s() {
        assertCode(() -> StatsParams.range("2026-02-30", null, TODAY, 366), "invalid-date");
        assertCode(() -> StatsParams.range("yesterday", null, TODAY, 366), "invalid-date");
        assertCode(() -> StatsParams.range(null, "2026-12-07T00:00", TODAY, 366), "invalid-date");
        assertCode(() -> StatsParams.range("2026-12-07", "2026-12-06", TODAY, 366), "invalid-range");
        assertCode(() -> StatsParams.range("2020-01-01", "2026-12-06", TODAY, 366), "range-too-long");
    }

    @Test
    void userIdsAreNonNegativeIntegers() {
        assertThat(StatsParams.userId("0")).isZero();
        assertThat(StatsParams.userId("42")).isEqualTo(42);
        assertCode(() -> StatsParams.userId("-1"), "invalid-user-id");
        assertCode(() -> StatsParams.userId("99999999999999999999"), "invalid-user-id");
        assertCode(() -> StatsParams.userId("Q1"), "invalid-user-id");
    }

    private static void assertCode(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
