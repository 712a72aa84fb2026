package org.entitybase.entity.service;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.entity.config.EntityServiceConfig;
import org.entitybase.entity.ids.EntityIdSource;
import org.entitybase.entity.repository.EntityHeadRepository;
import org.entitybase.entity.repository.EntityTermRepository.EntityTerm;
import org.entitybase.entity.repository.HeadRow;
import org.entitybase.entity.repository.LexemeTermRepository.LexemeTerm;
import org.entitybase.entity.repository.Protection;
import org.entitybase.entity.repository.RevisionRepository;
import org.entitybase.entity.repository.RevisionRow;
import org.entitybase.entity.service.EditContext.ExpectationSource;
import org.entitybase.entity.service.EntityPreparer.Mode;
import org.entitybase.entity.service.write.Commit;
import org.entitybase.entity.service.write.Commit.Indexes;
import org.entitybase.entity.service.write.CommitStage;
import org.entitybase.entity.service.write.DatabaseRetry;
import org.entitybase.entity.service.write.HeadMoved;
import org.entitybase.entity.service.write.PlaceStage;
import org.entitybase.entity.service.write.Placement;
import org.entitybase.entity.service.write.WriteStages;
import org.entitybase.model.content.EntitySplitter;
import org.entitybase.model.content.SplitEntity;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.entity.Property;
import org.entitybase.model.error.WikibaseJsonException;
import org.entitybase.model.event.ChangeType;
import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.json.WikibaseJsonWriter;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.pack.StoredRevision;
import org.entitybase.model.statement.Statement;
import org.entitybase.runtime.rest.ApiException;
import org.entitybase.runtime.sql.SqlErrors;
import org.entitybase.runtime.storage.RevisionStore;
import org.entitybase.runtime.worker.WorkerPool;

/**
 * Every change of an entity (docs/ENTITY-STORAGE.md "Write path"): validate, take an id, split, PUT one pack, then
 * one transaction that compare-and-sets the head, inserts the revision row, keeps the sitelink and redirect tables
 * and inserts the entity_change outbox row. Commit = acknowledged; a failure before it leaves at most an orphan pack.
 *
 * <p>An edit whose head moved meanwhile fails with 412 ({@code If-Match}) or 409 ({@code X-Base-Revision-ID}) when
 * the client stated what it edits; otherwise it is re-applied to the new head, so concurrent edits of different parts
 * all land.
 */
@ApplicationScoped
public class EntityWriteService implements EntityEditor {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(2);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(100);

    private final Pool pool;
    private final EntityHeadRepository heads;
    private final RevisionRepository revisions;
    private final RevisionStore contents;
    private final WorkerPool workers;
    private final EntityIdSource ids;
    private final PropertyDatatypes datatypes;
    private final PlaceStage placing;
    private final CommitStage commits;
    private final long maxEntityBytes;
    private final int maxAttempts;
    private final boolean groupCommit;
    private final Timer prepareTimer;
    private final EntityEditQueue queue = new EntityEditQueue();
    private final EntitySplitter splitter = new EntitySplitter();
    private final WikibaseJsonWriter writer = new WikibaseJsonWriter();

    EntityWriteService(
            Pool pool,
            EntityHeadRepository heads,
            RevisionRepository revisions,
            RevisionStore contents,
            WorkerPool workers,
            EntityIdSource ids,
            PropertyDatatypes datatypes,
            PlaceStage placing,
            CommitStage commits,
            EntityServiceConfig config,
            MeterRegistry registry) {
        this.pool = pool;
        this.heads = heads;
        this.revisions = revisions;
        this.contents = contents;
        this.workers = workers;
        this.ids = ids;
        this.datatypes = datatypes;
        this.placing = placing;
        this.commits = commits;
        this.maxEntityBytes = config.write().maxEntitySize().asLongValue();
        this.maxAttempts = Math.max(1, config.write().maxAttempts());
        this.groupCommit = config.imports().groupCommit();
        this.prepareTimer = WriteStages.timer(registry, "prepare");
    }

    // ---------------------------------------------------------------- operations

