package org.entitybase.entity.service.write;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entitybase.entity.repository.EntityTermRepository.EntityTerm;
import org.entitybase.entity.repository.HeadRow;
import org.entitybase.entity.repository.LexemeTermRepository.LexemeTerm;
import org.entitybase.entity.repository.Protection;
import org.entitybase.entity.service.EditContext;
import org.entitybase.model.event.ChangeType;
import org.entitybase.model.id.EntityId;

/**
 * Everything one revision's commit writes, built through the factory that names the kind of revision: a
 * {@link #create}, {@link #newContent new content}, a {@link #restoring restore} of existing content, or the same
 * content as the head with change type delete, redirect or protect.
 *
 * @param parentRevisionId null for a create
 * @param placement where the revision's content lives ({@code pack} null: nothing to PUT)
 * @param size bytes of the entity's canonical JSON
 * @param datatype a property's datatype to remember, else null
 * @param clearsRedirect the head was a redirect and no longer is
 * @param before the head's rows in the index tables (sitelinks, lexeme terms) and its statements
 * @param after the same of this revision
 * @param protection the protection flags to save, null to leave them
 * @param revisionTime the revision's time when it is not the commit's (an imported entity's {@code modified}), else
 *     null
 */
public record Commit(
        EntityId id,
        long revisionId,
        Long parentRevisionId,
        ChangeType changeType,
        EditContext context,
        Placement placement,
        int size,
        String datatype,
        boolean deleted,
        EntityId redirectTarget,
        boolean clearsRedirect,
        Indexes before,
        Indexes after,
        Protection protection,
        Instant revisionTime) {

    /**
     * A revision's rows in the index tables and its statements (for the event). {@code lexemeTerms} is null for an
     * entity that is not a lexeme (its {@code lexeme_terms} are not touched), {@code entityTerms} for one that is not
     * an item or property ({@code entity_terms}).
     */
    public record Indexes(
            Map<String, String> sitelinks,
            Set<String> statements,
            List<LexemeTerm> lexemeTerms,
            List<EntityTerm> entityTerms) {}

    /** Revision 1 of a new entity. */
    public static Commit create(
            EntityId id,
            EditContext context,
            Placement placement,
            int size,
            String datatype,
            Indexes before,
            Indexes after) {
        return new Commit(
                id,
                1,
                null,
                ChangeType.CREATE,
                context,
                placement,
                size,
                datatype,
                false,
                null,
                false,
                before,
                after,
                null,
                null);
    }

    /** This commit with its revision dated {@code time} instead of the commit's time (an imported revision 1). */
    public Commit datedAt(Instant time) {
        return new Commit(
                id,
                revisionId,
                parentRevisionId,
                changeType,
                context,
                placement,
                size,
                datatype,
                deleted,
                redirectTarget,
                clearsRedirect,
                before,
                after,
                protection,
                time);
    }

    /** New content on top of {@code head} (an edit, an import of an existing entity). */
    public static Commit newContent(
            HeadRow head,
            ChangeType changeType,
            EditContext context,
            Placement placement,
            int size,
            String datatype,
            Indexes before,
            Indexes after) {
        return new Commit(
                head.id(),
                head.revisionId() + 1,
                head.revisionId(),
                changeType,
                context,
                placement,
                size,
                datatype,
                false,
                null,
                false,
                before,
                after,
                null,
                null);
    }

    /** Content an earlier revision has already (revert, undelete, unredirect): no PUT, the head is live again. */
    public static Commit restoring(
            HeadRow head,
            ChangeType changeType,
            EditContext context,
            Placement existing,
            int size,
            Indexes before,
            Indexes after) {
        return new Commit(
                head.id(),
                head.revisionId() + 1,
                head.revisionId(),
                changeType,
                context,
                existing,
                size,
                null,
                false,
                null,
                head.isRedirect(),
                before,
                after,
                null,
                null);
    }

    /** Same content as the head, change type delete: the entity reads as 410 from now on. */
    public static Commit deletion(HeadRow head, EditContext context, Indexes before, Indexes after) {
        return sameContentAsHead(head, ChangeType.DELETE, context, true, null, head.isRedirect(), before, after, null);
    }

    /** Same content as the head, change type redirect: the head points to {@code target}. */
    public static Commit redirection(
            HeadRow head, EntityId target, EditContext context, Indexes before, Indexes after) {
        return sameContentAsHead(head, ChangeType.REDIRECT, context, false, target, false, before, after, null);
    }

    /** Same content as the head, change type protect: the {@code metadata} row becomes {@code protection}. */
    public static Commit protection(HeadRow head, EditContext context, Indexes current, Protection protection) {
        return sameContentAsHead(head, ChangeType.PROTECT, context, false, null, false, current, current, protection);
    }

    private static Commit sameContentAsHead(
            HeadRow head,
            ChangeType changeType,
            EditContext context,
            boolean deleted,
            EntityId redirectTarget,
            boolean clearsRedirect,
            Indexes before,
            Indexes after,
            Protection protection) {
        return new Commit(
                head.id(),
                head.revisionId() + 1,
                head.revisionId(),
                changeType,
                context,
                Placement.existing(head.content(), head.checkpoint(), head.checkpointRevisionId()),
                head.size(),
                null,
                deleted,
                redirectTarget,
                clearsRedirect,
                before,
                after,
                protection,
                null);
    }
}
