package org.entitybase.rdf.service;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.json.WikibaseJsonWriter;
import org.entitybase.rdf.config.RdfConfig;
import org.entitybase.rdf.repository.IndexedRevision;
import org.entitybase.runtime.admission.MemoryBudget;
import org.entitybase.runtime.events.ConsumerIndexWait;

/**
 * A bounded cache of {@link EntitySummary summaries} of mentioned entities (property datatypes, URI patterns, stub
 * terms), read from rdf-service's own index and the revisions bucket ({@link RevisionReader}), in parallel, before a
 * document is written. Deleted entities are cached as absent; an entity the index does not know is remembered as
 * absent for 30 s only (its create event may be processed any moment, on another instance). An entity_change event of an entity evicts it ({@link #invalidate}); entries also expire,
 * which bounds the staleness a lost invalidation could cause.
 */
@ApplicationScoped
public class EntitySummaries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WikibaseJsonWriter WRITER = new WikibaseJsonWriter();
    private static final Duration UNKNOWN_EXPIRY = Duration.ofSeconds(30);

    private final RevisionReader reader;
    private final Cache<EntityId, Optional<EntitySummary>> cache;
    /** Entities the index did not know when asked: absent for a short while, not for the cache's expiry. */
    private final Cache<EntityId, Boolean> unknown = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(UNKNOWN_EXPIRY)
            .build();

    private final int concurrency;
    /** Bumped by every invalidation: a fetch that overlapped one of its entity does not cache what it read. */
    private final AtomicLong epoch = new AtomicLong();
    /** The epoch of each entity's last invalidation (kept longer than any fetch takes). */
    private final Cache<EntityId, Long> invalidations =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).build();

    @Inject
    EntitySummaries(RevisionReader reader, RdfConfig config, MemoryBudget budget) {
        this(
                reader,
                budget.cacheShare(config.cache().share()),
                config.cache().expireAfterWrite(),
                config.prefetchConcurrency());
    }

    EntitySummaries(RevisionReader reader, long maxBytes, Duration expiry, int concurrency) {
        this.reader = reader;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<EntityId, Optional<EntitySummary>>weigher((id, summary) -> weight(summary))
                .expireAfterWrite(expiry)
                .build();
        this.concurrency = concurrency;
    }

    /** Heap bytes of a cached summary, roughly: a fixed cost per entry and per term, and its characters. */
    static int weight(Optional<EntitySummary> summary) {
        int bytes = 128;
        if (summary.isEmpty()) {
            return bytes;
        }
        EntitySummary s = summary.get();
        bytes += chars(s.datatype()) + chars(s.uriPattern());
        for (Map<String, String> terms : List.of(s.stub().labels(), s.stub().descriptions())) {
            for (Map.Entry<String, String> e : terms.entrySet()) {
                bytes += 64 + chars(e.getKey()) + chars(e.getValue());
            }
        }
        return bytes;
    }

    /** A string's heap: header and array, two bytes a char at most. */
    private static int chars(String s) {
        return s == null ? 0 : 40 + 2 * s.length();
    }

    /** The cached summary: null when not cached, empty when the entity does not exist. */
    Optional<EntitySummary> cached(EntityId id) {
        Optional<EntitySummary> summary = cache.getIfPresent(id);
        return summary == null && unknown.getIfPresent(id) != null ? Optional.empty() : summary;
    }

    /**
     * Summaries of {@code ids} (cached or read); an absent entity maps to empty. Properties the index does not know
     * (and did not miss in the last 30 s) are looked up again, together, for up to {@code propertyPatience}: their
     * datatype and URI pattern change the RDF, and a create event may sit in another partition, a little behind the
     * edit that uses the property.
     */
    public Uni<Map<EntityId, Optional<EntitySummary>>> load(Collection<EntityId> ids, Duration propertyPatience) {
        Map<EntityId, Optional<EntitySummary>> found = new HashMap<>();
        List<EntityId> missing = new ArrayList<>();
        for (EntityId id : ids) {
            Optional<EntitySummary> hit = cached(id);
            if (hit != null) {
                found.put(id, hit);
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        return fetchAll(missing).flatMap(read -> {
            found.putAll(read);
            List<EntityId> unindexed = missing.stream()
                    .filter(id -> id.type() == EntityType.PROPERTY && unknown.getIfPresent(id) != null)
                    .toList();
            if (unindexed.isEmpty() || propertyPatience.isZero()) {
                return Uni.createFrom().item(found);
            }
            // one bounded wait for the document, however many of its properties are missing
            return ConsumerIndexWait.await(
                            () -> fetchAll(unindexed)
                                    .map(late -> late.values().stream().allMatch(Optional::isPresent) ? late : null),
                            propertyPatience)
                    .map(late -> {
                        if (late != null) {
                            found.putAll(late);
                        }
                        return found;
                    });
        });
    }

    /** The heads of all of {@code ids} in one indexed query, then the content of those that exist, in parallel. */
    private Uni<Map<EntityId, Optional<EntitySummary>>> fetchAll(List<EntityId> ids) {
        long started = epoch.get();
        List<EntityId> holders =
                ids.stream().map(EntitySummaries::holderOf).distinct().toList();
        return reader.heads(holders)
                .flatMap(heads -> Multi.createFrom()
                        .iterable(ids)
                        .onItem()
                        .transformToUni(id -> fetch(id, heads.get(holderOf(id)), started))
                        .merge(concurrency)
                        .collect()
                        .in(HashMap::new, (map, entry) -> map.put(entry.getKey(), entry.getValue())));
    }

    /** Forgets {@code entityId} and, for a lexeme, its forms and senses. */
    public void invalidate(String entityId) {
        EntityId id = EntityId.tryParse(entityId);
        if (id == null) {
            return;
        }
        invalidations.put(id, epoch.incrementAndGet());
        cache.invalidate(id);
        unknown.invalidate(id);
        if (id.type() == EntityType.LEXEME) {
            String subPrefix = entityId + "-";
            cache.asMap().keySet().removeIf(key -> key.value().startsWith(subPrefix));
            unknown.asMap().keySet().removeIf(key -> key.value().startsWith(subPrefix));
        }
    }

    /** Was {@code id} (or its lexeme) invalidated after {@code started}? Then what a read found may be stale. */
    private boolean invalidatedSince(EntityId id, long started) {
        Long at = invalidations.getIfPresent(holderOf(id));
        return at != null && at > started;
    }

    /** {@code revision}: the head of {@code id}'s holder, null when the index knows none (read at {@code started}). */
    private Uni<Map.Entry<EntityId, Optional<EntitySummary>>> fetch(
            EntityId id, IndexedRevision revision, long started) {
        if (revision == null) {
            if (!invalidatedSince(id, started)) {
                unknown.put(id, Boolean.TRUE);
            }
            return Uni.createFrom().item(Map.entry(id, Optional.<EntitySummary>empty()));
        }
        return summarize(id, revision).map(summary -> {
            if (!invalidatedSince(id, started)) {
                cache.put(id, summary);
            }
            return Map.entry(id, summary);
        });
    }

    private Uni<Optional<EntitySummary>> summarize(EntityId id, IndexedRevision revision) {
        if (revision.isDeleted()) {
            return Uni.createFrom().item(Optional.empty());
        }
        if (revision.isRedirect()) {
            return Uni.createFrom()
                    .item(
                            id.type() == EntityType.FORM || id.type() == EntityType.SENSE
                                    ? Optional.empty()
                                    : Optional.of(EntitySummary.redirect(id, revision.redirectTarget())));
        }
        return reader.entity(revision).map(entity -> {
            try {
                JsonNode tree = JSON.readTree(WRITER.toBytes(entity));
                return Optional.ofNullable(EntitySummary.of(id, tree));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** The top-level entity whose JSON holds {@code id}: a form's or sense's lexeme, else itself. */
    private static EntityId holderOf(EntityId id) {
        if (id.type() == EntityType.FORM || id.type() == EntityType.SENSE) {
            return EntityId.parse(id.value().substring(0, id.value().indexOf('-')));
        }
        return id;
    }
}
