package org.entitybase.runtime.events;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.model.event.EntityChangeEventCodec;
import org.entitybase.model.event.EntityChangeEventCodec.InvalidEventException;

/**
 * The one skeleton of an {@code entity_change} consumer; a service's {@code @Incoming} method hands each record to
 * {@link #handle} with what it does with an event, and keeps nothing else. Per-partition order and at-least-once come
 * from the channel (one record at a time, offset committed when the returned Uni completes); dedup by event id is the
 * service's, in its own transaction. A consumer whose work per event waits mostly on round trips hands each {@link
 * Message} to {@link #dispatch} instead: up to {@code concurrency} events run at once, one at a time per entity, each
 * acknowledged when it ends (the channel's throttled commit strategy commits an offset once every earlier one is
 * acknowledged, so at-least-once holds; per-entity order is what is left of partition order).
 *
 * <ul>
 *   <li>An unreadable payload, or a failure {@code neverSucceeds} says no retry can mend, fails the record: the
 *       channel's dead-letter strategy sends it to {@code <topic>.dlq} with the failure as its {@code
 *       dead-letter-reason} header; it is logged and counted.
 *   <li>Anything else (a dependency unavailable) is retried with exponential backoff up to {@code maxBackoff},
 *       never skipped: the partition waits, later events of the entity stay behind it.
 *   <li>Once the application stops ({@link ApplicationStopping}), nothing is dead-lettered: a failure then comes from
 *       a pool or client closed under the event, which is left unacknowledged for the next start.
 * </ul>
 *
 * Metrics, tagged {@code consumer}: {@code entitybase_consumer_events_total{outcome=processed|dead_lettered}},
 * {@code entitybase_consumer_retries_total}, {@code entitybase_consumer_processing_seconds} (per event, retries
 * included) and {@code entitybase_consumer_lag_seconds} (age of the last processed event: commit to processed).
 */
public final class EntityChangeHandler {

    private static final Logger LOG = Logger.getLogger(EntityChangeHandler.class);

    private final String consumer;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Predicate<Throwable> neverSucceeds;
    private final Counter processed;
    private final Counter deadLettered;
    private final Counter retries;
    private final Timer processing;
    private final AtomicLong lagMillis = new AtomicLong();
    private final BooleanSupplier stopping;
    private final KeyedLanes lanes;

    /**
     * @param consumer the consumer's name in metrics and logs (e.g. its group id)
     * @param neverSucceeds failures to dead-letter at once (the event names data this deployment does not have, …)
     */
    public EntityChangeHandler(
            String consumer,
            Duration initialBackoff,
            Duration maxBackoff,
            Predicate<Throwable> neverSucceeds,
            MeterRegistry registry) {
        this(consumer, initialBackoff, maxBackoff, neverSucceeds, 1, registry);
    }

    /** @param concurrency how many events {@link #dispatch} runs at once */
    public EntityChangeHandler(
            String consumer,
            Duration initialBackoff,
            Duration maxBackoff,
            Predicate<Throwable> neverSucceeds,
            int concurrency,
            MeterRegistry registry) {
        this(consumer, initialBackoff, maxBackoff, neverSucceeds, concurrency, registry, ApplicationStopping::now);
    }

    EntityChangeHandler(
            String consumer,
            Duration initialBackoff,
            Duration maxBackoff,
            Predicate<Throwable> neverSucceeds,
            int concurrency,
            MeterRegistry registry,
            BooleanSupplier stopping) {
        this.stopping = stopping;
        this.lanes = new KeyedLanes(concurrency);
        this.consumer = consumer;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.neverSucceeds = neverSucceeds;
        this.processed = outcome(registry, "processed");
        this.deadLettered = outcome(registry, "dead_lettered");
        this.retries = Counter.builder("entitybase.consumer.retries")
                .description("entity_change events retried after a failure that may pass")
                .tag("consumer", consumer)
                .register(registry);
        this.processing = Timer.builder("entitybase.consumer.processing")
                .description("time to process one entity_change event, retries included")
                .tag("consumer", consumer)
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        Gauge.builder("entitybase.consumer.lag", lagMillis, millis -> millis.get() / 1000.0)
                .description("age of the last processed entity_change event (its commit to its processing)")
                .tag("consumer", consumer)
                .baseUnit("seconds")
                .register(registry);
    }

