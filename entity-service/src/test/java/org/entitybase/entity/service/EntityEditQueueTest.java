package org.entitybase.entity.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

import org.entitybase.model.id.EntityId;

import static org.assertj.core.api.Assertions.assertThat;

class EntityEditQueueTest {

    @Test
    void editsOfOneEntityRunOneAfterAnotherOthersDoNotWait() {
        EntityEditQueue queue = new EntityEditQueue();
        EntityId q1 = EntityId.parse("Q1");
        List<String> log = new CopyOnWriteArrayList<>();
        List<UniEmitter<? super String>> pending = new CopyOnWriteArrayList<>();

        Uni<String> first = queue.enqueue(q1, () -> {
            log.add("first started");
            return Uni.createFrom().emitter(pending::add);
        });
        Uni<String> second = queue.enqueue(q1, () -> {
            log.add("second started");
            return Uni.createFrom().item("second");
        });
        Uni<String> other =
                queue.enqueue(EntityId.parse("Q2"), () -> Uni.createFrom().item("other"));

        var firstResult = first.subscribe().asCompletionStage();
        var secondResult = second.subscribe().asCompletionStage();
        assertThat(other.await().atMost(Duration.ofSeconds(1))).isEqualTo("other");
        assertThat(log).containsExactly("first started");
        assertThat(secondResult).isNotDone();

        pending.get(0).fail(new IllegalStateException("the first edit fails"));
        assertThat(firstResult).isCompletedExceptionally();
        assertThat(secondResult.toCompletableFuture().join()).isEqualTo("second");
        assertThat(log).containsExactly("first started", "second started");
        assertThat(queue.size()).isZero();
    }
}
