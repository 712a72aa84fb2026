package org.entitybase.rdf.repository;

import org.entitybase.model.event.ChangeType;
import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.model.id.EntityId;

/**
 * One revision as rdf-service's index knows it (a row of {@code rdf_revisions}, or the entity's head in
 * {@code rdf_entities}): where its content is in the revisions bucket and what the revision did.
 *
 * @param contentHash the revision's manifest address (= pack key); a delete or redirect keeps its parent's content
 * @param contentCheckpoint the checkpoint pack completing it; null when the event did not name it (1.0.0)
 * @param redirectTarget set for a redirect revision only
 * @param modified the revision's timestamp (ISO-8601 UTC), its RDF's {@code schema:dateModified}
 */
public record IndexedRevision(
        EntityId entityId,
        long revisionId,
        Long parentRevisionId,
        String contentHash,
        String contentCheckpoint,
        ChangeType changeType,
        EntityId redirectTarget,
        String modified) {

    /** What {@code event} says about its revision; null when its entity id is not one. */
    public static IndexedRevision of(EntityChangeEvent event) {
        EntityId id = EntityId.tryParse(event.entityId());
        if (id == null) {
            return null;
        }
        EntityId target = event.changeType() == ChangeType.REDIRECT ? EntityId.tryParse(event.redirectTarget()) : null;
        return new IndexedRevision(
                id,
                event.revisionId(),
                event.parentRevisionId(),
                event.contentHash(),
                event.contentCheckpoint(),
                event.changeType(),
                target,
                event.timestamp());
    }

    /** The revision deleted the entity: it has no RDF. */
    public boolean isDeleted() {
        return changeType == ChangeType.DELETE;
    }

    public boolean isRedirect() {
        return redirectTarget != null;
    }
}
