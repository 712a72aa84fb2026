package org.entitybase.entity.service.write;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

import org.entitybase.entity.config.EntityServiceConfig;
import org.entitybase.entity.events.OutboxRelay;
import org.entitybase.entity.repository.EntityHeadRepository;
import org.entitybase.entity.repository.EntityTermRepository;
import org.entitybase.entity.repository.IdempotencyRepository;
import org.entitybase.entity.repository.IdempotencyRepository.StoredAnswer;
import org.entitybase.entity.repository.LexemeTermRepository;
import org.entitybase.entity.repository.MetadataRepository;
import org.entitybase.entity.repository.OutboxRepository;
import org.entitybase.entity.repository.RedirectRepository;
import org.entitybase.entity.repository.RevisionRepository;
import org.entitybase.entity.repository.RevisionRow;
import org.entitybase.entity.repository.SitelinkRepository;
import org.entitybase.entity.service.EditContext;
import org.entitybase.entity.service.EditResult;
import org.entitybase.entity.service.IdempotencyKeyTaken;
import org.entitybase.entity.service.IdempotentRequest;
import org.entitybase.entity.service.RevisionTimestamps;
import org.entitybase.model.id.EntityId;
import org.entitybase.runtime.rest.ApiException;
import org.entitybase.runtime.sql.SqlErrors;
import org.entitybase.runtime.worker.WorkerPool;

/**
 * Write stage "commit" (docs/ENTITY-STORAGE.md "Write path"): the store stage's PUT, then one transaction that
 * compare-and-sets the head (or inserts it), inserts the revision row, keeps the redirect, sitelink, lexeme term, entity
 * term and protection rows, inserts the entity_change outbox row and the answer under the request's {@code Idempotency-Key}.
 * Commit = acknowledged.
 */
@ApplicationScoped
public class CommitStage {

    /** The entity_change payload of a revision row (built where the events are: service/EntityChangeEvents). */
    @FunctionalInterface
    public interface ChangeEvent {
        String payload(RevisionRow row, Commit commit);
    }

    private final Pool pool;
    private final StoreStage store;
    private final EntityHeadRepository heads;
    private final RevisionRepository revisions;
    private final RedirectRepository redirects;
    private final SitelinkRepository sitelinks;
    private final LexemeTermRepository lexemeTerms;
    private final EntityTermRepository entityTerms;
    private final MetadataRepository metadata;
    private final OutboxRepository outbox;
    private final IdempotencyRepository idempotency;
    private final OutboxRelay relay;
    private final int maxAttempts;
    private final Timer timer;
    /** Client edits and creates (null: group commit of client writes is off). */
    private final Groups writeGroups;
    /** New entities of imports. */
    private final Groups importGroups;

    CommitStage(
            Pool pool,
            StoreStage store,
            EntityHeadRepository heads,
            RevisionRepository revisions,
            RedirectRepository redirects,
            SitelinkRepository sitelinks,
            LexemeTermRepository lexemeTerms,
            EntityTermRepository entityTerms,
            MetadataRepository metadata,
            OutboxRepository outbox,
            IdempotencyRepository idempotency,
            OutboxRelay relay,
            EntityServiceConfig config,
            MeterRegistry registry) {
        this.pool = pool;
        this.store = store;
        this.heads = heads;
        this.revisions = revisions;
        this.redirects = redirects;
        this.sitelinks = sitelinks;
        this.lexemeTerms = lexemeTerms;
        this.entityTerms = entityTerms;
        this.metadata = metadata;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.relay = relay;
        this.maxAttempts = Math.max(1, config.write().maxAttempts());
        this.timer = WriteStages.timer(registry, "commit");
        this.writeGroups = config.write().groupCommit()
                ? new Groups(config.write().groupCommitMax(), config.write().groupTransactions(), "write", registry)
                : null;
        this.importGroups =
                new Groups(config.imports().groupCommitMax(), config.imports().groupTransactions(), "import", registry);
    }

    /**
     * Stores the pack (if new), then commits; the item is {@code outcome} of the commit time, also the result whose
     * answer the transaction stores under the request's {@code Idempotency-Key} (if it has one). With {@code
     * write.group-commit} the transaction is shared with the concurrent commits of other entities (docs/DECISIONS.md
     * "Group commit of client writes"); each still fails or succeeds as it would alone.
     *
     * @throws HeadMoved (as the failure) when another edit moved the head since it was read
     */
    public Uni<EditResult> commit(Commit commit, Function<Instant, EditResult> outcome, ChangeEvent event) {
        if (writeGroups != null) {
            return inGroup(writeGroups, commit, outcome, event);
        }
        return store.store(commit)
                .flatMap(ignored -> WriteStages.timed(timer, transaction(commit, outcome, event)))
                .invoke(relay::wake);
    }

