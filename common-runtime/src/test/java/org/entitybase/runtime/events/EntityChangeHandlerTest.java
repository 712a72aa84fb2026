package org.entitybase.runtime.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

import org.entitybase.model.event.ChangeType;
import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.model.event.EntityChangeEventCodec;
import org.entitybase.model.event.EntityChangeEventCodec.InvalidEventException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityChangeHandlerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EntityChangeHandler handler = new EntityChangeHandler(
            "test",
            Duration.ofMillis(1),
            Duration.ofMillis(5),
            failure -> failure instanceof IllegalArgumentException,
            registry);

    private static byte[] event() {
        return EntityChangeEventCodec.write(new EntityChangeEvent(
                "2b4f1a39-8a4e-4d1c-9f55-0b7f2d9b7d11",
                "Q42",
                "item",
                2,
                1L,
                ChangeType.EDIT,
                7,
                "",
                "2026-01-01T00:00:00Z",
                "a".repeat(64),
                "a".repeat(64),
                List.of(),
                List.of(),
                null,
                null));
    }

    private double count(String name, String outcome) {
        var search = registry.find(name).tag("consumer", "test");
        if (outcome != null) {
            search = search.tag("outcome", outcome);
        }
        return search.counter().count();
    }

    @Test
    void retriesWhatMayPassAndCountsTheEventOnce() {
        AtomicInteger attempts = new AtomicInteger();
        String result = handler.handle(
                        event(),
                        e -> attempts.incrementAndGet() < 3
                                ? Uni.createFrom().failure(new IllegalStateException("database down"))
                                : Uni.createFrom().item(e.entityId()))
                .await()
                .atMost(Duration.ofSeconds(5));
        assertThat(result).isEqualTo("Q42");
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(count("entitybase.consumer.retries", null)).isEqualTo(2);
        assertThat(count("entitybase.consumer.events", "processed")).isEqualTo(1);
        assertThat(registry.find("entitybase.consumer.lag").gauge().value()).isPositive();
    }

    @Test
    void deadLettersWhatCanNeverSucceedWithoutRetrying() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<String> handled = handler.handle(event(), e -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new IllegalArgumentException("unknown revision"));
        });
        assertThatThrownBy(() -> handled.await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(count("entitybase.consumer.events", "dead_lettered")).isEqualTo(1);
        assertThat(count("entitybase.consumer.events", "processed")).isZero();
    }

    @Test
    void deadLettersAnUnreadablePayload() {
        Uni<String> handled = handler.handle(
                "nope".getBytes(StandardCharsets.UTF_8), e -> Uni.createFrom().item("never"));
        assertThatThrownBy(() -> handled.await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(InvalidEventException.class);
        assertThat(count("entitybase.consumer.events", "dead_lettered")).isEqualTo(1);
    }

    @Test
    void aFailureWhileTheApplicationStopsIsNeitherDeadLetteredNorAcknowledged() {
        EntityChangeHandler stopping = new EntityChangeHandler(
                "stopping",
                Duration.ofMillis(1),
                Duration.ofMillis(5),
                failure -> true, // what the closed pool's failure looks like to a consumer that cannot tell
                1,
                registry,
                () -> true);
        Uni<String> handled =
                stopping.handle(event(), e -> Uni.createFrom().failure(new IllegalStateException("Pool closed")));
        assertThat(handled.ifNoItem()
                        .after(Duration.ofMillis(300))
                        .recoverWithItem("unanswered")
                        .await()
                        .indefinitely())
                .isEqualTo("unanswered");
        assertThat(registry.find("entitybase.consumer.events")
                        .tag("consumer", "stopping")
                        .tag("outcome", "dead_lettered")
                        .counter()
                        .count())
                .isZero();
    }

    /** A message that records how it was settled. */
    private static Message<byte[]> message(byte[] payload, List<String> settled) {
        return Message.of(
                payload,
                () -> {
                    settled.add("ack");
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    settled.add("nack " + failure.getClass().getSimpleName());
                    return CompletableFuture.completedFuture(null);
                });
    }

    @Test
    void aDispatchedEventIsAcknowledgedWhenItsWorkSucceedsAndNackedWhenItIsDeadLettered() {
        List<String> settled = new ArrayList<>();
        handler.dispatch(message(event(), settled), e -> Uni.createFrom().item(e.entityId()))
                .await()
                .atMost(Duration.ofSeconds(5));
        handler.dispatch(
                        message(event(), settled),
                        e -> Uni.createFrom().failure(new IllegalArgumentException("unknown revision")))
                .await()
                .atMost(Duration.ofSeconds(5));
        handler.dispatch(
                        message("nope".getBytes(StandardCharsets.UTF_8), settled),
                        e -> Uni.createFrom().item("never"))
                .await()
                .atMost(Duration.ofSeconds(5));

        assertThat(settled).containsExactly("ack", "nack IllegalArgumentException", "nack InvalidEventException");
        assertThat(count("entitybase.consumer.events", "processed")).isEqualTo(1);
        assertThat(count("entitybase.consumer.events", "dead_lettered")).isEqualTo(2);
    }
}
