package org.entitybase.user.service;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.rest.ApiException;
import org.entitybase.user.client.EntityServiceClient;
import org.entitybase.user.client.EntityServiceClient.Answer;
import org.entitybase.user.repository.RevisionIndexRepository;

/**
 * Which entities and revisions exist, and who made a revision: the revision index first (user-service's own rows, kept
 * from entity_change), entity-service only for what the index does not hold yet. So a thanks or a watch goes through
 * while entity-service is down for everything already indexed, and a miss is answered 404 only when entity-service
 * says so; entity-service not answering is a 503 (docs/DECISIONS.md, "user-service: cross-service preconditions").
 */
@ApplicationScoped
public class RevisionDirectory {

    private final Pool pool;
    private final RevisionIndexRepository index;
    private final EntityServiceClient entities;

    RevisionDirectory(Pool pool, RevisionIndexRepository index, EntityServiceClient entities) {
        this.pool = pool;
        this.entities = entities;
        this.index = index;
    }

    /** The revision's author; 404 {@code revision-not-found} or {@code entity-not-found}. */
    public Uni<Long> author(String entityId, long revisionId) {
        return index.author(pool, entityId, revisionId).flatMap(author -> {
            if (author != null) {
                return Uni.createFrom().item(author);
            }
            return entities.revision(entityId, revisionId).map(answer -> {
                if (answer instanceof Answer.Found found) {
                    return found.author();
                }
                throw answer instanceof Answer.NoRevision
                        ? revisionNotFound(entityId, revisionId)
                        : entityNotFound(entityId);
            });
        });
    }

    /** Completes when the entity exists (was ever created); 404 {@code entity-not-found} otherwise. */
    public Uni<Void> requireEntity(String entityId) {
        return index.knowsEntity(pool, entityId).flatMap(known -> {
            if (known) {
                return Uni.createFrom().voidItem();
            }
            return entities.revision(entityId, null).map(answer -> {
                if (answer instanceof Answer.Found) {
                    return null;
                }
                throw entityNotFound(entityId);
            });
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
