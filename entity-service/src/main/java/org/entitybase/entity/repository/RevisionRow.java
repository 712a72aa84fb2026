package org.entitybase.entity.repository;

import java.time.Instant;

import org.entitybase.model.event.ChangeType;
import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.id.EntityId;

/**
 * One row of {@code entity_revisions}. A delete or redirect revision keeps its parent's content ({@code content},
 * {@code checkpoint}); a redirect revision names its {@code redirectTarget}.
 *
 * @param size bytes of the JSON of the content named by {@code content}
 */
public record RevisionRow(
        EntityId entityId,
        long revisionId,
        Long parentRevisionId,
        ContentAddress content,
        ContentAddress checkpoint,
        long checkpointRevisionId,
        long userId,
        String editSummary,
        ChangeType changeType,
        EntityId redirectTarget,
        Instant createdAt,
        int size) {

    /** A revision whose content is the entity as it then was (not a delete or redirect tombstone). */
    public boolean hasContent() {
        return changeType != ChangeType.DELETE && changeType != ChangeType.REDIRECT;
    }
}
