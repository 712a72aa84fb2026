package org.entitybase.rdf.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;

import io.smallrye.mutiny.Uni;

import org.entitybase.model.event.ChangeType;
import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.model.id.EntityId;
import org.entitybase.rdf.config.RdfConfig;
import org.entitybase.rdf.diff.RdfChangeEvent;
import org.entitybase.rdf.diff.RdfChangeEvent.Operation;
import org.entitybase.rdf.diff.RdfChangeEvents;
import org.entitybase.rdf.diff.RdfPatch;
import org.entitybase.rdf.mapping.Flavor;
import org.entitybase.rdf.repository.EntityServiceClient;
import org.entitybase.runtime.config.EntitybaseConfig;
import org.entitybase.runtime.rest.ApiException;

/**
 * The entity_diff events of an entity_change: the RDF ({@link #FLAVOR}, what a full dump holds) of the new revision
 * against that of its parent. No parent (create), or a deleted one (undelete): import. A delete: delete, without
 * data. Anything else, redirects and unredirects included, is a diff (a redirect revision's RDF is its {@code
 * owl:sameAs}). Reconcile publishes the current state on demand.
 */
@ApplicationScoped
public class RdfDiffService {

    /** The flavor of the diff stream: Special:EntityData's {@code ?flavor=dump}. */
    public static final Flavor FLAVOR = Flavor.FULL_DUMP;

    private final EntityRdfService rdf;
    private final EntityServiceClient entityService;
    private final RdfChangeEvents events;

    RdfDiffService(
            EntityRdfService rdf, EntityServiceClient entityService, EntitybaseConfig config, RdfConfig rdfConfig) {
        this.rdf = rdf;
        this.entityService = entityService;
        this.events = new RdfChangeEvents(
                EntityRdfService.vocabulary(),
                config.streaming().entityDiffTopic(),
                rdfConfig.diff().maxTriplesPerEvent());
    }

    /**
     * The events of {@code change}. Fails with 503 {@code entity-service-unavailable} while entity-service is down
     * (worth a retry), with another {@link ApiException} when the revision cannot be read (never will be).
     */
    public Uni<List<RdfChangeEvent>> eventsFor(EntityChangeEvent change) {
        EntityId id = EntityId.tryParse(change.entityId());
        if (id == null) {
            throw new IllegalArgumentException("entity_change of an invalid entity id " + change.entityId());
        }
        RdfChangeEvents.Header header =
                new RdfChangeEvents.Header(id.value(), change.revisionId(), change.timestamp(), change.eventId(), "");
        if (change.changeType() == ChangeType.DELETE) {
            return Uni.createFrom()
                    .item(events.events(
                            header,
                            Operation.DELETE,
                            RdfPatch.diff(List.of(), List.of(), EntityRdfService.vocabulary())));
        }
        Uni<List<Statement>> after = triples(rdf.revision(id, change.revisionId()));
        Uni<List<Statement>> before = change.parentRevisionId() == null
                ? Uni.createFrom().nullItem()
                : triples(rdf.revision(id, change.parentRevisionId()))
                        // a deleted (or unknown) parent left nothing in the store: start over with an import
                        .onFailure(e -> e instanceof ApiException a && (a.status() == 410 || a.status() == 404))
                        .recoverWithNull();
        return Uni.combine().all().unis(before, after).asTuple().map(pair -> {
            List<Statement> old = pair.getItem1();
            Operation operation = old == null ? Operation.IMPORT : Operation.DIFF;
            RdfPatch patch =
                    RdfPatch.diff(old == null ? List.of() : old, pair.getItem2(), EntityRdfService.vocabulary());
            return events.events(header, operation, patch);
        });
    }

    /** A reconcile event (or a delete, for a deleted entity) with the entity's state now. */
    public Uni<List<RdfChangeEvent>> reconcile(EntityId id, Instant now) {
        String dt = Instant.ofEpochSecond(now.getEpochSecond()).toString();
        return entityService.headRevision(id).flatMap(revision -> {
            RdfChangeEvents.Header header = new RdfChangeEvents.Header(
                    id.value(), revision, dt, UUID.randomUUID().toString(), now.toString());
            return triples(rdf.revision(id, revision))
                    .map(state -> events.events(
                            header,
                            Operation.RECONCILE,
                            RdfPatch.diff(List.of(), state, EntityRdfService.vocabulary())))
                    .onFailure(e -> e instanceof ApiException a && a.status() == 410)
                    .recoverWithItem(() -> events.events(
                            header,
                            Operation.DELETE,
                            RdfPatch.diff(List.of(), List.of(), EntityRdfService.vocabulary())));
        });
    }

    /** Every triple of a revision's {@link #FLAVOR} document. */
    public Uni<List<Statement>> triples(Uni<EntityRdfService.Source> source) {
        return source.flatMap(s -> rdf.prepare(s, FLAVOR)).map(prepared -> {
            List<Statement> statements = new ArrayList<>();
            prepared.write(new AbstractRDFHandler() {
                @Override
                public void handleStatement(Statement st) {
                    statements.add(st);
                }
            });
            return statements;
        });
    }
}
