package org.entitybase.rdf.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.model.content.ContentKind;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.id.EntityId;
import org.entitybase.rdf.repository.IndexedRevision;
import org.entitybase.rdf.repository.RevisionIndex;
import org.entitybase.runtime.storage.RevisionStore;

/**
 * Revisions as rdf-service knows them: where they are from its own index ({@link RevisionIndex}), their content from
 * the revisions bucket through the shared {@link RevisionStore}. No entity-service call anywhere.
 */
@ApplicationScoped
public class RevisionReader {

    private final Pool pool;
    private final RevisionIndex index;
    private final RevisionStore store;

    RevisionReader(Pool pool, RevisionIndex index, RevisionStore store) {
        this.pool = pool;
        this.index = index;
        this.store = store;
    }

    /** The entity's newest indexed revision; null when the index has none. */
    public Uni<IndexedRevision> head(EntityId id) {
        return index.head(pool, id);
    }

    /** The newest indexed revision of each of {@code ids} the index knows (absent: none). */
    public Uni<Map<EntityId, IndexedRevision>> heads(List<EntityId> ids) {
        return index.heads(pool, ids);
    }

    /** The indexed revision; null when the index does not hold it. */
    public Uni<IndexedRevision> revision(EntityId id, long revisionId) {
        return index.revision(pool, id, revisionId);
    }

    /**
     * The entity as of {@code revision} (not a delete), with the revision's {@code lastrevid} and {@code modified} as
     * entity-service answers them.
     */
    public Uni<Entity> entity(IndexedRevision revision) {
        ContentAddress manifest = ContentKind.REVISION.address(revision.contentHash());
        var stored = revision.contentCheckpoint() == null
                ? store.load(manifest)
                : store.load(manifest, ContentKind.REVISION.address(revision.contentCheckpoint()));
        return stored.map(content -> {
            Entity entity = content.entity();
            return entity.withPage(entity.page().withRevision(revision.revisionId(), revision.modified()));
        });
    }
}
