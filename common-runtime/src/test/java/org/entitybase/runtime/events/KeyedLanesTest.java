package org.entitybase.runtime.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyedLanesTest {

    /** Work that records its start and ends when the test says so. */
    private final List<String> started = new ArrayList<>();

    private final Map<String, CompletableFuture<Void>> running = new HashMap<>();

    private Supplier<Uni<?>> work(String name) {
        return () -> {
            started.add(name);
            CompletableFuture<Void> end = new CompletableFuture<>();
            running.put(name, end);
            return Uni.createFrom().completionStage(end);
        };
    }

    private static boolean admitted(Uni<Void> admission) {
        return admission.subscribeAsCompletionStage().isDone();
    }

    @Test
    void workOfDifferentKeysRunsAtOnceUpToTheLimitAndTheNextIsAdmittedWhenOneEnds() {
        KeyedLanes lanes = new KeyedLanes(2);
        assertThat(admitted(lanes.admit("Q1", work("Q1 r1")))).isTrue();
        assertThat(admitted(lanes.admit("Q2", work("Q2 r1")))).isTrue();
        var third = lanes.admit("Q3", work("Q3 r1")).subscribeAsCompletionStage();

        assertThat(third).isNotDone();
        assertThat(started).containsExactly("Q1 r1", "Q2 r1");

        running.get("Q2 r1").complete(null);
        assertThat(third).isDone();
        assertThat(started).containsExactly("Q1 r1", "Q2 r1", "Q3 r1");
        assertThat(lanes.admitted()).isEqualTo(2);
    }

    @Test
    void workOfOneKeyRunsOneAtATimeInAdmissionOrderAndHoldsItsSlotWhileItWaits() {
        KeyedLanes lanes = new KeyedLanes(3);
        assertThat(admitted(lanes.admit("Q1", work("Q1 r1")))).isTrue();
        assertThat(admitted(lanes.admit("Q1", work("Q1 r2")))).isTrue();
        assertThat(admitted(lanes.admit("Q2", work("Q2 r1")))).isTrue();
        assertThat(started).containsExactly("Q1 r1", "Q2 r1");
        assertThat(lanes.admitted()).isEqualTo(3);

        running.get("Q1 r1").completeExceptionally(new IllegalStateException("a failure ends work too"));
        assertThat(started).containsExactly("Q1 r1", "Q2 r1", "Q1 r2");
        assertThat(lanes.admitted()).isEqualTo(2);

        running.get("Q1 r2").complete(null);
        running.get("Q2 r1").complete(null);
        assertThat(lanes.admitted()).isZero();
        // the key's lane is gone: new work of Q1 starts at once
        lanes.admit("Q1", work("Q1 r3")).await().indefinitely();
        assertThat(started).endsWith("Q1 r3");
    }

    @Test
    void workThatThrowsInsteadOfFailingEndsAndFreesItsSlot() {
        KeyedLanes lanes = new KeyedLanes(1);
        lanes.admit("Q1", () -> {
                    throw new IllegalStateException("boom");
                })
                .await()
                .indefinitely();
        assertThat(lanes.admitted()).isZero();
        assertThat(admitted(lanes.admit("Q1", work("Q1 r2")))).isTrue();
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new KeyedLanes(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