    /** A new entity of {@code type} from a client's JSON (no {@code id}: the service assigns one). */
    public Uni<EditResult> create(EntityType type, byte[] body, EditContext context) {
        return parse(body, type, WikibaseJsonReader.strict()).flatMap(entity -> {
            if (entity.id() != null) {
                throw new ApiException(
                        400,
                        "id-not-allowed",
                        "a new entity gets its id from the service: leave out \"id\"",
                        Map.of("path", "id"));
            }
            return ids.next(type)
                    .flatMap(id -> writeContent(id, null, entity, context, ChangeType.CREATE, Mode.CLIENT));
        });
    }

    /**
     * Existing Wikibase JSON under its own id (dumps, fixtures, other wikis): created if new, else a new revision of
     * it. The id is reserved so the id source never hands it out. A mass edit (refused on mass_edit_protected).
     */
    public Uni<EditResult> importEntity(byte[] body, EditContext context) {
        return parseImport(body)
                .flatMap(entity -> ids.reserveUpTo(entity.id()).flatMap(reserved -> importEntity(entity, context)));
    }

    /**
     * An entity JSON to import, parsed and checked (400 without an id or of a type that cannot be imported). Bulk
     * import parses a part's lines with it, reserves the highest id per type once, then calls {@link
     * #importEntity(Entity, EditContext)} per entity.
     */
    public Uni<Entity> parseImport(byte[] body) {
        return parse(body, null, WikibaseJsonReader.lenient()).map(entity -> {
            EntityId id = entity.id();
            if (id == null) {
                throw new ApiException(
                        400,
                        "missing-field",
                        "an imported entity keeps its id: \"id\" is required",
                        Map.of("path", "id"));
            }
            if (id.type() != EntityType.ITEM && id.type() != EntityType.PROPERTY && id.type() != EntityType.LEXEME) {
                throw new ApiException(
                        400,
                        "unsupported-entity-type",
                        "only items, properties and lexemes can be imported",
                        Map.of("path", "type"));
            }
            return entity;
        });
    }

    /** Reserves ids up to {@code id} at the id source (see {@link EntityIdSource#reserveUpTo}). */
    public Uni<Void> reserveUpTo(EntityId id) {
        return ids.reserveUpTo(id);
    }

    /** The import of a parsed entity (from {@link #parseImport}) whose id the caller has reserved already. */
    public Uni<EditResult> importEntity(Entity entity, EditContext context) {
        EditContext mass = context.asMassEdit();
        EntityId id = entity.id();
        Uni<EditResult> asEdit = Uni.createFrom()
                .deferred(() -> change(id, mass, base -> {
                    requireLive(base.head());
                    return writeContent(id, base, entity, mass, ChangeType.EDIT, Mode.IMPORT);
                }));
        // a concurrent import created it first (two jobs of one dump): then this one is an edit of it, as if later
        return heads.find(pool, id)
                .flatMap(existing -> existing == null
                        ? writeContent(id, null, entity, mass, ChangeType.CREATE, Mode.IMPORT)
                                .onFailure(EntityWriteService::isEntityExists)
                                .recoverWithUni(failure -> asEdit)
                        : asEdit);
    }

    /** {@code PUT}: the entity becomes the client's JSON (whose {@code id}, if given, must be {@code id}). */
    public Uni<EditResult> replace(EntityId id, byte[] body, EditContext context) {
        return parse(body, id.type(), WikibaseJsonReader.strict()).flatMap(entity -> {
            if (entity.id() != null && !entity.id().equals(id)) {
                throw new ApiException(
                        400,
                        "entity-id-mismatch",
                        "the body is entity " + entity.id() + ", the path " + id,
                        Map.of("path", "id", "id", id.value()));
            }
            return edit(id, context, current -> entity);
        });
    }

    @Override
    public Uni<EditResult> edit(EntityId id, EditContext context, UnaryOperator<Entity> change) {
        return change(id, context, base -> {
            requireLive(base.head());
            Entity changed = change.apply(base.current().entity());
            return writeContent(id, base, changed, context, ChangeType.EDIT, Mode.CLIENT);
        });
    }

