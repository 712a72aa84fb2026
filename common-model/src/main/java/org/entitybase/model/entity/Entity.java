package org.entitybase.model.entity;

import java.util.List;
import java.util.Map;

import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.statement.Statement;

/** A top-level Wikibase entity: item, property, lexeme or mediainfo. */
public sealed interface Entity permits Item, Property, Lexeme, MediaInfo {
    /** The id; null only in a create request, before one is assigned. */
    EntityId id();

    EntityType type();

    /** Statements grouped by property, in JSON order ({@code claims}, or {@code statements} for mediainfo). */
    Map<String, List<Statement>> claims();

    PageMetadata page();

    Entity withId(EntityId id);

    Entity withPage(PageMetadata page);

    Entity withClaims(Map<String, List<Statement>> claims);
}
