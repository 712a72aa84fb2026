package org.entitybase.watchlist.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.model.event.EntityChangeEventCodec.InvalidEventException;
import org.entitybase.runtime.events.EntityChangeHandler;
import org.entitybase.runtime.events.ProcessedEvents;
import org.entitybase.watchlist.config.WatchlistConfig;
import org.entitybase.watchlist.service.NotificationFanOut;

/**
 * Consumes {@code entity_change} (channel {@code entity-change}, consumer group {@code watchlist-consumer}) on the
 * shared consumer skeleton ({@link EntityChangeHandler}: partition order, offsets committed after the event's last
 * transaction, retries with backoff while the database or S3 is down, dead letters, metrics under {@code
 * consumer="watchlist-consumer"}); {@link NotificationFanOut} does the work.
 */
@ApplicationScoped
public class EntityChangeConsumer {

    /** Name in metrics and logs; also the channel's consumer group. */
    public static final String CONSUMER = "watchlist-consumer";

    private final NotificationFanOut fanOut;
    private final EntityChangeHandler handler;

    EntityChangeConsumer(NotificationFanOut fanOut, WatchlistConfig config, MeterRegistry registry) {
        this.fanOut = fanOut;
        this.handler = new EntityChangeHandler(
                CONSUMER,
                config.consumer().retryInitialBackoff(),
                config.consumer().retryMaxBackoff(),
                // the codec's rejects and an unreadable timestamp: no retry mends them
                failure -> failure instanceof InvalidEventException || failure instanceof IllegalArgumentException,
                registry);
    }

    /** Prunes this consumer's dedup table hourly past the dedup retention (common-runtime's ProcessedEvents). */
    void pruneProcessedEvents(@Observes StartupEvent start, Vertx vertx, Pool pool, WatchlistConfig config) {
        ProcessedEvents.pruneHourly(
                vertx, pool, NotificationFanOut.DEDUP_TABLE, config.consumer().dedupRetention());
    }

    @Incoming("entity-change")
    public Uni<Void> consume(byte[] payload) {
        return handler.handle(payload, fanOut::process).replaceWithVoid();
    }
}