    /** A tombstone revision: the entity reads as 410 from now on; its history stays readable. */
    public Uni<EditResult> delete(EntityId id, EditContext context) {
        return change(id, context, base -> {
            HeadRow head = base.head();
            if (head.deleted()) {
                throw EntityErrors.deleted(id);
            }
            Commit commit = Commit.deletion(head, context, current(base), none(id));
            return commit(commit, at -> new EditResult(null, commit.revisionId(), false, false))
                    .invoke(() -> {
                        if (id.type() == EntityType.PROPERTY) {
                            datatypes.forget(id.value());
                        }
                    });
        });
    }

    /** A new revision with the content of {@code toRevisionId}; restores a deleted entity (change type undelete). */
    public Uni<EditResult> revert(EntityId id, long toRevisionId, EditContext context) {
        return change(id, context, base -> {
            HeadRow head = base.head();
            if (head.isRedirect()) {
                throw EntityErrors.redirected(id, head.redirectTarget());
            }
            return revisions.find(pool, id, toRevisionId).flatMap(target -> {
                if (target == null) {
                    throw EntityErrors.revisionNotFound(id, toRevisionId);
                }
                if (!target.hasContent()) {
                    throw EntityErrors.unprocessable(
                            "revision-not-revertible",
                            "revision " + toRevisionId + " is a "
                                    + target.changeType().jsonName() + " and has no content of its own",
                            Map.of("id", id.value(), "revision_id", toRevisionId));
                }
                if (!head.deleted() && target.content().equals(head.content())) {
                    return Uni.createFrom().item(nullEdit(base));
                }
                ChangeType changeType = head.deleted() ? ChangeType.UNDELETE : ChangeType.REVERT;
                return contents.load(target.content(), target.checkpoint()).flatMap(restored -> {
                    Entity kept = LexemeEdits.keepCounters(base.current().entity(), restored.entity());
                    if (kept != restored.entity()) {
                        // an older lexeme revision with lower form/sense counters: new content with the
                        // head's counters, so ids handed out since are not handed out again
                        return writeContent(id, base, kept, context, changeType, Mode.IMPORT);
                    }
                    return restore(
                            base,
                            target.content(),
                            target.checkpoint(),
                            target.checkpointRevisionId(),
                            target.size(),
                            restored,
                            changeType,
                            context);
                });
            });
        });
    }

    /** {@code from} becomes a redirect to {@code to} (same type, existing, not itself a redirect). */
    public Uni<EditResult> redirect(EntityId from, EntityId to, EditContext context) {
        if (from.equals(to)) {
            throw EntityErrors.unprocessable(
                    "invalid-redirect", "an entity cannot redirect to itself", Map.of("from", from.value()));
        }
        if (from.type() != to.type()) {
            throw EntityErrors.unprocessable(
                    "redirect-type-mismatch",
                    "a redirect joins two entities of one type, not " + from + " and " + to,
                    Map.of("from", from.value(), "to", to.value()));
        }
        return change(from, context, base -> {
            HeadRow head = base.head();
            if (head.deleted()) {
                throw EntityErrors.deleted(from);
            }
            if (head.isRedirect()) {
                if (head.redirectTarget().equals(to)) {
                    return Uni.createFrom().item(new EditResult(null, head.revisionId(), false, true));
                }
                throw EntityErrors.redirected(from, head.redirectTarget());
            }
            return heads.find(pool, to).flatMap(target -> {
                if (target == null) {
                    throw EntityErrors.notFound(to);
                }
                if (target.deleted()) {
                    throw EntityErrors.deleted(to);
                }
                if (target.isRedirect()) {
                    throw new ApiException(
                            409,
                            "redirect-chain",
                            to + " is itself a redirect to " + target.redirectTarget(),
                            Map.of(
                                    "to",
                                    to.value(),
                                    "redirect_target",
                                    target.redirectTarget().value()));
                }
                Commit commit = Commit.redirection(head, to, context, current(base), none(from));
                return commit(commit, at -> new EditResult(null, commit.revisionId(), false, false))
                        .invoke(() -> {
                            if (from.type() == EntityType.PROPERTY) {
                                datatypes.forget(from.value());
                            }
                        });
            });
        });
    }

