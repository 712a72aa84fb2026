package org.entitybase.runtime.events;

import java.time.Duration;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Read-your-writes over a consumer's own index: a service that answers from rows its {@code entity_change} consumer
 * writes trails the write path by the consumer's lag, so a lookup of something just written may miss. This asks
 * again for a short while (every 50 ms, backing off to 200 ms) before taking the miss as an answer. Nothing waits on
 * a thread: the retries are scheduled.
 */
public final class ConsumerIndexWait {

    private static final Duration FIRST_RETRY = Duration.ofMillis(50);
    private static final Duration MAX_RETRY = Duration.ofMillis(200);

    private ConsumerIndexWait() {}

    /** {@code lookup}'s first non-null item within {@code patience}; null when it still misses after that. */
    public static <T> Uni<T> await(Supplier<Uni<? extends T>> lookup, Duration patience) {
        if (patience.isZero() || patience.isNegative()) {
            return Uni.createFrom().<T>deferred(lookup);
        }
        return Uni.createFrom().deferred(() -> {
            long deadline = System.nanoTime() + patience.toNanos();
            return Uni.createFrom()
                    .<T>deferred(lookup)
                    .onItem()
                    .ifNull()
                    .failWith(NotYet::new)
                    .onFailure(failure -> failure instanceof NotYet && System.nanoTime() < deadline)
                    .retry()
                    .withBackOff(FIRST_RETRY, MAX_RETRY)
                    .indefinitely()
                    .onFailure(NotYet.class)
                    .recoverWithNull();
        });
    }

    private static final class NotYet extends RuntimeException {
        NotYet() {
            super("not indexed yet", null, false, false);
        }
    }
}
