package org.entitybase.statement.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.runtime.events.ProcessedEvents;
import org.entitybase.runtime.sql.SqlErrors;
import org.entitybase.runtime.worker.WorkerPool;
import org.entitybase.statement.repository.AccountingRepository;
import org.entitybase.statement.repository.BacklinkRepository;
import org.entitybase.statement.repository.StatementRepository;
import org.entitybase.statement.storage.StatementStore;

/**
 * Applies one entity_change event: stores statement objects not seen before, then in one transaction records the
 * event id (a second delivery changes nothing), counts the revision once per statement address, and, when the
 * revision is newer than the entity's recorded head, moves the head counts and the entity's backlinks.
 *
 * <p>Events may be applied concurrently and in any order, by one consumer or by two during a rebalance: revision counts
 * add up in any order, a late revision leaves the head alone, and the entity's locked head row makes transactions of
 * one entity take turns.
 */
@ApplicationScoped
public class StatementAccounting {

    /** What became of an event. */
    public enum Outcome {
        APPLIED,
        DUPLICATE
    }

    private static final int PUT_CONCURRENCY = 8;

    private final Pool pool;
    private final RevisionLoader loader;
    private final StatementStore store;
    private final StatementRepository statements;
    private final BacklinkRepository backlinks;
    private final AccountingRepository accounting;
    private final WorkerPool workers;

    StatementAccounting(
            Pool pool,
            RevisionLoader loader,
            StatementStore store,
            StatementRepository statements,
            BacklinkRepository backlinks,
            AccountingRepository accounting,
            WorkerPool workers) {
        this.pool = pool;
        this.loader = loader;
        this.store = store;
        this.statements = statements;
        this.backlinks = backlinks;
        this.accounting = accounting;
        this.workers = workers;
    }

    /**
     * A second delivery of the event is found by its {@code processed_events} row in the transaction (a duplicate key
     * rolls it back), not by a query before: redeliveries are rare, and that query cost every event a round trip. The
     * statement objects a redelivery finds are all referenced already, so it PUTs nothing.
     */
    public Uni<Outcome> apply(EntityChangeEvent event) {
        return loader.load(event)
                .call(this::storeNewStatements)
                .flatMap(revision -> pool.withTransaction(c -> applyIn(c, event, revision)))
                .onFailure(SqlErrors::isDuplicateKey)
                .recoverWithItem(Outcome.DUPLICATE);
    }

    /**
     * PUTs the objects of addresses no revision references yet, before the transaction that makes them referenced:
     * a committed ref_count &gt; 0 always has its object.
     */
    private Uni<Void> storeNewStatements(RevisionStatements revision) {
        if (revision.statements().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> hashes = new ArrayList<>(revision.statements().keySet());
        return statements.referenced(pool, hashes).flatMap(known -> {
            List<String> missing =
                    hashes.stream().filter(h -> !known.contains(h)).toList();
            if (missing.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return Multi.createFrom()
                    .iterable(missing)
                    .onItem()
                    .transformToUni(hash -> workers.run(() -> {
                        store.putBlocking(hash, revision.statements().get(hash).json());
                        return hash;
                    }))
                    .merge(PUT_CONCURRENCY)
                    .collect()
                    .last()
                    .replaceWithVoid();
        });
    }

    private Uni<Outcome> applyIn(SqlConnection c, EntityChangeEvent event, RevisionStatements revision) {
        Instant now = Instant.now();
        return ProcessedEvents.markProcessed(c, event.eventId(), now)
                // the entity's head row first: transactions of one entity wait here, before they lock statement rows
                .flatMap(ignored -> accounting.lockHead(c, event.entityId(), now))
                .flatMap(head -> accounting.markSeen(c, event, now).flatMap(firstTime -> {
                    if (!firstTime) {
                        return Uni.createFrom().item(Outcome.APPLIED); // this revision was counted already
                    }
                    // address order: concurrent transactions lock shared statement rows in one order
                    Map<String, String> properties = new TreeMap<>();
                    revision.statements().forEach((hash, content) -> properties.put(hash, content.property()));
                    return statements
                            .addReferences(c, properties, now)
                            .flatMap(x -> head >= event.revisionId()
                                    ? Uni.createFrom().item(Outcome.APPLIED) // late: the head moved on already
                                    : moveHead(c, event, revision, now).replaceWith(Outcome.APPLIED));
                }));
    }

    /**
     * Moves the entity's head to the event's revision. An edit that leaves the statements alone (most edits: terms,
     * sitelinks) writes only the head row; otherwise only the addresses that changed are written, and the backlinks
     * only when the set of addresses changed (they follow from the statements).
     */
    private Uni<Void> moveHead(SqlConnection c, EntityChangeEvent event, RevisionStatements revision, Instant now) {
        String entity = event.entityId();
        return accounting.headStatements(c, entity).flatMap(before -> {
            Uni<Void> moved = Uni.createFrom().voidItem();
            if (!before.equals(revision.occurrences())) {
                HeadDiff diff = HeadDiff.of(before, revision.occurrences());
                moved = statements
                        .adjustHeads(c, diff.added(), diff.removed(), now)
                        .flatMap(x -> accounting.updateHeadStatements(c, entity, before, revision.occurrences()))
                        .flatMap(x -> diff.isEmpty()
                                ? Uni.createFrom().voidItem()
                                : backlinks.replace(c, entity, revision.backlinks()));
            }
            return moved.flatMap(x -> accounting.setHead(c, entity, event.revisionId(), now));
        });
    }
}
