package org.entitybase.rdf.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.model.event.EntityChangeEventCodec;
import org.entitybase.rdf.config.RdfConfig;
import org.entitybase.rdf.repository.EntityServiceClient;
import org.entitybase.rdf.service.RdfDiffService;

/**
 * The RDF diff worker: each entity_change (channel {@code entity-change}, group {@code rdf-diff-worker}) becomes its
 * entity_diff events. The incoming record is acknowledged (and its offset committed) only once the broker has
 * acknowledged every event it produced: at-least-once, in order per partition. While entity-service or Kafka is
 * unavailable the worker retries with backoff and commits nothing. What can never be processed (not an
 * entity_change, a revision entity-service does not have, a mapping failure) is nacked: the channel's dead-letter strategy sends it to
 * {@code <topic>.dlq}; it is logged and counted, and the worker goes on.
 */
@ApplicationScoped
public class EntityChangeConsumer {

    private static final Logger LOG = Logger.getLogger(EntityChangeConsumer.class);

    private final RdfDiffService diffs;
    private final EntityDiffPublisher publisher;
    private final RdfConfig.Diff config;
    private final Counter deadLetters;
    private final Counter published;

    EntityChangeConsumer(
            RdfDiffService diffs, EntityDiffPublisher publisher, RdfConfig config, MeterRegistry registry) {
        this.diffs = diffs;
        this.publisher = publisher;
        this.config = config.diff();
        this.deadLetters = Counter.builder("entitybase.rdf.diff.dead.letters")
                .description("entity_change records sent to the dead-letter topic")
                .register(registry);
        this.published = Counter.builder("entitybase.rdf.diff.events")
                .description("entity_diff events published")
                .register(registry);
    }

    @Incoming("entity-change")
    public Uni<Void> consume(byte[] record) {
        EntityChangeEvent change;
        try {
            change = EntityChangeEventCodec.read(record);
        } catch (RuntimeException e) {
            return deadLetter("unparseable entity_change", e);
        }
        return Uni.createFrom()
                .deferred(() -> diffs.eventsFor(change))
                .onFailure(EntityServiceClient::isUnavailable)
                .invoke(e -> retrying(change, e))
                .onFailure(EntityServiceClient::isUnavailable)
                .retry()
                .withBackOff(config.retryInitialBackoff(), config.retryMaxBackoff())
                .indefinitely()
                .onFailure()
                .recoverWithUni(e -> deadLetter(describe(change), e))
                .flatMap(events -> publisher
                        .publish(events)
                        .onFailure()
                        .invoke(e -> retrying(change, e))
                        .onFailure()
                        .retry()
                        .withBackOff(config.retryInitialBackoff(), config.retryMaxBackoff())
                        .indefinitely()
                        .invoke(() -> published.increment(events.size())));
    }

    private static void retrying(EntityChangeEvent change, Throwable e) {
        LOG.warnf("%s: %s; retrying", describe(change), e.getMessage());
    }

    private static String describe(EntityChangeEvent change) {
        return "entity_change " + change.eventId() + " of " + change.entityId() + " r" + change.revisionId();
    }

    private <T> Uni<T> deadLetter(String what, Throwable cause) {
        deadLetters.increment();
        LOG.errorf(cause, "%s cannot be turned into entity_diff events; sent to the dead-letter topic", what);
        return Uni.createFrom().failure(cause);
    }
}
