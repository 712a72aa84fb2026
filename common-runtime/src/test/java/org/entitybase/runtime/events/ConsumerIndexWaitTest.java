package org.entitybase.runtime.events;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsumerIndexWaitTest {

    @Test
    void aLookupThatHitsLaterIsWaitedFor() {
        AtomicInteger calls = new AtomicInteger();
        String found = ConsumerIndexWait.<String>await(
                        () -> Uni.createFrom().item(calls.incrementAndGet() < 3 ? null : "row"), Duration.ofSeconds(5))
                .await()
                .atMost(Duration.ofSeconds(5));
        assertThat(found).isEqualTo("row");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aMissAfterThePatienceIsNull() {
        AtomicInteger calls = new AtomicInteger();
        long start = System.nanoTime();
        String found = ConsumerIndexWait.<String>await(
                        () -> {
                            calls.incrementAndGet();
                            return Uni.createFrom().nullItem();
                        },
                        Duration.ofMillis(1500))
                .await()
                .atMost(Duration.ofSeconds(5));
        assertThat(found).isNull();
        assertThat(calls.get()).isGreaterThan(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
    }

    @Test
    void noPatienceAsksOnceAndAFailureIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThat(ConsumerIndexWait.<String>await(
                                () -> {
                                    calls.incrementAndGet();
                                    return Uni.createFrom().nullItem();
                                },
                                Duration.ZERO)
                        .await()
                        .indefinitely())
                .isNull();
        assertThat(calls).hasValue(1);
        assertThatThrownBy(() -> ConsumerIndexWait.<String>await(
                                () -> Uni.createFrom().failure(new IllegalStateException("database down")),
                                Duration.ofSeconds(1))
                        .await()
                        .indefinitely())
                .isInstanceOf(IllegalStateException.class);
    }
}
