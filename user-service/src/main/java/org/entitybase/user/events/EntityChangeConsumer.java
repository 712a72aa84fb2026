package org.entitybase.user.events;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.model.event.EntityChangeEventCodec.InvalidEventException;
import org.entitybase.runtime.events.EntityChangeHandler;
import org.entitybase.runtime.events.ProcessedEvents;
import org.entitybase.runtime.sql.SqlErrors;
import org.entitybase.user.config.UserServiceConfig;

/**
 * Consumes {@code entity_change} (channel {@code entity-change}, consumer group {@code user-service}) on the shared
 * consumer skeleton ({@link EntityChangeHandler}: partition order, offsets committed after the event's transaction,
 * retries with backoff while the database is down, dead letters, metrics under {@code consumer="user-service"}). Each
 * event is recorded by {@link UserRevisionRecorder} in the transaction that inserts its id into {@code
 * processed_events}: a redelivery changes nothing.
 */
@ApplicationScoped
public class EntityChangeConsumer {

    /** Name in metrics and logs; also the channel's consumer group. */
    public static final String CONSUMER = "user-service";

    private final Pool pool;
    private final UserRevisionRecorder recorder;
    private final EntityChangeHandler handler;

    EntityChangeConsumer(Pool pool, UserRevisionRecorder recorder, UserServiceConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.recorder = recorder;
        this.handler = new EntityChangeHandler(
                CONSUMER,
                config.consumer().retryInitialBackoff(),
                config.consumer().retryMaxBackoff(),
                // the codec's rejects, and an event whose timestamp the recorder cannot read: no retry mends them
                failure -> failure instanceof InvalidEventException || failure instanceof IllegalArgumentException,
                registry);
    }

    /** Prunes {@code processed_events} hourly past the dedup retention (common-runtime's ProcessedEvents). */
    void pruneProcessedEvents(@Observes StartupEvent start, Vertx vertx, UserServiceConfig config) {
        ProcessedEvents.pruneHourly(vertx, pool, config.consumer().dedupRetention());
    }

    @Incoming("entity-change")
    public Uni<Void> consume(byte[] payload) {
        return handler.handle(payload, this::record).replaceWithVoid();
    }

    /** True when the event was recorded now, false for a redelivery. */
    Uni<Boolean> record(EntityChangeEvent event) {
        return ProcessedEvents.isProcessed(pool, event.eventId())
                .flatMap(done -> done
                        ? Uni.createFrom().item(false)
                        : pool.withTransaction(c -> ProcessedEvents.markProcessed(c, event.eventId(), Instant.now())
                                        .flatMap(ignored -> recorder.record(event, c)))
                                .onFailure(SqlErrors::isDuplicateKey)
                                .recoverWithItem(false));
    }
}
