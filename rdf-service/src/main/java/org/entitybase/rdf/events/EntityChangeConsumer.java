package org.entitybase.rdf.events;

import java.time.Instant;
import java.util.List;

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

import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.rdf.config.RdfConfig;
import org.entitybase.rdf.diff.RdfChangeEvent;
import org.entitybase.rdf.repository.IndexedRevision;
import org.entitybase.rdf.repository.RevisionIndex;
import org.entitybase.rdf.service.EntitySummaries;
import org.entitybase.rdf.service.IndexProgress;
import org.entitybase.rdf.service.RdfDiffService;
import org.entitybase.runtime.events.EntityChangeHandler;
import org.entitybase.runtime.events.ProcessedEvents;
import org.entitybase.runtime.rest.ApiException;
import org.entitybase.runtime.sql.SqlErrors;

/**
 * The RDF diff worker: each entity_change (channel {@code entity-change}, group {@code rdf-diff-worker}) on the shared
 * consumer skeleton ({@link EntityChangeHandler}, metrics under {@code consumer="rdf-diff-worker"}) becomes its
 * entity_diff events. The revision and its parent are read from S3 by the addresses of the event and of rdf-service's
 * own index ({@link RevisionIndex}), never from entity-service. {@code entitybase.rdf.consumer.concurrency} events at
 * once, one at a time per entity, so an entity's parent is indexed before its child is diffed and its entity_diff
 * events are published in revision order. Per event: the parent's row, the diff, then one
 * transaction that records the event id and the revision in the index (head moved when newer), then the events,
 * published and acknowledged by the broker before the record's offset is committed.
 *
 * <p>A redelivered event (its id already recorded) changes nothing in the index and publishes the same events again,
 * byte for byte (their ids are deterministic: consumers dedup them). S3, the database or Kafka unavailable: retried
 * with backoff, nothing committed. Anything else (not an entity_change, a pack this deployment does not have, a
 * mapping failure) can never succeed: dead-lettered.
 */
@ApplicationScoped
public class EntityChangeConsumer {

    private final Pool pool;
    private final RevisionIndex index;
    private final RdfDiffService diffs;
    private final EntityDiffPublisher publisher;
    private final EntitySummaries summaries;
    private final IndexProgress progress;
    private final EntityChangeHandler handler;
    private final Counter published;

    EntityChangeConsumer(
            Pool pool,
            RevisionIndex index,
            RdfDiffService diffs,
            EntityDiffPublisher publisher,
            EntitySummaries summaries,
            IndexProgress progress,
            RdfConfig config,
            MeterRegistry registry) {
        this.pool = pool;
        this.index = index;
        this.diffs = diffs;
        this.publisher = publisher;
        this.summaries = summaries;
        this.progress = progress;
        this.handler = new EntityChangeHandler(
                "rdf-diff-worker",
                config.consumer().retryInitialBackoff(),
                config.consumer().retryMaxBackoff(),
                failure -> !mayPass(failure),
                config.consumer().concurrency(),
                registry);
        this.published = Counter.builder("entitybase.rdf.diff.events")
                .description("entity_diff events published")
                .register(registry);
    }

    /** Prunes {@code processed_events} hourly past the dedup retention (common-runtime's ProcessedEvents). */
    void pruneProcessedEvents(@Observes StartupEvent start, Vertx vertx, RdfConfig config) {
        ProcessedEvents.pruneHourly(vertx, pool, config.consumer().dedupRetention());
    }

    @Incoming("entity-change")
    public Uni<Void> consume(Message<byte[]> message) {
        return handler.dispatch(message, this::apply);
    }

    /** Indexes the event's revision and publishes its entity_diff events; how many. */
    Uni<Integer> apply(EntityChangeEvent event) {
        long ticket = progress.applying(event.timestamp());
        return applyEvent(event).onTermination().invoke(() -> progress.done(ticket));
    }

    private Uni<Integer> applyEvent(EntityChangeEvent event) {
        IndexedRevision revision = IndexedRevision.of(event);
        if (revision == null) {
            return Uni.createFrom()
                    .failure(new IllegalArgumentException("entity_change of an invalid entity id " + event.entityId()));
        }
        Uni<IndexedRevision> parent = event.parentRevisionId() == null
                ? Uni.createFrom().nullItem()
                : index.revision(pool, revision.entityId(), event.parentRevisionId());
        return parent.flatMap(p -> diffs.eventsFor(event, revision, p))
                .call(events -> record(event, revision))
                .call(events -> publish(events))
                .map(List::size);
    }

    private Uni<Void> record(EntityChangeEvent event, IndexedRevision revision) {
        Instant now = Instant.now();
        return pool.withTransaction(c -> ProcessedEvents.markProcessed(c, event.eventId(), now)
                        .call(() -> index.record(c, revision, now)))
                // recorded before: a redelivery, whose events are published again below
                .onFailure(SqlErrors::isDuplicateKey)
                .recoverWithNull()
                .invoke(() -> {
                    summaries.invalidate(event.entityId());
                    progress.indexed(event.timestamp());
                });
    }

    private Uni<Void> publish(List<RdfChangeEvent> events) {
        return publisher
                .publish(events)
                .onFailure()
                .transform(PublishFailedException::new)
                .invoke(() -> published.increment(events.size()));
    }

    /** Failures a later try may not meet: a dependency (S3, the database, Kafka) unavailable. */
    static boolean mayPass(Throwable failure) {
        return failure instanceof PublishFailedException
                || failure instanceof ApiException a && a.status() == 503
                || SqlErrors.isUnavailable(failure)
                || SqlErrors.isTransient(failure);
    }

    /** Kafka did not acknowledge an entity_diff event: retried like any unavailability. */
    static final class PublishFailedException extends RuntimeException {
        PublishFailedException(Throwable cause) {
            super("publishing entity_diff events failed: " + cause, cause);
        }
    }
}
