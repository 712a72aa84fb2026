package org.entitybase.entity.service.write;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

import org.entitybase.entity.config.EntityServiceConfig;
import org.entitybase.entity.events.OutboxRelay;
import org.entitybase.entity.repository.EntityHeadRepository;
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
import org.entitybase.runtime.rest.ApiException;
import org.entitybase.runtime.sql.SqlErrors;

/**
 * Write stage "commit" (docs/ENTITY-STORAGE.md "Write path"): the store stage's PUT, then one transaction that
 * compare-and-sets the head (or inserts it), inserts the revision row, keeps the redirect, sitelink, lexeme term and
 * protection rows, inserts the entity_change outbox row and the answer under the request's {@code Idempotency-Key}.
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
    private final MetadataRepository metadata;
    private final OutboxRepository outbox;
    private final IdempotencyRepository idempotency;
    private final OutboxRelay relay;
    private final int maxAttempts;
    private final Timer timer;

    CommitStage(
            Pool pool,
            StoreStage store,
            EntityHeadRepository heads,
            RevisionRepository revisions,
            RedirectRepository redirects,
            SitelinkRepository sitelinks,
            LexemeTermRepository lexemeTerms,
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
        this.metadata = metadata;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.relay = relay;
        this.maxAttempts = Math.max(1, config.write().maxAttempts());
        this.timer = WriteStages.timer(registry, "commit");
    }

    /**
     * Stores the pack (if new), then commits; the item is {@code outcome} of the commit time, also the result whose
     * answer the transaction stores under the request's {@code Idempotency-Key} (if it has one).
     *
     * @throws HeadMoved (as the failure) when another edit moved the head since it was read
     */
    public Uni<EditResult> commit(Commit commit, Function<Instant, EditResult> outcome, ChangeEvent event) {
        return store.store(commit)
                .flatMap(ignored -> WriteStages.timed(timer, transaction(commit, outcome, event)))
                .invoke(relay::wake);
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
                at,
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
                .flatMap(ignored -> c.protection() == null
                        ? Uni.createFrom().voidItem()
                        : metadata.save(connection, c.id(), c.protection(), at))
                .flatMap(ignored -> outbox.insert(connection, c.id().value(), payload, at))
                .map(ignored -> outcome.apply(at))
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