    /** Undoes a redirect: the entity gets back the content it had before (change type unredirect). */
    public Uni<EditResult> revertRedirect(EntityId id, EditContext context) {
        return change(id, context, base -> {
            HeadRow head = base.head();
            if (head.deleted()) {
                throw EntityErrors.deleted(id);
            }
            if (!head.isRedirect()) {
                throw new ApiException(409, "not-a-redirect", id + " is not a redirect", Map.of("id", id.value()));
            }
            // a redirect revision keeps the content of its parent: that is what comes back
            return restore(
                    base,
                    head.content(),
                    head.checkpoint(),
                    head.checkpointRevisionId(),
                    head.size(),
                    base.current(),
                    ChangeType.UNREDIRECT,
                    context);
        });
    }

    /**
     * The entity's protection flags become {@code change(current)}: a revision of change type {@code protect} with the
     * head's content, its event, and the {@code metadata} row, in one transaction; unchanged flags are a null edit.
     * A locked entity takes no other protection change than its unlocking (423); anonymous users change no
     * protection (403 {@code anonymous-protection-change}); semi-protection does not stop registered users.
     */
    public Uni<ProtectionEdit> protect(EntityId id, UnaryOperator<Protection> change, EditContext context) {
        return change(id, context, false, base -> {
            HeadRow head = base.head();
            requireLive(head);
            if (context.userId() == 0) {
                throw new ApiException(
                        403,
                        "anonymous-protection-change",
                        "anonymous users cannot change the protection of " + id,
                        Map.of("id", id.value()));
            }
            Protection before = base.protection();
            Protection after = change.apply(before);
            if (after.equals(before)) {
                return Uni.createFrom().item(new ProtectionEdit(before, head.revisionId(), true));
            }
            if (before.locked() && after.locked()) {
                throw new ApiException(
                        423,
                        "entity-locked",
                        id + " is locked: unlock it (\"locked\": false) before any other change",
                        Map.of("id", id.value()));
            }
            Commit commit = Commit.protection(head, context, current(base), after);
            return commit(commit, at -> new EditResult(null, commit.revisionId(), false, false))
                    .map(result -> new ProtectionEdit(after, commit.revisionId(), false));
        });
    }

    /** The outcome of {@link #protect}: the flags now, the revision that set them, whether nothing changed. */
    public record ProtectionEdit(Protection protection, long revisionId, boolean nullEdit) {}

    // ---------------------------------------------------------------- stages

    /** What an edit starts from: the head (with its protection) and its content. */
    private record Base(HeadRow head, Protection protection, StoredRevision current) {}

    /** A stored entity ready to commit. */
    private record Prepared(Entity entity, SplitEntity split, int size) {}

    /**
     * Runs {@code attempt} on the current head of {@code id}, after any other edit of {@code id} in this instance
     * (see {@link EntityEditQueue}); when the head moves before the commit anyway (another instance, a deadlock), it
     * runs again on the new head, unless the client stated the revision it edits: then 412/409.
     */
    private Uni<EditResult> change(EntityId id, EditContext context, Function<Base, Uni<EditResult>> attempt) {
        return change(id, context, true, attempt);
    }

    /** {@code guarded} false: the protection flags are the attempt's to judge (a protection change). */
    private <T> Uni<T> change(EntityId id, EditContext context, boolean guarded, Function<Base, Uni<T>> attempt) {
        Uni<T> retried = Uni.createFrom()
                .deferred(() -> loadBase(id, context, guarded).flatMap(base -> attempt.apply(base)))
                .onFailure()
                .invoke(failure -> DatabaseRetry.logged("edit of " + id, failure))
                .onFailure(failure -> (failure instanceof HeadMoved && context.expectedRevision() == null)
                        || SqlErrors.isTransient(failure))
                .retry()
                .withBackOff(FIRST_BACKOFF, MAX_BACKOFF)
                .withJitter(0.5)
                .atMost(maxAttempts - 1L)
                .onFailure(HeadMoved.class)
                .transform(failure -> context.expectedRevision() != null
                        ? expectationFailed(id, context, null)
                        : new ApiException(
                                409,
                                "edit-conflict",
                                "entity " + id + " kept changing during this edit; try again",
                                Map.of("id", id.value(), "attempts", maxAttempts)))
                .onFailure(SqlErrors::isTransient)
                .transform(failure -> DatabaseRetry.busy("the edit of " + id, maxAttempts));
        return WorkerPool.onCallerContext(queue.enqueue(id, () -> retried));
    }