    /**
     * {@link #commit}, sharing the transaction with other grouped commits (group commit, docs/DECISIONS.md "Group
     * commit of imports"): the commit joins the queue while its pack is PUT (see {@link #inGroup});
     * while {@code group-transactions} group transactions run the next group gathers, and commits in one transaction
     * and one fsync when one of them is done. The item comes when the group has committed: nothing is acknowledged
     * before it is durable. A group whose transaction fails (a duplicate id, a sitelink taken, a deadlock) is committed again one by one, so
     * each commit fails or succeeds as {@link #commit} would. For creates only: an edit's head compare-and-set is
     * retried from a new read of the head by its caller, which a group cannot do for it.
     */
    public Uni<EditResult> commitGrouped(Commit commit, Function<Instant, EditResult> outcome, ChangeEvent event) {
        if (commit.parentRevisionId() != null) {
            throw new IllegalArgumentException("only a create is committed in a group: " + commit.id());
        }
        return inGroup(importGroups, commit, outcome, event);
    }

    /**
     * The pack's PUT starts at once and runs beside the group's statements: the group commits only once the PUTs of
     * all its members are done, so a revision row is never visible before its pack, and a PUT that fails fails the
     * group (committed again one by one: that member then fails as it would alone).
     */
    private Uni<EditResult> inGroup(
            Groups groups, Commit commit, Function<Instant, EditResult> outcome, ChangeEvent event) {
        return Uni.createFrom()
                .deferred(() -> {
                    Uni<Void> stored = store.store(commit).memoize().indefinitely();
                    stored.subscribe().with(ignored -> {}, ignored -> {}); // its failure is the member's
                    return WorkerPool.onCallerContext(Uni.createFrom()
                            .<EditResult>emitter(
                                    emitter -> groups.add(new Grouped(commit, stored, outcome, event, emitter))));
                })
                .invoke(relay::wake);
    }

    /** A commit waiting for its group, its pack's PUT (under way), and whom to tell. */
    private record Grouped(
            Commit commit,
            Uni<Void> stored,
            Function<Instant, EditResult> outcome,
            ChangeEvent event,
            UniEmitter<? super EditResult> emitter) {}

    /**
     * The queue of grouped commits, and the group transactions running (at most {@code maxTransactions}): a commit
     * that finds one free starts a group at once (no wait at low load); else it waits for the next group, gathered
     * while the running ones commit (leader/follower).
     */
    private final class Groups {
        private final ArrayDeque<Grouped> queue = new ArrayDeque<>();
        private final int maxGroup;
        private final int maxTransactions;
        private final DistributionSummary sizes;
        private int running;

        Groups(int maxGroup, int maxTransactions, String kind, MeterRegistry registry) {
            this.maxGroup = Math.max(1, maxGroup);
            this.maxTransactions = Math.max(1, maxTransactions);
            this.sizes = DistributionSummary.builder("entitybase.write.group.size")
                    .description("commits per group transaction (group commit of client writes and of imports)")
                    .tag("kind", kind)
                    .register(registry);
        }

        void add(Grouped grouped) {
            synchronized (this) {
                queue.add(grouped);
                if (running >= maxTransactions) {
                    return;
                }
                running++;
            }
            next();
        }

        private void next() {
            List<Grouped> group = new ArrayList<>();
            synchronized (this) {
                // one commit per entity in a group: a second one of the same entity (its next revision, from another
                // request path) waits for the next group, so per-entity order holds
                Set<EntityId> ids = new HashSet<>();
                for (Iterator<Grouped> it = queue.iterator(); it.hasNext() && group.size() < maxGroup; ) {
                    Grouped next = it.next();
                    if (ids.add(next.commit().id())) {
                        group.add(next);
                        it.remove();
                    }
                }
                if (group.isEmpty()) {
                    running--;
                    return;
                }
            }
            // rows locked in one order by every group: two groups never wait on each other crosswise
            group.sort(Comparator.comparing(g -> g.commit().id()));
            sizes.record(group.size());
            WriteStages.timed(timer, pool.withTransaction(connection -> inOneTransaction(connection, group)))
                    .subscribe()
                    .with(
                            results -> {
                                for (int i = 0; i < group.size(); i++) {
                                    group.get(i).emitter().complete(results.get(i));
                                }
                                next();
                            },
                            failure -> {
                                for (Grouped alone : group) {
                                    alone.stored()
                                            .flatMap(ignored ->
                                                    transaction(alone.commit(), alone.outcome(), alone.event()))
                                            .subscribe()
                                            .with(alone.emitter()::complete, alone.emitter()::fail);
                                }
                                next();
                            });
        }

        /**
         * Every member's statements at once on the group's connection: pipelined (the pool's {@code pipelining-limit}),
         * so a group takes about the round trips of one commit, not of all; each then waits for its PUT; the results
         * in the group's order.
         */
        private Uni<List<EditResult>> inOneTransaction(SqlConnection connection, List<Grouped> group) {
            List<Uni<EditResult>> members = new ArrayList<>(group.size());
            for (Grouped g : group) {
                members.add(inTransaction(connection, g.commit(), g.outcome(), g.event())
                        .call(ignored -> g.stored()));
            }
            return Uni.join().all(members).andCollectFailures();
        }
    }

