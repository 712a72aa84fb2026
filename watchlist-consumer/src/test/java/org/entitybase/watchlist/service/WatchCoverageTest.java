package org.entitybase.watchlist.service;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.entitybase.watchlist.repository.WatcherRepository.Watch;

import static org.assertj.core.api.Assertions.assertThat;

/** Which edits a watch covers: those of its own second and later, never an edit of an earlier second. */
class WatchCoverageTest {

    private static final Instant EDITED = Instant.parse("2026-12-07T22:16:28Z");

    @Test
    void aWatchOfALaterSecondDoesNotCoverTheEdit() {
        Watch watch = new Watch("", Instant.parse("2026-12-07T22:16:29.000001Z"));
        assertThat(NotificationFanOut.startedAfter(watch, EDITED)).isTrue();
    }

    @Test
    void aWatchOfTheEditsOwnSecondCoversIt() {
        Watch watch = new Watch("", Instant.parse("2026-12-07T22:16:28.999999Z"));
        assertThat(NotificationFanOut.startedAfter(watch, EDITED)).isFalse();
    }

    @Test
    void anOlderWatchCoversTheEdit() {
        Watch watch = new Watch("P31", Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(NotificationFanOut.startedAfter(watch, EDITED)).isFalse();
    }
}