    private Uni<Base> loadBase(EntityId id, EditContext context, boolean guarded) {
        return heads.findForEdit(pool, id).flatMap(found -> {
            if (found == null) {
                throw EntityErrors.notFound(id);
            }
            HeadRow head = found.head();
            if (context.expectedRevision() != null && context.expectedRevision() != head.revisionId()) {
                throw expectationFailed(id, context, head.revisionId());
            }
            if (guarded) {
                checkProtection(id, found.protection(), context);
            }
            return contents.load(head.content(), head.checkpoint())
                    .map(current -> new Base(head, found.protection(), current));
        });
    }

    /** A new content revision of {@code id} from {@code proposed}; {@code base} is null for a create. */
    private Uni<EditResult> writeContent(
            EntityId id, Base base, Entity given, EditContext context, ChangeType changeType, Mode mode) {
        // form and sense ids once handed out stay taken, whatever this revision's JSON says (LexemeEdits)
        Entity proposed =
                base == null ? given : LexemeEdits.keepCounters(base.current().entity(), given);
        if (proposed.type() != id.type()) {
            throw new ApiException(
                    400,
                    "entity-type-mismatch",
                    "entity " + id + " is a " + id.type().jsonName() + ", not a "
                            + proposed.type().jsonName(),
                    Map.of("path", "type"));
        }
        if (mode == Mode.CLIENT) {
            EntityTerms.check(
                    base == null || !isLive(base.head()) ? null : base.current().entity(), proposed);
        }
        Set<String> properties = EntityPreparer.referencedProperties(proposed);
        return datatypes
                .of(properties)
                .flatMap(known -> WriteStages.timed(
                        prepareTimer,
                        workers.run(() -> prepare(
                                id,
                                proposed,
                                known,
                                mode,
                                base == null || !isLive(base.head())
                                        ? Set.of()
                                        : EntityPreparer.statements(
                                                base.current().entity())))))
                .flatMap(prepared -> {
                    HeadRow head = base == null ? null : base.head();
                    if (head != null) {
                        checkDatatypeUnchanged(head, prepared.entity());
                        if (isLive(head) && prepared.split().revision().equals(head.content())) {
                            return Uni.createFrom().item(nullEdit(base));
                        }
                    }
                    long revisionId = head == null ? 1 : head.revisionId() + 1;
                    return placing.place(id, head, prepared.split(), revisionId).flatMap(placement -> {
                        StoredRevision stored = contents.remember(prepared.split(), prepared.entity());
                        String datatype = prepared.entity() instanceof Property p ? p.datatype() : null;
                        Indexes after = indexes(id, prepared.entity(), stored.statements());
                        Commit commit = head == null
                                ? created(
                                        Commit.create(
                                                id, context, placement, prepared.size(), datatype, none(id), after),
                                        given,
                                        mode)
                                : Commit.newContent(
                                        head,
                                        changeType,
                                        context,
                                        placement,
                                        prepared.size(),
                                        datatype,
                                        current(base),
                                        after);
                        Function<Instant, EditResult> outcome = at -> new EditResult(
                                withRevision(prepared.entity(), revisionId, at), revisionId, head == null, false);
                        // an imported new entity shares a transaction with others; every other write has its own
                        Uni<EditResult> committed = head == null && mode == Mode.IMPORT && groupCommit
                                ? commits.commitGrouped(commit, outcome, EntityWriteService::changeEvent)
                                : commit(commit, outcome);
                        return committed.invoke(() -> {
                            if (commit.datatype() != null) {
                                datatypes.remember(id.value(), commit.datatype());
                            }
                        });
                    });
                });
    }

