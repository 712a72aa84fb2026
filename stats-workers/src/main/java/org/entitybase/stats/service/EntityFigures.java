package org.entitybase.stats.service;

import java.util.List;
import java.util.Map;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Item;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.event.ChangeType;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.lexeme.Sense;
import org.entitybase.model.statement.Statement;

/**
 * What one entity's head adds to the wiki-wide totals: a live entity counts once for its type with its statements
 * (its own, and on a lexeme's forms and senses) and sitelinks; a redirect counts as one redirect, a deleted entity as
 * one deleted, neither with content (a delete or redirect revision keeps its parent's content, which no longer
 * shows).
 */
public record EntityFigures(Status status, int statements, int sitelinks) {

    public enum Status {
        LIVE,
        DELETED,
        REDIRECT;

        public String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status ofColumn(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public static final EntityFigures DELETED = new EntityFigures(Status.DELETED, 0, 0);
    public static final EntityFigures REDIRECT = new EntityFigures(Status.REDIRECT, 0, 0);

    /** The figures of a revision of {@code changeType}; {@code content} is read only for a live one. */
    public static EntityFigures of(ChangeType changeType, Entity content) {
        if (changeType == ChangeType.DELETE) {
            return DELETED;
        }
        if (changeType == ChangeType.REDIRECT) {
            return REDIRECT;
        }
        return new EntityFigures(Status.LIVE, statements(content), sitelinks(content));
    }

    /** Whether a revision of {@code changeType} has content to read (delete and redirect revisions do not count it). */
    public static boolean needsContent(ChangeType changeType) {
        return changeType != ChangeType.DELETE && changeType != ChangeType.REDIRECT;
    }

    static int statements(Entity entity) {
        int n = count(entity.claims());
        if (entity instanceof Lexeme lexeme) {
            for (Form form : lexeme.forms()) {
                n += count(form.claims());
            }
            for (Sense sense : lexeme.senses()) {
                n += count(sense.claims());
            }
        }
        return n;
    }

    static int sitelinks(Entity entity) {
        return entity instanceof Item item ? item.sitelinks().size() : 0;
    }

    private static int count(Map<String, List<Statement>> claims) {
        int n = 0;
        for (List<Statement> statements : claims.values()) {
            n += statements.size();
        }
        return n;
    }

    /** What replacing {@code before} (null: the entity did not exist) by {@code after} changes in the totals. */
    public static TotalsDelta change(EntityFigures before, EntityFigures after) {
        return contribution(after).minus(contribution(before));
    }

    private static TotalsDelta contribution(EntityFigures figures) {
        if (figures == null) {
            return TotalsDelta.NONE;
        }
        return switch (figures.status()) {
            case LIVE -> new TotalsDelta(1, figures.statements(), figures.sitelinks(), 0, 0);
            case REDIRECT -> new TotalsDelta(0, 0, 0, 1, 0);
            case DELETED -> new TotalsDelta(0, 0, 0, 0, 1);
        };
    }

    /** A change of the wiki-wide totals: live entities (of the revision's type), statements, sitelinks, redirects, deleted. */
    public record TotalsDelta(int entities, int statements, int sitelinks, int redirects, int deleted) {
        public static final TotalsDelta NONE = new TotalsDelta(0, 0, 0, 0, 0);

        TotalsDelta minus(TotalsDelta other) {
            return new TotalsDelta(
                    entities - other.entities,
                    statements - other.statements,
                    sitelinks - other.sitelinks,
                    redirects - other.redirects,
                    deleted - other.deleted);
        }
    }
}
