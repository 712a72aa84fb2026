package org.entitybase.model.event;

import java.util.List;

import org.entitybase.model.Immutables;

/**
 * One committed revision, as published on {@code entitybase.entity_change} (docs/EVENTS.md; JSON Schema beside this
 * class as {@code entity_change-1.1.0.schema.json}). Produced by entity-service through its outbox, consumed by
 * statement-service, rdf-service, watchlist-consumer and stats-workers. {@code contentHash} names the revision's pack
 * in the revisions bucket and {@code contentCheckpoint} the checkpoint pack that completes it (equal for a
 * checkpoint): a consumer reads the revision from S3 by these two addresses alone. {@code contentCheckpoint} is null
 * in a 1.0.0 event (the pack's own header names it). {@code statementsAdded}/{@code statementsRemoved} are statement
 * content addresses relative to the parent revision. Optional fields are null.
 */
public record EntityChangeEvent(
        String eventId,
        String entityId,
        String entityType,
        long revisionId,
        Long parentRevisionId,
        ChangeType changeType,
        long userId,
        String editSummary,
        String timestamp,
        String contentHash,
        String contentCheckpoint,
        List<String> statementsAdded,
        List<String> statementsRemoved,
        String redirectTarget,
        Boolean isBot) {
    public static final String SCHEMA = "entitybase/entity_change/1.1.0";

    public EntityChangeEvent {
        statementsAdded = Immutables.list(statementsAdded);
        statementsRemoved = Immutables.list(statementsRemoved);
    }
}
