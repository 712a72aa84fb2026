package org.entitybase.statement.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import org.entitybase.model.content.ContentKind;
import org.entitybase.model.event.ChangeType;
import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.runtime.storage.RevisionStore;
import org.entitybase.runtime.worker.WorkerPool;

/**
 * The statements of the revision an event names, read from S3 by the event's content address through the shared
 * {@link RevisionStore} (no entity-service call: statement-service keeps working while it is down). A delete or
 * redirect revision has none.
 */
@ApplicationScoped
public class RevisionLoader {

    private final RevisionStore revisions;
    private final WorkerPool workers;
    private final StatementExtractor extractor = new StatementExtractor();

    RevisionLoader(RevisionStore revisions, WorkerPool workers) {
        this.revisions = revisions;
        this.workers = workers;
    }

    public Uni<RevisionStatements> load(EntityChangeEvent event) {
        return load(event.contentHash(), event.contentCheckpoint(), event.changeType());
    }

    /**
     * @param checkpoint the checkpoint pack's address, null when unknown (a 1.0.0 event, a recorded revision): the
     *     pack's own header names it
     */
    public Uni<RevisionStatements> load(String contentHash, String checkpoint, ChangeType changeType) {
        if (changeType == ChangeType.DELETE || changeType == ChangeType.REDIRECT) {
            return Uni.createFrom().item(RevisionStatements.NONE);
        }
        var revision = ContentKind.REVISION.address(contentHash);
        var stored = checkpoint == null
                ? revisions.load(revision)
                : revisions.load(revision, ContentKind.REVISION.address(checkpoint));
        return stored.flatMap(content -> workers.run(() -> extractor.extract(content.entity())));
    }
}
