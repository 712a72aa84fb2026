package org.entitybase.rdf.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFHandler;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;

import io.smallrye.mutiny.Uni;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.id.EntityId;
import org.entitybase.rdf.config.RdfConfig;
import org.entitybase.rdf.mapping.EntityRdfWriter;
import org.entitybase.rdf.mapping.Flavor;
import org.entitybase.rdf.mapping.RdfVocabulary;
import org.entitybase.rdf.mapping.WikimediaSites;
import org.entitybase.rdf.repository.IndexedRevision;
import org.entitybase.runtime.events.ConsumerIndexWait;
import org.entitybase.runtime.rest.EntityApiErrors;
import org.entitybase.runtime.worker.WorkerPool;

/**
 * The RDF of an entity revision: finds it in rdf-service's own index and reads its content from the revisions bucket
 * ({@link RevisionReader}; no entity-service call), prefetches (in parallel, through {@link
 * EntitySummaries}) what the mapping will ask about the entities it mentions, then writes the document with {@link
 * EntityRdfWriter}. What is mentioned is found by running the mapping once against the cache alone and noting the
 * misses (repeated while fetched stubs reveal more, e.g. redirect targets), so the lookups always match what the
 * mapping needs, whatever the flavor.
 */
@ApplicationScoped
public class EntityRdfService {

    private static final int MAX_DISCOVERY_ROUNDS = 5;
    private static final RdfVocabulary VOCABULARY = RdfVocabulary.wikidata();

    private final RevisionReader reader;
    private final EntitySummaries summaries;
    private final IndexProgress progress;
    private final List<String> stubLanguages;
    private final Duration indexWait;
    private final WorkerPool workers;

    @Inject
    EntityRdfService(
            RevisionReader reader,
            EntitySummaries summaries,
            IndexProgress progress,
            WorkerPool workers,
            RdfConfig config) {
        this.reader = reader;
        this.workers = workers;
        this.summaries = summaries;
        this.progress = progress;
        this.stubLanguages = List.copyOf(config.stubLanguages());
        this.indexWait = config.indexWait();
    }

    public static RdfVocabulary vocabulary() {
        return VOCABULARY;
    }

    /**
     * An entity revision to write: the entity, or the redirect it is. {@code part}: a form or sense of the lexeme
     * written alone (Special:EntityData/L42-F1), null for the whole entity.
     */
    public record Source(EntityId id, Entity entity, EntityId redirectTarget, EntityId part) {
        public boolean isRedirect() {
            return redirectTarget != null;
        }

        /**
         * This lexeme revision as the document of its form or sense {@code part}: 404 when the revision has none (a
         * redirect stays one: its caller sends the reader to the target's part).
         */
        public Source asPart(EntityId part) {
            if (!isRedirect() && !(entity instanceof Lexeme lexeme && EntityRdfWriter.hasPart(lexeme, part))) {
                throw EntityApiErrors.notFound(part);
            }
            return new Source(id, entity, redirectTarget, part);
        }

        /** The same form or sense of the redirect target ({@code L42-F1} of a redirect to L7 → {@code L7-F1}). */
        public EntityId redirectedPart() {
            return new EntityId(
                    part.type(),
                    redirectTarget.value() + part.value().substring(id.value().length()));
        }

        /** The revision id the entity JSON carries ({@code lastrevid}), null for a redirect. */
        public Long revisionId() {
            return entity == null ? null : entity.page().lastRevisionId();
        }
    }

    /** The entity's newest indexed revision: 404 when the index has none, 410 when it is deleted. */
    public Uni<Source> current(EntityId id) {
        return reader.head(id).flatMap(head -> {
            if (head == null) {
                throw EntityApiErrors.notFound(id);
            }
            if (head.isDeleted()) {
                throw EntityApiErrors.deleted(id);
            }
            return source(head);
        });
    }

    /**
     * The revision. One the index does not hold yet (a read right after the write) is waited for up to {@code
     * entitybase.rdf.index-wait}; then 503 {@code rdf-index-behind} while the diff worker is behind, else 404.
     */
    public Uni<Source> revision(EntityId id, long revision) {
        return reader.revision(id, revision).flatMap(found -> {
            if (found != null) {
                return source(found);
            }
            return reader.head(id).flatMap(head -> {
                if (head != null && head.revisionId() >= revision) {
                    throw EntityApiErrors.revisionNotFound(id, revision); // older than the head and not there: none
                }
                return ConsumerIndexWait.await(() -> reader.revision(id, revision), indexWait)
                        .flatMap(late -> {
                            if (late != null) {
                                return source(late);
                            }
                            if (progress.behindBy(indexWait.toMillis())) {
                                throw RdfErrors.indexBehind(id, revision);
                            }
                            throw head == null
                                    ? EntityApiErrors.notFound(id)
                                    : EntityApiErrors.revisionNotFound(id, revision);
                        });
            });
        });
    }

