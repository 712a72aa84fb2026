package org.entitybase.stats.events;

import java.time.format.DateTimeParseException;

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
import org.entitybase.runtime.storage.MissingPackException;
import org.entitybase.stats.config.StatsConfig;

/**
 * Consumes {@code entity_change} (channel {@link #CHANNEL}) on the shared consumer skeleton ({@link
 * EntityChangeHandler}: partition order, offsets committed after the event's transaction, retries while S3 or the
 * database is down, dead letters, metrics under {@code consumer="stats-workers"}). An event whose pack the revisions
 * bucket does not have, or whose timestamp is not an ISO instant, is dead-lettered.
 */
@ApplicationScoped
public class EntityChangeConsumer {

    public static final String CHANNEL = "entity-change";

    private final DailyStatsUpdater updater;
    private final EntityChangeHandler handler;

    EntityChangeConsumer(DailyStatsUpdater updater, StatsConfig config, MeterRegistry registry) {
        this.updater = updater;
        this.handler = new EntityChangeHandler(
                "stats-workers",
                config.consumer().retryInitialBackoff(),
                config.consumer().retryMaxBackoff(),
                // a pack this deployment lacks, an unreadable event or commit time: no retry mends them
                failure -> failure instanceof MissingPackException
                        || failure instanceof InvalidEventException
                        || failure instanceof DateTimeParseException,
                registry);
    }

    /** Prunes {@code processed_events} hourly past the dedup retention; a revision redelivered under a forgotten id
     * is still counted once ({@code stats_revisions}). */
    void pruneProcessedEvents(@Observes StartupEvent start, Vertx vertx, Pool pool, StatsConfig config) {
        ProcessedEvents.pruneHourly(vertx, pool, config.consumer().dedupRetention());
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(byte[] payload) {
        return handler.handle(payload, updater::apply).replaceWithVoid();
    }
}
