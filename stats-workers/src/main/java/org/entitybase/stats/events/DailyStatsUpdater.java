package org.entitybase.stats.events;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.runtime.events.ProcessedEvents;
import org.entitybase.runtime.sql.SqlErrors;
import org.entitybase.stats.repository.RevisionRow;
import org.entitybase.stats.repository.StatsRepository;
import org.entitybase.stats.service.ChangeKinds;
import org.entitybase.stats.service.EntityFigures;
import org.entitybase.stats.service.EntityFigures.TotalsDelta;
import org.entitybase.stats.service.RevisionFiguresLoader;

/**
 * Applies one entity_change event to the daily figures, in one transaction: records the event id (a redelivery
 * changes nothing), logs the revision once ({@code stats_revisions}; another event of the same revision counts
 * nothing), moves the entity's counted head when the revision is newer (the totals' change is logged with it), and
 * adds the revision to its user's and the wiki's figures of its day.
 */
@ApplicationScoped
public class DailyStatsUpdater {

    /** What became of an event. */
    public enum Outcome {
        APPLIED,
        DUPLICATE
    }

    private final Pool pool;
    private final RevisionFiguresLoader loader;
    private final StatsRepository stats;

    DailyStatsUpdater(Pool pool, RevisionFiguresLoader loader, StatsRepository stats) {
        this.pool = pool;
        this.loader = loader;
        this.stats = stats;
    }

    public Uni<Outcome> apply(EntityChangeEvent event) {
        return ProcessedEvents.isProcessed(pool, event.eventId()).flatMap(done -> {
            if (done) {
                return Uni.createFrom().item(Outcome.DUPLICATE);
            }
            return loader.load(event.changeType(), event.contentHash(), event.contentCheckpoint())
                    .flatMap(figures -> pool.withTransaction(c -> applyIn(c, event, figures)))
                    .onFailure(SqlErrors::isDuplicateKey)
                    .recoverWithItem(Outcome.DUPLICATE);
        });
    }

    private Uni<Outcome> applyIn(SqlConnection c, EntityChangeEvent event, EntityFigures figures) {
        Instant now = Instant.now();
        Instant committed = Instant.parse(event.timestamp());
        return ProcessedEvents.markProcessed(c, event.eventId(), now)
                .flatMap(x -> stats.lockHead(c, event.entityId()))
                .flatMap(head -> {
                    boolean newer = head == null || event.revisionId() > head.revisionId();
                    TotalsDelta delta = newer
                            ? EntityFigures.change(head == null ? null : head.figures(), figures)
                            : TotalsDelta.NONE;
                    RevisionRow row = new RevisionRow(
                            event.entityId(),
                            event.revisionId(),
                            event.entityType(),
                            event.changeType(),
                            event.userId(),
                            ChangeKinds.day(committed),
                            committed,
                            event.contentHash(),
                            event.contentCheckpoint(),
                            event.statementsAdded().size(),
                            event.statementsRemoved().size(),
                            delta);
                    return stats.insertRevision(c, row).flatMap(first -> {
                        if (!first) {
                            return Uni.createFrom().item(Outcome.APPLIED); // this revision was counted already
                        }
                        Uni<Void> moved = newer
                                ? stats.setHead(c, event.entityId(), event.entityType(), event.revisionId(), figures)
                                : Uni.createFrom().voidItem();
                        return moved.flatMap(x -> stats.addToDay(c, row, now)).replaceWith(Outcome.APPLIED);
                    });
                });
    }
}