    /**
     * An imported entity's first revision is dated as the dump has it ({@code modified}, to the second), so that an
     * export imported elsewhere exports the same; a time to come or none is the commit's.
     */
    private static Commit created(Commit commit, Entity given, Mode mode) {
        String modified = given.page() == null ? null : given.page().modified();
        if (mode != Mode.IMPORT || modified == null) {
            return commit;
        }
        try {
            Instant time = Instant.parse(modified);
            return time.isAfter(Instant.now()) ? commit : commit.datedAt(time);
        } catch (DateTimeParseException e) {
            return commit;
        }
    }

    /** A revision whose content exists already (revert, undelete, unredirect): no split, no PUT. */
    private Uni<EditResult> restore(
            Base base,
            ContentAddress content,
            ContentAddress checkpoint,
            long checkpointRevisionId,
            int size,
            StoredRevision restored,
            ChangeType changeType,
            EditContext context) {
        HeadRow head = base.head();
        Commit commit = Commit.restoring(
                head,
                changeType,
                context,
                Placement.existing(content, checkpoint, checkpointRevisionId),
                size,
                current(base),
                indexes(head.id(), restored.entity(), restored.statements()));
        return commit(
                        commit,
                        at -> new EditResult(
                                withRevision(restored.entity(), commit.revisionId(), at),
                                commit.revisionId(),
                                false,
                                false))
                .invoke(() -> {
                    if (restored.entity() instanceof Property p) {
                        datatypes.remember(head.id().value(), p.datatype());
                    }
                });
    }

    private Uni<Entity> parse(byte[] body, EntityType type, WikibaseJsonReader reader) {
        if (body == null || body.length == 0) {
            throw new ApiException(400, "missing-body", "the request needs an entity JSON body");
        }
        if (body.length > maxEntityBytes) {
            throw EntityErrors.tooLarge(body.length, maxEntityBytes);
        }
        return workers.run(() -> {
            try {
                return reader.readEntity(body, type);
            } catch (WikibaseJsonException e) {
                throw EntityErrors.invalidJson(e);
            }
        });
    }

    /** CPU-heavy: runs on the worker pool. */
    private Prepared prepare(
            EntityId id, Entity proposed, Map<String, String> known, Mode mode, Set<Statement> stored) {
        Entity entity = EntityPreparer.prepare(proposed, id, known, mode, stored);
        int size = (int) writer.size(entity);
        if (size > maxEntityBytes) {
            throw EntityErrors.tooLarge(size, maxEntityBytes);
        }
        return new Prepared(entity, splitter.split(entity), size);
    }

    /** The commit stage, with this service's entity_change events. */
    private Uni<EditResult> commit(Commit commit, Function<Instant, EditResult> outcome) {
        return commits.commit(commit, outcome, EntityWriteService::changeEvent);
    }

    private static String changeEvent(RevisionRow row, Commit commit) {
        return EntityChangeEvents.payload(EntityChangeEvents.of(
                row,
                commit.id().type(),
                commit.before().statements(),
                commit.after().statements()));
    }

    // ---------------------------------------------------------------- rules

    /** The {@code lexeme_terms} rows of {@code entity} (null: a delete or redirect: none); null for other types. */
    private static List<LexemeTerm> lexemeTerms(EntityId id, Entity entity) {
        if (id.type() != EntityType.LEXEME) {
            return null;
        }
        List<LexemeTerm> rows = new ArrayList<>();
        if (entity instanceof Lexeme lexeme) {
            lexeme.lemmas()
                    .forEach((language, term) -> rows.add(new LexemeTerm(
                            LexemeTerm.LEMMA, id.value(), language, term.value(), lexeme.lexicalCategory())));
            for (Form form : lexeme.forms()) {
                if (form.id() == null) {
                    continue;
                }
                form.representations()
                        .forEach((language, term) -> rows.add(new LexemeTerm(
                                LexemeTerm.REPRESENTATION,
                                form.id().value(),
                                language,
                                term.value(),
                                lexeme.lexicalCategory())));
            }
        }
        return rows;
    }

    /**
     * The {@code entity_terms} rows of {@code entity} (null: a delete or redirect: none); null for types other than
     * items and properties.
     */
    private static List<EntityTerm> entityTerms(EntityId id, Entity entity) {
        if (id.type() != EntityType.ITEM && id.type() != EntityType.PROPERTY) {
            return null;
        }
        return entity == null ? List.of() : EntityTerms.rows(EntityTerms.of(entity));
    }

