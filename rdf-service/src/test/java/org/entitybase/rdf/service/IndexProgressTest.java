package org.entitybase.rdf.service;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IndexProgressTest {

    private static String secondsAgo(long seconds) {
        return Instant.now().minusSeconds(seconds).toString();
    }

    @Test
    void aWorkerApplyingAnOldEventIsBehind() {
        IndexProgress progress = new IndexProgress();
        long ticket = progress.applying(secondsAgo(60));
        assertThat(progress.behindBy(2_000)).isTrue();
        progress.done(ticket);
        assertThat(progress.behindBy(2_000)).isFalse();
    }

    @Test
    void withSeveralEventsInFlightTheOldestCounts() {
        IndexProgress progress = new IndexProgress();
        long old = progress.applying(secondsAgo(60));
        long recent = progress.applying(Instant.now().toString());
        // a recent event finishing first does not hide the old one still being applied (or retried)
        progress.done(recent);
        assertThat(progress.behindBy(2_000)).isTrue();
        progress.done(old);
        assertThat(progress.behindBy(2_000)).isFalse();
    }

    @Test
    void aWorkerThatJustIndexedAnOldEventIsBehindButNotOnceIdleLong() throws InterruptedException {
        IndexProgress progress = new IndexProgress();
        progress.indexed(secondsAgo(60));
        assertThat(progress.behindBy(200)).isTrue();
        Thread.sleep(300);
        // nothing more came: the old lag no longer says "behind"
        assertThat(progress.behindBy(200)).isFalse();
    }

    @Test
    void aFreshWorkerOrARecentEventIsNotBehind() {
        IndexProgress progress = new IndexProgress();
        assertThat(progress.behindBy(2_000)).isFalse();
        progress.applying(Instant.now().toString());
        assertThat(progress.behindBy(2_000)).isFalse();
        progress.indexed(Instant.now().toString());
        assertThat(progress.behindBy(2_000)).isFalse();
    }
}
