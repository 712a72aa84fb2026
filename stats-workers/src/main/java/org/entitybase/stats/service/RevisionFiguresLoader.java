package org.entitybase.stats.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import org.entitybase.model.content.ContentKind;
import org.entitybase.model.event.ChangeType;
import org.entitybase.runtime.storage.RevisionStore;
import org.entitybase.runtime.worker.WorkerPool;

/**
 * The figures of a revision, read from S3 by its content address through the shared {@link RevisionStore} (never
 * entity-service's API). A delete or redirect revision is not read: its content does not count.
 */
@ApplicationScoped
public class RevisionFiguresLoader {

    private final RevisionStore revisions;
    private final WorkerPool workers;

    RevisionFiguresLoader(RevisionStore revisions, WorkerPool workers) {
        this.revisions = revisions;
        this.workers = workers;
    }

    /** @param checkpoint the checkpoint pack's address, null when unknown (the pack's header names it) */
    public Uni<EntityFigures> load(ChangeType changeType, String contentHash, String checkpoint) {
        if (!EntityFigures.needsContent(changeType)) {
            return Uni.createFrom().item(EntityFigures.of(changeType, null));
        }
        var revision = ContentKind.REVISION.address(contentHash);
        var stored = checkpoint == null
                ? revisions.load(revision)
                : revisions.load(revision, ContentKind.REVISION.address(checkpoint));
        return stored.flatMap(content -> workers.run(() -> EntityFigures.of(changeType, content.entity())));
    }
}