    private Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("entitybase.consumer.events")
                .description("entity_change events consumed, by outcome")
                .tag("consumer", consumer)
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Reads {@code payload} and runs {@code work} on the event, as described above. */
    public <T> Uni<T> handle(byte[] payload, Function<EntityChangeEvent, Uni<T>> work) {
        EntityChangeEvent event;
        try {
            event = EntityChangeEventCodec.read(payload);
        } catch (InvalidEventException e) {
            return deadLetter("an unreadable entity_change event", e);
        }
        return process(event, work);
    }

    /**
     * Reads the message's event and admits {@code work} on it to run beside others (see the class comment): the
     * returned Uni completes once it is admitted, so the channel hands over the next record; the message is
     * acknowledged when the work succeeds and nacked (dead-lettered by the channel's failure strategy) when {@link
     * #handle} would fail it. An unreadable payload is nacked at once.
     */
    public <T> Uni<Void> dispatch(Message<byte[]> message, Function<EntityChangeEvent, Uni<T>> work) {
        EntityChangeEvent event;
        try {
            event = EntityChangeEventCodec.read(message.getPayload());
        } catch (InvalidEventException e) {
            return this.<Void>deadLetter("an unreadable entity_change event", e)
                    .onFailure()
                    .recoverWithUni(failure -> Uni.createFrom().completionStage(message.nack(failure)));
        }
        return lanes.admit(
                event.entityId(),
                () -> process(event, work)
                        .onItemOrFailure()
                        .transformToUni((item, failure) -> Uni.createFrom()
                                .completionStage(failure == null ? message.ack() : message.nack(failure))));
    }

    private <T> Uni<T> process(EntityChangeEvent event, Function<EntityChangeEvent, Uni<T>> work) {
        long start = System.nanoTime();
        return Uni.createFrom()
                .deferred(() -> work.apply(event))
                .onFailure(failure -> !neverSucceeds.test(failure))
                .invoke(failure -> {
                    retries.increment();
                    LOG.warnf("%s: %s failed, retrying: %s", consumer, describe(event), failure.toString());
                })
                .onFailure(failure -> !neverSucceeds.test(failure))
                .retry()
                .withBackOff(initialBackoff, maxBackoff)
                .indefinitely()
                .onFailure()
                .recoverWithUni(failure -> stopping.getAsBoolean()
                        ? unacknowledged(describe(event), failure)
                        : deadLetter(describe(event), failure))
                .invoke(() -> {
                    processing.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    processed.increment();
                    lagMillis.set(ageMillis(event));
                });
    }

    /**
     * A failure while the application stops (its pool or client already closed) says nothing of the event: it is
     * neither acknowledged nor dead-lettered, so its offset is not committed and the next start processes it again.
     */
    private <T> Uni<T> unacknowledged(String what, Throwable cause) {
        LOG.infof("%s: stopping, %s left for redelivery: %s", consumer, what, cause.toString());
        return Uni.createFrom().nothing();
    }

    private <T> Uni<T> deadLetter(String what, Throwable cause) {
        deadLettered.increment();
        LOG.warnf("%s: dead-lettering %s: %s", consumer, what, cause.getMessage());
        return Uni.createFrom().failure(cause);
    }

    private static long ageMillis(EntityChangeEvent event) {
        try {
            return Math.max(
                    0,
                    System.currentTimeMillis()
                            - Instant.parse(event.timestamp()).toEpochMilli());
        } catch (DateTimeParseException e) {
            return 0;
        }
    }

    private static String describe(EntityChangeEvent event) {
        return "entity_change " + event.eventId() + " (" + event.entityId() + " r" + event.revisionId() + ")";
    }
}
