package org.entitybase.statement.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.model.event.EntityChangeEventCodec;
import org.entitybase.model.event.EntityChangeEventCodec.InvalidEventException;
import org.entitybase.runtime.storage.MissingPackException;
import org.entitybase.statement.config.StatementServiceConfig;
import org.entitybase.statement.service.StatementAccounting;

/**
 * Consumes {@code entity_change} (channel {@code entity-change}, topic from
 * {@code entitybase.streaming.entity-change-topic}), one event at a time in partition order. The offset is committed
 * only after the event's transaction (the message is acked when the returned Uni completes). A payload that cannot be
 * read, or an event whose revision pack the revisions bucket does not have (another deployment's or a test's
 * event), fails the message, which the connector sends to {@code <topic>.dlq}; anything else (S3 or the database
 * unavailable) is retried with backoff, never skipped. Revisions are read from S3, never from entity-service.
 */
@ApplicationScoped
public class EntityChangeConsumer {

    /** Micrometer counter of consumed events by outcome (Prometheus: {@code entitybase_statement_events_total}). */
    public static final String EVENTS = "entitybase.statement.events";

    private final StatementAccounting accounting;
    private final StatementServiceConfig config;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Counter retries;

    EntityChangeConsumer(StatementAccounting accounting, StatementServiceConfig config, MeterRegistry registry) {
        this.accounting = accounting;
        this.config = config;
        this.applied = counter(registry, "applied");
        this.duplicates = counter(registry, "duplicate");
        this.deadLettered = counter(registry, "dead_lettered");
        this.retries = Counter.builder("entitybase.statement.event.retries")
                .description("entity_change events retried after a failure")
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder(EVENTS)
                .description("entity_change events consumed, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Incoming("entity-change")
    public Uni<Void> consume(byte[] payload) {
        EntityChangeEvent event;
        try {
            event = EntityChangeEventCodec.read(payload);
        } catch (InvalidEventException e) {
            deadLettered.increment();
            Log.warnf("dead-lettering an unreadable entity_change event: %s", e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return accounting
                .apply(event)
                .onFailure(MissingPackException.class)
                .invoke(failure -> {
                    deadLettered.increment();
                    Log.warnf(
                            "dead-lettering entity_change %s (%s r%d): %s",
                            event.eventId(), event.entityId(), event.revisionId(), failure.getMessage());
                })
                .onFailure(failure -> !(failure instanceof MissingPackException))
                .invoke(failure -> {
                    retries.increment();
                    Log.warnf(
                            "entity_change %s (%s r%d) failed, retrying: %s",
                            event.eventId(), event.entityId(), event.revisionId(), failure.toString());
                })
                .onFailure(failure -> !(failure instanceof MissingPackException))
                .retry()
                .withBackOff(
                        config.consumer().retryInitialBackoff(),
                        config.consumer().retryMaxBackoff())
                .indefinitely()
                .invoke(outcome -> (outcome == StatementAccounting.Outcome.APPLIED ? applied : duplicates).increment())
                .replaceWithVoid();
    }
}