    /** An indexed revision to write: its content from S3, or the redirect it is; 410 for a delete. */
    public Uni<Source> source(IndexedRevision revision) {
        if (revision.isDeleted()) {
            return Uni.createFrom()
                    .failure(EntityApiErrors.revisionDeleted(revision.entityId(), revision.revisionId()));
        }
        if (revision.isRedirect()) {
            return Uni.createFrom().item(new Source(revision.entityId(), null, revision.redirectTarget(), null));
        }
        return reader.entity(revision).map(entity -> new Source(revision.entityId(), entity, null, null));
    }

    /** A document ready to write: all lookups it needs are resolved. */
    public final class Prepared {
        private final Source source;
        private final Flavor flavor;
        private final Resolved resolved;

        private Prepared(Source source, Flavor flavor, Resolved resolved) {
            this.source = source;
            this.flavor = flavor;
            this.resolved = resolved;
        }

        public Source source() {
            return source;
        }

        /** Streams the whole document (prefixes, startRDF … endRDF) to {@code handler}. */
        public void write(RDFHandler handler) {
            writeDocument(source, flavor, resolved, handler);
        }
    }

    /** Prefetches what writing {@code source} in {@code flavor} needs (a route: what the index holds now). */
    public Uni<Prepared> prepare(Source source, Flavor flavor) {
        return discover(source, flavor, new Resolved(summaries), 1);
    }

    /**
     * Every triple of {@code source}'s document (the diff worker), waiting up to {@code entitybase.rdf.index-wait} for a
     * mentioned property the index does not hold yet (created just before the edit that uses it). The pass that finds
     * what the mapping misses is also the one that collects the triples: with everything cached, the mapping runs
     * once.
     */
    public Uni<List<Statement>> statements(Source source, Flavor flavor) {
        return collect(source, flavor, new Resolved(summaries), 1);
    }

    private Uni<List<Statement>> collect(Source source, Flavor flavor, Resolved resolved, int round) {
        // the mapping is CPU work: on the worker pool, never on the event loop the database answered on
        return workers.run(() -> {
                    resolved.misses.clear();
                    List<Statement> statements = new ArrayList<>();
                    writeDocument(source, flavor, resolved, new AbstractRDFHandler() {
                        @Override
                        public void handleStatement(Statement st) {
                            statements.add(st);
                        }
                    });
                    return statements;
                })
                .flatMap(statements -> {
                    if (resolved.misses.isEmpty() || round >= MAX_DISCOVERY_ROUNDS) {
                        return Uni.createFrom().item(statements);
                    }
                    return summaries
                            .load(Set.copyOf(resolved.misses), indexWait)
                            .flatMap(loaded -> {
                                resolved.known.putAll(loaded);
                                return collect(source, flavor, resolved, round + 1);
                            });
                });
    }

    private Uni<Prepared> discover(Source source, Flavor flavor, Resolved resolved, int round) {
        resolved.misses.clear();
        writeDocument(source, flavor, resolved, new AbstractRDFHandler() {});
        if (resolved.misses.isEmpty() || round >= MAX_DISCOVERY_ROUNDS) {
            return Uni.createFrom().item(new Prepared(source, flavor, resolved));
        }
        Set<EntityId> wanted = Set.copyOf(resolved.misses);
        return summaries.load(wanted, Duration.ZERO).flatMap(loaded -> {
            resolved.known.putAll(loaded);
            return discover(source, flavor, resolved, round + 1);
        });
    }

    private void writeDocument(Source source, Flavor flavor, Resolved resolved, RDFHandler handler) {
        EntityRdfWriter writer = EntityRdfWriter.builder(VOCABULARY, flavor)
                .datatypes(pid ->
                        resolved.property(pid).map(EntitySummary::datatype).orElse(null))
                .externalIdUris(pid ->
                        resolved.property(pid).map(EntitySummary::uriPattern).orElse(null))
                .stubs(id -> resolved.get(id).map(EntitySummary::stub).orElse(null))
                .sites(WikimediaSites.INSTANCE)
                .stubLanguages(stubLanguages)
                .build(handler);
        if (source.isRedirect()) {
            writer.startDocument();
            writer.addEntityRedirect(source.id(), source.redirectTarget());
            writer.resolveMentionedEntities();
            writer.finishDocument();
        } else if (source.part() != null) {
            writer.writePartDocument((Lexeme) source.entity(), source.part());
        } else {
            writer.writeDocument(source.entity());
        }
    }

    /** Summaries seen by one document: fetched for it, or taken from the cache (a miss is noted). */
    private static final class Resolved {
        private final EntitySummaries cache;
        private final Map<EntityId, Optional<EntitySummary>> known = new HashMap<>();
        private final Set<EntityId> misses = new LinkedHashSet<>();

        Resolved(EntitySummaries cache) {
            this.cache = cache;
        }

        Optional<EntitySummary> property(String propertyId) {
            EntityId id = EntityId.tryParse(propertyId);
            return id == null ? Optional.empty() : get(id);
        }

        Optional<EntitySummary> get(EntityId id) {
            Optional<EntitySummary> summary = known.get(id);
            if (summary == null) {
                summary = cache.cached(id);
                if (summary == null) {
                    misses.add(id);
                    return Optional.empty();
                }
                known.put(id, summary);
            }
            return summary;
        }
    }
}
