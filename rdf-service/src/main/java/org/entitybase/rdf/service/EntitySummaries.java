package org.entitybase.rdf.service;

import java.io.IOException;
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
import org.entitybase.rdf.config.RdfConfig;
import org.entitybase.rdf.repository.EntityServiceClient;
import org.entitybase.runtime.admission.MemoryBudget;
import org.entitybase.runtime.rest.ApiException;

/**
 * A bounded cache of {@link EntitySummary summaries} of mentioned entities (property datatypes, URI patterns, stub
 * terms), filled from entity-service, in parallel, before a document is written. Entities that do not exist are
 * cached as such. An entity_change event of an entity evicts it ({@link #invalidate}); entries also expire, which
 * bounds the staleness a lost invalidation could cause.
 */
@ApplicationScoped
public class EntitySummaries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityServiceClient entityService;
    private final Cache<EntityId, Optional<EntitySummary>> cache;
    private final int concurrency;
    /** Bumped by every invalidation: a fetch that overlapped one does not cache what it read. */
    private final AtomicLong epoch = new AtomicLong();

    @Inject
    EntitySummaries(EntityServiceClient entityService, RdfConfig config, MemoryBudget budget) {
        this(
                entityService,
                budget.cacheShare(config.cache().share()),
                config.cache().expireAfterWrite(),
                config.prefetchConcurrency());
    }

    EntitySummaries(EntityServiceClient entityService, long maxBytes, java.time.Duration expiry, int concurrency) {
        this.entityService = entityService;
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
        return cache.getIfPresent(id);
    }

    /** Summaries of {@code ids} (cached or fetched); an absent entity maps to empty. */
    public Uni<Map<EntityId, Optional<EntitySummary>>> load(Collection<EntityId> ids) {
        Map<EntityId, Optional<EntitySummary>> found = new HashMap<>();
        List<EntityId> missing = new ArrayList<>();
        for (EntityId id : ids) {
            Optional<EntitySummary> hit = cache.getIfPresent(id);
            if (hit != null) {
                found.put(id, hit);
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        return Multi.createFrom()
                .iterable(missing)
                .onItem()
                .transformToUni(this::fetch)
                .merge(concurrency)
                .collect()
                .in(() -> found, (map, entry) -> map.put(entry.getKey(), entry.getValue()));
    }

    /** Forgets {@code entityId} and, for a lexeme, its forms and senses. */
    public void invalidate(String entityId) {
        epoch.incrementAndGet();
        String subPrefix = entityId + "-";
        cache.asMap()
                .keySet()
                .removeIf(id -> id.value().equals(entityId) || id.value().startsWith(subPrefix));
    }

    private Uni<Map.Entry<EntityId, Optional<EntitySummary>>> fetch(EntityId id) {
        long started = epoch.get();
        EntityId holder = holderOf(id);
        return entityService
                .current(holder)
                .map(json -> summarize(id, json))
                .onFailure(e -> e instanceof ApiException a && !EntityServiceClient.isUnavailable(a))
                .recoverWithItem(Optional.empty()) // 404, 410, 400: no such entity, no stub
                .map(summary -> {
                    if (epoch.get() == started) {
                        cache.put(id, summary);
                    }
                    return Map.entry(id, summary);
                });
    }

    private static Optional<EntitySummary> summarize(EntityId id, EntityServiceClient.EntityJson json) {
        if (json.isRedirect()) {
            return id.type() == EntityType.FORM || id.type() == EntityType.SENSE
                    ? Optional.empty()
                    : Optional.of(EntitySummary.redirect(id, json.redirectTarget()));
        }
        try {
            JsonNode tree = JSON.readTree(json.json());
            return Optional.ofNullable(EntitySummary.of(id, tree));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The top-level entity whose JSON holds {@code id}: a form's or sense's lexeme, else itself. */
    private static EntityId holderOf(EntityId id) {
        if (id.type() == EntityType.FORM || id.type() == EntityType.SENSE) {
            return EntityId.parse(id.value().substring(0, id.value().indexOf('-')));
        }
        return id;
    }
}
