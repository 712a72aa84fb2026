package org.entitybase.rdf.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.rdf4j.model.Statement;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.model.id.EntityId;
import org.entitybase.rdf.config.RdfConfig;
import org.entitybase.rdf.diff.RdfChangeEvent;
import org.entitybase.rdf.diff.RdfChangeEvent.Operation;
import org.entitybase.rdf.diff.RdfChangeEvents;
import org.entitybase.rdf.diff.RdfPatch;
import org.entitybase.rdf.mapping.Flavor;
import org.entitybase.rdf.repository.IndexedRevision;
import org.entitybase.runtime.config.EntitybaseConfig;
import org.entitybase.runtime.rest.EntityApiErrors;
import org.entitybase.runtime.worker.WorkerPool;

/**
 * The entity_diff events of an entity_change: the RDF ({@link #FLAVOR}, what a full dump holds) of the new revision
 * against that of its parent, both read from S3 by the addresses rdf-service's index holds. No parent (create), or a
 * deleted one (undelete): import. A delete: delete, without data. Anything else, redirects and unredirects included,
 * is a diff (a redirect revision's RDF is its {@code owl:sameAs}). A parent the index does not hold (a gap: events
 * lost to the topic's retention, a new deployment of the index) cannot be diffed against: the revision's full state
 * is published as a reconcile. Reconcile also publishes the current state on demand.
 */
@ApplicationScoped
public class RdfDiffService {

    private static final Logger LOG = Logger.getLogger(RdfDiffService.class);

    /** The flavor of the diff stream: Special:EntityData's {@code ?flavor=dump}. */
    public static final Flavor FLAVOR = Flavor.FULL_DUMP;

    private final EntityRdfService rdf;
    private final RevisionReader reader;
    private final RdfChangeEvents events;
    private final WorkerPool workers;

    RdfDiffService(
            EntityRdfService rdf,
            RevisionReader reader,
            WorkerPool workers,
            EntitybaseConfig config,
            RdfConfig rdfConfig) {
        this.rdf = rdf;
        this.reader = reader;
        this.workers = workers;
        this.events = new RdfChangeEvents(
                EntityRdfService.vocabulary(),
                config.streaming().entityDiffTopic(),
                rdfConfig.diff().maxTriplesPerEvent());
    }

    /**
     * The events of {@code change}, whose revision is {@code revision}; {@code parent} is the index's row of its
     * parent revision (null when it has none or the index does not hold it).
     */
    public Uni<List<RdfChangeEvent>> eventsFor(
            EntityChangeEvent change, IndexedRevision revision, IndexedRevision parent) {
        RdfChangeEvents.Header header = new RdfChangeEvents.Header(
                revision.entityId().value(), change.revisionId(), change.timestamp(), change.eventId(), "");
        if (revision.isDeleted()) {
            return Uni.createFrom().item(deleteEvents(header));
        }
        Uni<List<Statement>> after = triples(rdf.source(revision));
        if (change.parentRevisionId() != null && parent == null) {
            LOG.warnf(
                    "%s r%d: parent r%d is not in the index (a gap in the events): publishing its full state as a"
                            + " reconcile",
                    revision.entityId(), revision.revisionId(), change.parentRevisionId());
            return after.flatMap(state -> workers.run(() -> events.events(
                    header, Operation.RECONCILE, RdfPatch.diff(List.of(), state, EntityRdfService.vocabulary()))));
        }
        // no parent, or a deleted one, left nothing in the store: start over with an import
        Uni<List<Statement>> before =
                parent == null || parent.isDeleted() ? Uni.createFrom().nullItem() : triples(rdf.source(parent));
        // the diff sorts and serialises every triple: CPU work, on the worker pool
        return Uni.combine()
                .all()
                .unis(before, after)
                .asTuple()
                .flatMap(pair -> workers.run(() -> {
                    List<Statement> old = pair.getItem1();
                    Operation operation = old == null ? Operation.IMPORT : Operation.DIFF;
                    RdfPatch patch = RdfPatch.diff(
                            old == null ? List.of() : old, pair.getItem2(), EntityRdfService.vocabulary());
                    return events.events(header, operation, patch);
                }));
    }

    /** A reconcile event (or a delete, for a deleted entity) with the entity's state as the index holds it now. */
    public Uni<List<RdfChangeEvent>> reconcile(EntityId id, Instant now) {
        String dt = Instant.ofEpochSecond(now.getEpochSecond()).toString();
        return reader.head(id).flatMap(head -> {
            if (head == null) {
                throw EntityApiErrors.notFound(id);
            }
            RdfChangeEvents.Header header = new RdfChangeEvents.Header(
                    id.value(), head.revisionId(), dt, UUID.randomUUID().toString(), now.toString());
            if (head.isDeleted()) {
                return Uni.createFrom().item(deleteEvents(header));
            }
            return triples(rdf.source(head))
                    .flatMap(state -> workers.run(() -> events.events(
                            header,
                            Operation.RECONCILE,
                            RdfPatch.diff(List.of(), state, EntityRdfService.vocabulary()))));
        });
    }

    private List<RdfChangeEvent> deleteEvents(RdfChangeEvents.Header header) {
        return events.events(
                header, Operation.DELETE, RdfPatch.diff(List.of(), List.of(), EntityRdfService.vocabulary()));
    }

    /** Every triple of a revision's {@link #FLAVOR} document (waiting briefly for properties not indexed yet). */
    public Uni<List<Statement>> triples(Uni<EntityRdfService.Source> source) {
        return source.flatMap(s -> rdf.statements(s, FLAVOR));
    }
}
