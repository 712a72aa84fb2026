package org.entitybase.stats.repository;

import java.time.Instant;
import java.time.LocalDate;

import org.entitybase.model.event.ChangeType;
import org.entitybase.stats.service.EntityFigures.TotalsDelta;

/** One counted revision ({@code stats_revisions}): who, when, what kind, and what it changed in the totals. */
public record RevisionRow(
        String entityId,
        long revisionId,
        String entityType,
        ChangeType changeType,
        long userId,
        LocalDate day,
        Instant committedAt,
        String contentHash,
        String contentCheckpoint,
        int statementsAdded,
        int statementsRemoved,
        TotalsDelta delta) {

    public RevisionRow withDelta(TotalsDelta other) {
        return new RevisionRow(
                entityId,
                revisionId,
                entityType,
                changeType,
                userId,
                day,
                committedAt,
                contentHash,
                contentCheckpoint,
                statementsAdded,
                statementsRemoved,
                other);
    }
}