    /**
     * A create has no head to read again: its transaction alone is retried on a transient failure (same id, same
     * pack). An edit's is retried by the caller from a new read of the head.
     */
    private Uni<EditResult> transaction(Commit commit, Function<Instant, EditResult> outcome, ChangeEvent event) {
        Supplier<Uni<EditResult>> attempt =
                () -> pool.withTransaction(connection -> inTransaction(connection, commit, outcome, event));
        return commit.parentRevisionId() == null
                ? DatabaseRetry.retried("create of " + commit.id(), maxAttempts, attempt)
                : attempt.get();
    }

    private Uni<EditResult> inTransaction(
            SqlConnection connection, Commit c, Function<Instant, EditResult> outcome, ChangeEvent event) {
        Instant at = RevisionTimestamps.now();
        // an imported entity keeps its dump's time (export -> import -> export gives the same dump); the head's and
        // the outbox row's times stay the commit's
        Instant revisionAt = c.revisionTime() != null ? c.revisionTime() : at;
        EditContext context = c.context();
        Placement placement = c.placement();
        RevisionRow row = new RevisionRow(
                c.id(),
                c.revisionId(),
                c.parentRevisionId(),
                placement.content(),
                placement.checkpoint(),
                placement.checkpointRevisionId(),
                context.userId(),
                context.summary() == null ? "" : context.summary(),
                c.changeType(),
                c.redirectTarget(),
                revisionAt,
                c.size());
        // the head first: a concurrent edit of the same entity waits here and then finds the head moved
        Uni<Void> head = c.parentRevisionId() == null
                ? heads.insert(connection, c.id(), c.revisionId(), c.datatype(), at)
                        .onFailure(SqlErrors::isDuplicateKey)
                        .transform(failure -> new ApiException(
                                409,
                                "entity-exists",
                                "entity " + c.id() + " exists already",
                                Map.of("id", c.id().value())))
                : heads.compareAndSet(
                                connection,
                                c.id(),
                                c.parentRevisionId(),
                                c.revisionId(),
                                c.deleted(),
                                c.redirectTarget(),
                                at)
                        .invoke(moved -> {
                            if (!moved) {
                                throw new HeadMoved();
                            }
                        })
                        .replaceWithVoid();
        String payload = event.payload(row, c);
        return head.flatMap(ignored -> revisions.insert(connection, row))
                .flatMap(ignored -> redirectRow(connection, c, at))
                .flatMap(ignored -> sitelinks.replace(
                        connection, c.id(), c.before().sitelinks(), c.after().sitelinks()))
                .flatMap(ignored -> c.after().lexemeTerms() == null
                        ? Uni.createFrom().voidItem()
                        : lexemeTerms.replace(
                                connection,
                                c.id(),
                                c.before().lexemeTerms(),
                                c.after().lexemeTerms()))
                .flatMap(ignored -> c.after().entityTerms() == null
                        ? Uni.createFrom().voidItem()
                        : entityTerms.replace(
                                connection,
                                c.id(),
                                c.before().entityTerms(),
                                c.after().entityTerms()))
                .flatMap(ignored -> c.protection() == null
                        ? Uni.createFrom().voidItem()
                        : metadata.save(connection, c.id(), c.protection(), at))
                .flatMap(ignored -> outbox.insert(connection, c.id().value(), payload, at))
                .map(ignored -> outcome.apply(revisionAt))
                .call(result -> rememberAnswer(connection, c, result, at));
    }

    /**
     * The answer under the request's {@code Idempotency-Key}, in the commit's transaction: an acknowledged write and
     * its key are atomic. A concurrent request with the same key waits here for the first to commit, then fails with
     * a duplicate key, its whole transaction rolled back: {@link IdempotencyKeyTaken}, answered with the first answer.
     */
    private Uni<Void> rememberAnswer(SqlConnection connection, Commit c, EditResult result, Instant at) {
        IdempotentRequest request = c.context().idempotency();
        if (request == null) {
            return Uni.createFrom().voidItem();
        }
        IdempotentRequest.Answer answer = request.answer().apply(result);
        return idempotency
                .insert(
                        connection,
                        c.context().userId(),
                        request.key(),
                        new StoredAnswer(
                                request.requestHash(),
                                c.id().value(),
                                c.revisionId(),
                                answer.status(),
                                answer.headers(),
                                answer.body(),
                                at))
                .onFailure(SqlErrors::isDuplicateKey)
                .transform(failure -> new IdempotencyKeyTaken(request.key()));
    }

    private Uni<Void> redirectRow(SqlConnection connection, Commit c, Instant at) {
        if (c.redirectTarget() != null) {
            return redirects.set(connection, c.id(), c.redirectTarget(), c.revisionId(), at);
        }
        return c.clearsRedirect()
                ? redirects.remove(connection, c.id())
                : Uni.createFrom().voidItem();
    }
}
