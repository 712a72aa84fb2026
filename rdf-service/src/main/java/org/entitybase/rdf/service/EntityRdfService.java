package org.entitybase.rdf.service;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.rdf4j.rio.RDFHandler;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;

import io.smallrye.mutiny.Uni;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.rdf.config.RdfConfig;
import org.entitybase.rdf.mapping.EntityRdfWriter;
import org.entitybase.rdf.mapping.Flavor;
import org.entitybase.rdf.mapping.RdfVocabulary;
import org.entitybase.rdf.mapping.WikimediaSites;
import org.entitybase.rdf.repository.EntityServiceClient;
import org.entitybase.rdf.repository.EntityServiceClient.EntityJson;

/**
 * The RDF of an entity revision: reads its JSON from entity-service, prefetches (in parallel, through {@link
 * EntitySummaries}) what the mapping will ask about the entities it mentions, then writes the document with {@link
 * EntityRdfWriter}. What is mentioned is found by running the mapping once against the cache alone and noting the
 * misses (repeated while fetched stubs reveal more, e.g. redirect targets), so the lookups always match what the
 * mapping needs, whatever the flavor.
 */
@ApplicationScoped
public class EntityRdfService {

    private static final int MAX_DISCOVERY_ROUNDS = 5;
    private static final RdfVocabulary VOCABULARY = RdfVocabulary.wikidata();

    private final EntityServiceClient entityService;
    private final EntitySummaries summaries;
    private final List<String> stubLanguages;

    @Inject
    EntityRdfService(EntityServiceClient entityService, EntitySummaries summaries, RdfConfig config) {
        this(entityService, summaries, config.stubLanguages());
    }

    EntityRdfService(EntityServiceClient entityService, EntitySummaries summaries, List<String> stubLanguages) {
        this.entityService = entityService;
        this.summaries = summaries;
        this.stubLanguages = List.copyOf(stubLanguages);
    }

    public static RdfVocabulary vocabulary() {
        return VOCABULARY;
    }

    /** An entity revision to write: the entity, or the redirect it is. */
    public record Source(EntityId id, Entity entity, EntityId redirectTarget) {
        public boolean isRedirect() {
            return redirectTarget != null;
        }

        /** The revision id the entity JSON carries ({@code lastrevid}), null for a redirect. */
        public Long revisionId() {
            return entity == null ? null : entity.page().lastRevisionId();
        }

        static Source of(EntityJson json) {
            if (json.isRedirect()) {
                return new Source(json.id(), null, json.redirectTarget());
            }
            return new Source(json.id(), WikibaseJsonReader.lenient().readEntity(json.json()), null);
        }
    }

    public Uni<Source> current(EntityId id) {
        return entityService.current(id).map(Source::of);
    }

    public Uni<Source> revision(EntityId id, long revision) {
        return entityService.revision(id, revision).map(Source::of);
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

    /** Prefetches what writing {@code source} in {@code flavor} needs. */
    public Uni<Prepared> prepare(Source source, Flavor flavor) {
        return discover(source, flavor, new Resolved(summaries), 1);
    }

    private Uni<Prepared> discover(Source source, Flavor flavor, Resolved resolved, int round) {
        resolved.misses.clear();
        writeDocument(source, flavor, resolved, new AbstractRDFHandler() {});
        if (resolved.misses.isEmpty() || round >= MAX_DISCOVERY_ROUNDS) {
            return Uni.createFrom().item(new Prepared(source, flavor, resolved));
        }
        Set<EntityId> wanted = Set.copyOf(resolved.misses);
        return summaries.load(wanted).flatMap(loaded -> {
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
