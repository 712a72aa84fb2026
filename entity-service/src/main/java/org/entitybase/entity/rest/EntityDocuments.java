package org.entitybase.entity.rest;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.service.EntityJsonCache;
import org.entitybase.entity.service.EntityReadService;
import org.entitybase.entity.service.EntityWriteService;
import org.entitybase.entity.service.LexemeEdits;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;

/**
 * One entity's JSON (or a form's or sense's, or where its redirect points) now or at a revision, as bytes ready to
 * be put in Wikidata's envelopes (Special:EntityData, wbgetentities). Missing and deleted entities fail as the
 * read service says (404, 410).
 */
@ApplicationScoped
class EntityDocuments {

    /** What an id names: its JSON, or the id its redirect points to. */
    sealed interface Document permits Found, Redirected {}

    record Found(byte[] json, long revisionId, Instant createdAt) implements Document {}

    record Redirected(EntityId target) implements Document {}

    private final EntityReadService reads;
    private final EntityJsonCache entityJson;

    EntityDocuments(EntityReadService reads, EntityJsonCache entityJson) {
        this.reads = reads;
        this.entityJson = entityJson;
    }

    /** {@code id} now ({@code revision} null) or at {@code revision}. */
    Uni<Document> load(EntityId id, Long revision) {
        if (id.type() == EntityType.FORM || id.type() == EntityType.SENSE) {
            return part(id, revision);
        }
        if (revision == null) {
            return reads.current(id)
                    .map(head -> head.redirectTarget() != null
                            ? new Redirected(head.redirectTarget())
                            : new Found(
                                    entityJson.json(head.stored(), head.revisionId(), head.createdAt()),
                                    head.revisionId(),
                                    head.createdAt()));
        }
        return reads.revision(id, revision)
                .map(view -> view.stored() == null
                        ? new Redirected(view.row().redirectTarget())
                        : new Found(
                                entityJson.json(
                                        view.stored(), revision, view.row().createdAt()),
                                revision,
                                view.row().createdAt()));
    }

    private Uni<Document> part(EntityId part, Long revision) {
        EntityId lexeme = LexemeEdits.lexemeOf(part);
        if (revision == null) {
            return reads.current(lexeme)
                    .map(head -> head.redirectTarget() != null
                            ? new Redirected(LexemeParts.partOf(head.redirectTarget(), part, lexeme))
                            : partJson(head.entity(), part, head.revisionId(), head.createdAt()));
        }
        return reads.revision(lexeme, revision).map(view -> {
            if (view.stored() == null) {
                return new Redirected(LexemeParts.partOf(view.row().redirectTarget(), part, lexeme));
            }
            Instant createdAt = view.row().createdAt();
            Entity entity = EntityWriteService.asOfRevision(view.stored().entity(), revision, createdAt);
            return partJson(entity, part, revision, createdAt);
        });
    }

    private static Found partJson(Entity lexeme, EntityId part, long revisionId, Instant createdAt) {
        return new Found(SubResources.bytes(LexemeParts.json(lexeme, part)), revisionId, createdAt);
    }
}
