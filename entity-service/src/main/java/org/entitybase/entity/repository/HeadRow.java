package org.entitybase.entity.repository;

import java.time.Instant;

import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.id.EntityId;

/**
 * An entity's head joined with its head revision row: everything a read or an edit needs before touching S3.
 *
 * @param redirectTarget where the entity redirects to, null when it is not a redirect
 * @param datatype a property's datatype, null for other types
 * @param content the head revision's manifest address (its pack's name)
 * @param checkpoint the checkpoint pack that completes it (equal to {@code content} for a checkpoint)
 * @param createdAt when the head revision was committed
 * @param size bytes of the JSON of the content named by {@code content}
 */
public record HeadRow(
        EntityId id,
        long revisionId,
        boolean deleted,
        EntityId redirectTarget,
        String datatype,
        ContentAddress content,
        ContentAddress checkpoint,
        long checkpointRevisionId,
        Instant createdAt,
        int size) {

    public boolean isRedirect() {
        return redirectTarget != null;
    }
}
