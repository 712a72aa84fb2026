package org.entitybase.user.service;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.rest.ApiException;
import org.entitybase.user.config.UserServiceConfig;
import org.entitybase.user.repository.WatchlistRepository;
import org.entitybase.user.repository.WatchlistRepository.Entry;

/** A user's watchlist: entities, each with an optional property filter, at most {@code watchlist-limit} entries. */
@ApplicationScoped
public class WatchlistService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pool pool;
    private final WatchlistRepository watchlist;
    private final RevisionDirectory directory;
    private final int limit;

    WatchlistService(Pool pool, WatchlistRepository watchlist, RevisionDirectory directory, UserServiceConfig config) {
        this.pool = pool;
        this.watchlist = watchlist;
        this.directory = directory;
        this.limit = config.watchlistLimit();
    }

    /** Whether a watch created the entry, changed its filter, or found it as asked. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /**
     * Watches the entity (404 when it never existed), or sets the filter of an entry already there; 422 when the
     * watchlist is full. {@code properties} null: every change.
     */
    public Uni<Outcome> watch(long userId, String entityId, List<String> properties) {
        return directory
                .requireEntity(entityId)
                .flatMap(ignored -> pool.withTransaction(c -> watchlist
                        .lock(c, userId, entityId)
                        .flatMap(stored -> {
                            if (stored != null) {
                                List<String> current = WatchlistRepository.split(stored);
                                if (Objects.equals(current, properties)) {
                                    return Uni.createFrom().item(Outcome.UNCHANGED);
                                }
                                return watchlist
                                        .updateProperties(c, userId, entityId, properties)
                                        .replaceWith(Outcome.UPDATED);
                            }
                            // counted inside the transaction; two concurrent watches by one user may pass the limit by
                            // one
                            return watchlist.count(c, userId).flatMap(n -> {
                                if (n >= limit) {
                                    throw new ApiException(
                                            422,
                                            "watchlist-full",
                                            "a watchlist holds at most " + limit + " entities",
                                            Map.of("limit", limit, "entries", n));
                                }
                                return watchlist
                                        .insert(c, userId, entityId, properties, UserService.now())
                                        .replaceWith(Outcome.CREATED);
                            });
                        })));
    }

    /** 404 {@code not-watched} when the user does not watch the entity. */
    public Uni<Void> unwatch(long userId, String entityId) {
        return pool.withTransaction(c -> watchlist.delete(c, userId, entityId)).map(deleted -> {
            if (!deleted) {
                throw new ApiException(
                        404,
                        "not-watched",
                        "user " + userId + " does not watch " + entityId,
                        Map.of("user_id", userId, "entity_id", entityId));
            }
            return null;
        });
    }

    /** {@code {user_id, count, entries: [{entity_id, properties?, since}], next}} ordered by entity id. */
    public Uni<ObjectNode> list(long userId, String after, int pageSize) {
        return watchlist
                .count(pool, userId)
                .flatMap(count -> watchlist
                        .page(pool, userId, after == null ? "" : after, pageSize + 1)
                        .map(page -> {
                            ObjectNode out = JSON.createObjectNode()
                                    .put("user_id", userId)
                                    .put("count", count);
                            ArrayNode entries = out.putArray("entries");
                            page.stream().limit(pageSize).forEach(e -> entries.add(entry(e)));
                            if (page.size() > pageSize) {
                                out.put("next", page.get(pageSize - 1).entityId());
                            } else {
                                out.putNull("next");
                            }
                            return out;
                        }));
    }

    /** The entity's watchers (what the notification consumer reads). */
    public Uni<List<Long>> watchers(String entityId) {
        return watchlist.watchers(pool, entityId);
    }

    private static ObjectNode entry(Entry e) {
        ObjectNode node = JSON.createObjectNode().put("entity_id", e.entityId());
        if (e.properties() != null) {
            ArrayNode p = node.putArray("properties");
            e.properties().forEach(p::add);
        }
        node.put("since", e.since().toString());
        return node;
    }
}
