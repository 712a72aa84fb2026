package org.entitybase.model.entity;

import java.util.List;
import java.util.Map;

import org.entitybase.model.Immutables;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.statement.Statement;

/** A property; {@code datatype} is the Wikibase datatype id (see {@link PropertyDatatype}). */
public record Property(
        EntityId id, String datatype, Fingerprint fingerprint, Map<String, List<Statement>> claims, PageMetadata page)
        implements Entity {
    public Property {
        claims = Immutables.orderedMultimap(claims);
        page = page == null ? PageMetadata.NONE : page;
        fingerprint = fingerprint == null ? Fingerprint.EMPTY : fingerprint;
    }

    @Override
    public EntityType type() {
        return EntityType.PROPERTY;
    }

    @Override
    public Property withId(EntityId id) {
        return new Property(id, datatype, fingerprint, claims, page);
    }

    @Override
    public Property withPage(PageMetadata page) {
        return new Property(id, datatype, fingerprint, claims, page);
    }

    @Override
    public Property withClaims(Map<String, List<Statement>> claims) {
        return new Property(id, datatype, fingerprint, claims, page);
    }
}