    /** The index rows and statements of the head: none unless it is live. */
    private static Indexes current(Base base) {
        HeadRow head = base.head();
        return isLive(head)
                ? indexes(head.id(), base.current().entity(), base.current().statements())
                : none(head.id());
    }

    /** The index rows of an entity that is deleted or a redirect. */
    private static Indexes none(EntityId id) {
        return new Indexes(Map.of(), Set.of(), lexemeTerms(id, null), entityTerms(id, null));
    }

    private static Indexes indexes(EntityId id, Entity entity, Set<String> statements) {
        return new Indexes(
                EntityPreparer.sitelinkTitles(entity), statements, lexemeTerms(id, entity), entityTerms(id, entity));
    }

    private static boolean isEntityExists(Throwable failure) {
        return failure instanceof ApiException api && "entity-exists".equals(api.code());
    }

    private static boolean isLive(HeadRow head) {
        return !head.deleted() && !head.isRedirect();
    }

    private static void requireLive(HeadRow head) {
        if (head.deleted()) {
            throw EntityErrors.deleted(head.id());
        }
        if (head.isRedirect()) {
            throw EntityErrors.redirected(head.id(), head.redirectTarget());
        }
    }

    private static void checkProtection(EntityId id, Protection protection, EditContext context) {
        if (protection.locked()) {
            throw new ApiException(423, "entity-locked", id + " is locked: no edits", Map.of("id", id.value()));
        }
        if (protection.massEditProtected() && context.massEdit()) {
            throw new ApiException(
                    423,
                    "mass-edit-protected",
                    id + " is protected from batch and import edits",
                    Map.of("id", id.value()));
        }
        if (protection.semiProtected() && context.userId() == 0) {
            throw new ApiException(
                    403,
                    "semi-protected",
                    id + " is semi-protected: anonymous users cannot edit it",
                    Map.of("id", id.value()));
        }
        if (protection.semiProtected() && context.notAutoconfirmed()) {
            throw new ApiException(
                    403,
                    "semi-protected",
                    id + " is semi-protected: user " + context.userId()
                            + " is not autoconfirmed yet (account age and edit count)",
                    Map.of("id", id.value(), "user", context.userId()));
        }
    }

    private static void checkDatatypeUnchanged(HeadRow head, Entity entity) {
        if (head.datatype() != null
                && entity instanceof Property p
                && !head.datatype().equals(p.datatype())) {
            throw EntityErrors.unprocessable(
                    "datatype-immutable",
                    "property " + head.id() + " has datatype " + head.datatype() + " for good",
                    Map.of("path", "datatype", "datatype", head.datatype()));
        }
    }

    private static ApiException expectationFailed(EntityId id, EditContext context, Long current) {
        Map<String, Object> details = current == null
                ? Map.of("id", id.value(), "expected_revision_id", context.expectedRevision())
                : Map.of("id", id.value(), "expected_revision_id", context.expectedRevision(), "revision_id", current);
        String message = "entity " + id + " is no longer at revision " + context.expectedRevision();
        return context.expectationSource() == ExpectationSource.IF_MATCH
                ? new ApiException(412, "precondition-failed", message, details)
                : new ApiException(409, "edit-conflict", message, details);
    }

    private EditResult nullEdit(Base base) {
        HeadRow head = base.head();
        return new EditResult(
                withRevision(base.current().entity(), head.revisionId(), head.createdAt()),
                head.revisionId(),
                false,
                true);
    }

    /** {@link #withRevision}, for routes that show a stored revision. */
    public static Entity asOfRevision(Entity entity, long revisionId, Instant createdAt) {
        return withRevision(entity, revisionId, createdAt);
    }

    /** The entity as clients see it: with the revision's {@code lastrevid} and {@code modified}. */
    static Entity withRevision(Entity entity, long revisionId, Instant createdAt) {
        return entity.withPage(entity.page().withRevision(revisionId, RevisionTimestamps.iso(createdAt)));
    }
}
