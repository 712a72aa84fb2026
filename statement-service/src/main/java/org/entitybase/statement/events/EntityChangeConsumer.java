package org.entitybase.statement.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.model.event.EntityChangeEventCodec.InvalidEventException;
import org.entitybase.runtime.events.EntityChangeHandler;
import org.entitybase.runtime.events.ProcessedEvents;
import org.entitybase.runtime.storage.MissingPackException;
import org.entitybase.statement.config.StatementServiceConfig;
import org.entitybase.statement.service.StatementAccounting;

/**
 * Consumes {@code entity_change} (channel {@code entity-change}, topic from
 * {@code entitybase.streaming.entity-change-topic}) on the shared consumer skeleton ({@link EntityChangeHandler}:
 * {@code entitybase.statement.consumer.concurrency} events at once, one at a time per entity, offsets committed after
 * the events' transactions, retries with backoff while S3 or the database is down, dead letters, metrics under
 * {@code consumer="statement-service"}). Revisions are read from S3, never from
 * entity-service. An event whose pack the revisions bucket does not have (another deployment's or a test's event)
 * is dead-lettered.
 */
@ApplicationScoped
public class EntityChangeConsumer {

    /**
     * Micrometer counter of applied events by outcome (Prometheus: {@code entitybase_statement_events_total}); dead
     * letters are the skeleton's {@code entitybase_consumer_events_total{outcome="dead_lettered"}}.
     */
    public static final String EVENTS = "entitybase.statement.events";

    private final StatementAccounting accounting;
    private final EntityChangeHandler handler;
    private final Counter applied;
    private final Counter duplicates;

    EntityChangeConsumer(StatementAccounting accounting, StatementServiceConfig config, MeterRegistry registry) {
        this.accounting = accounting;
        this.handler = new EntityChangeHandler(
                "statement-service",
                config.consumer().retryInitialBackoff(),
                config.consumer().retryMaxBackoff(),
                failure -> failure instanceof MissingPackException || failure instanceof InvalidEventException,
                config.consumer().concurrency(),
                registry);
        this.applied = counter(registry, "applied");
        this.duplicates = counter(registry, "duplicate");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder(EVENTS)
                .description("entity_change events consumed, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Prunes {@code processed_events} hourly past the dedup retention (common-runtime's ProcessedEvents). */
    void pruneProcessedEvents(@Observes StartupEvent start, Vertx vertx, Pool pool, StatementServiceConfig config) {
        ProcessedEvents.pruneHourly(vertx, pool, config.consumer().dedupRetention());
    }

    @Incoming("entity-change")
    public Uni<Void> consume(Message<byte[]> message) {
        return handler.dispatch(
                message,
                event -> accounting
                        .apply(event)
                        .invoke(outcome ->
                                (outcome == StatementAccounting.Outcome.APPLIED ? applied : duplicates).increment()));
    }
}
