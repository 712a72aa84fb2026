package org.entitybase.user.service;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.events.ConsumerIndexWait;
import org.entitybase.runtime.rest.ApiException;
import org.entitybase.user.config.UserServiceConfig;
import org.entitybase.user.repository.RevisionIndexRepository;

/**
 * Which entities and revisions exist, and who made a revision: user-service's own revision index (rows its
 * entity_change consumer writes), never entity-service. The index trails an edit by the consumer's delay, so a miss is
 * looked up again for up to {@code entitybase.user.index-wait} (a thanks or a watch right after the edit) before it is
 * answered 404 (docs/DECISIONS.md, "user-service: cross-service preconditions").
 */
@ApplicationScoped
public class RevisionDirectory {

    private final Pool pool;
    private final RevisionIndexRepository index;
    private final Duration indexWait;

    RevisionDirectory(Pool pool, RevisionIndexRepository index, UserServiceConfig config) {
        this.pool = pool;
        this.index = index;
        this.indexWait = config.indexWait();
    }

    /** The revision's author; 404 {@code revision-not-found} or {@code entity-not-found}. */
    public Uni<Long> author(String entityId, long revisionId) {
        return ConsumerIndexWait.await(() -> index.author(pool, entityId, revisionId), indexWait)
                .flatMap(author -> {
                    if (author != null) {
                        return Uni.createFrom().item(author);
                    }
                    return index.knowsEntity(pool, entityId).map(known -> {
                        throw known ? revisionNotFound(entityId, revisionId) : entityNotFound(entityId);
                    });
                });
    }

    /** Completes when the entity exists (was ever created); 404 {@code entity-not-found} otherwise. */
    public Uni<Void> requireEntity(String entityId) {
        return ConsumerIndexWait.await(
                        () -> index.knowsEntity(pool, entityId).map(known -> known ? Boolean.TRUE : null), indexWait)
                .map(known -> {
                    if (known == null) {
                        throw entityNotFound(entityId);
                    }
                    return null;
                });
    }

    static ApiException entityNotFound(String entityId) {
        return new ApiException(404, "entity-not-found", "no entity " + entityId, Map.of("entity_id", entityId));
    }

    static ApiException revisionNotFound(String entityId, long revisionId) {
        return new ApiException(
                404,
                "revision-not-found",
                "entity " + entityId + " has no revision " + revisionId,
                Map.of("entity_id", entityId, "revision_id", revisionId));
    }
}
