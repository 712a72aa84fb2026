package org.entitybase.entity.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entitybase.entity.service.LexemeEdits;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.PageMetadata;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.json.WikibaseJsonWriter;

/** The JSON of a form or sense read by its own id ({@code GET /entities/L42-F1}). */
final class LexemeParts {

    private static final WikibaseJsonWriter WRITER = new WikibaseJsonWriter();

    private LexemeParts() {}

    /**
     * Special:EntityData's shape for a form or sense: the page fields of its lexeme (the page is the lexeme's, so
     * are {@code pageid}, {@code title}, {@code lastrevid} and {@code modified}), {@code type}, then the form's or
     * sense's own JSON ({@code id}, representations and grammaticalFeatures or glosses, {@code claims}).
     */
    static ObjectNode json(Entity lexeme, EntityId part) {
        ObjectNode out = EntityResponses.object();
        PageMetadata page = lexeme.page();
        if (page.pageId() != null) {
            out.put("pageid", page.pageId());
        }
        if (page.namespace() != null) {
            out.put("ns", page.namespace());
        }
        if (page.title() != null) {
            out.put("title", page.title());
        }
        if (page.lastRevisionId() != null) {
            out.put("lastrevid", page.lastRevisionId());
        }
        if (page.modified() != null) {
            out.put("modified", page.modified());
        }
        out.put("type", part.type().jsonName());
        JsonNode own = SubResources.tree(
                part.type() == EntityType.FORM
                        ? WRITER.toBytes(LexemeEdits.form(lexeme, part))
                        : WRITER.toBytes(LexemeEdits.sense(lexeme, part)));
        out.setAll((ObjectNode) own);
        return out;
    }

    /** The same form or sense of the lexeme {@code target} ({@code L42-F1} of a redirect to L7 → {@code L7-F1}). */
    static EntityId partOf(EntityId target, EntityId part, EntityId lexeme) {
        return new EntityId(
                part.type(),
                target.value() + part.value().substring(lexeme.value().length()));
    }
}
