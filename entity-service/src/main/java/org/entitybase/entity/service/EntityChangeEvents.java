package org.entitybase.entity.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.entitybase.entity.repository.RevisionRow;
import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.model.event.EntityChangeEventCodec;
import org.entitybase.model.id.EntityType;

/** The entity_change event of a revision (docs/EVENTS.md), as the outbox stores it. */
final class EntityChangeEvents {

    private EntityChangeEvents() {}

    /**
     * @param before statement addresses of the entity's current state before the revision (none for a create, or
     *     when it was deleted or a redirect)
     * @param after the same after the revision (none for a delete or redirect)
     */
    static EntityChangeEvent of(RevisionRow revision, EntityType type, Set<String> before, Set<String> after) {
        return new EntityChangeEvent(
                UUID.randomUUID().toString(),
                revision.entityId().value(),
                type.jsonName(),
                revision.revisionId(),
                revision.parentRevisionId(),
                revision.changeType(),
                revision.userId(),
                revision.editSummary(),
                RevisionTimestamps.iso(revision.createdAt()),
                revision.content().sha256(),
                revision.checkpoint().sha256(),
                difference(after, before),
                difference(before, after),
                revision.redirectTarget() == null
                        ? null
                        : revision.redirectTarget().value(),
                null); // bots are user-service's business: left out
    }

    static String payload(EntityChangeEvent event) {
        return new String(EntityChangeEventCodec.write(event), StandardCharsets.UTF_8);
    }

    /** {@code a} minus {@code b}, sorted so that the same revision always yields the same event body. */
    private static List<String> difference(Set<String> a, Set<String> b) {
        List<String> out = new ArrayList<>();
        for (String address : a) {
            if (!b.contains(address)) {
                out.add(address);
            }
        }
        out.sort(null);
        return out;
    }
}
