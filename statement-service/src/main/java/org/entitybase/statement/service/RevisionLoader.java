package org.entitybase.statement.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import org.entitybase.model.event.ChangeType;
import org.entitybase.statement.client.EntityServiceClient;
import org.entitybase.statement.storage.Workers;

/** The statements of one revision, read from entity-service (a delete or redirect revision has none). */
@ApplicationScoped
public class RevisionLoader {

    private final EntityServiceClient entities;
    private final StatementExtractor extractor = new StatementExtractor();

    RevisionLoader(EntityServiceClient entities) {
        this.entities = entities;
    }

    public Uni<RevisionStatements> load(String entityId, long revisionId, ChangeType changeType) {
        if (changeType == ChangeType.DELETE || changeType == ChangeType.REDIRECT) {
            return Uni.createFrom().item(RevisionStatements.NONE);
        }
        return entities.revision(entityId, revisionId)
                .flatMap(revision -> revision.hasContent()
                        ? Workers.run(() -> extractor.extract(revision.entityJson()))
                        : Uni.createFrom().item(RevisionStatements.NONE));
    }
}
