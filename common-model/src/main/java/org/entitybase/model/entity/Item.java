package org.entitybase.model.entity;

import java.util.List;
import java.util.Map;

import org.entitybase.model.Immutables;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.sitelink.Sitelink;
import org.entitybase.model.statement.Statement;

public record Item(
        EntityId id,
        Fingerprint fingerprint,
        Map<String, List<Statement>> claims,
        Map<String, Sitelink> sitelinks,
        PageMetadata page)
        implements Entity {
    public Item {
        claims = Immutables.orderedMultimap(claims);
        sitelinks = Immutables.orderedMap(sitelinks);
        page = page == null ? PageMetadata.NONE : page;
        fingerprint = fingerprint == null ? Fingerprint.EMPTY : fingerprint;
    }

    @Override
    public EntityType type() {
        return EntityType.ITEM;
    }

    @Override
    public Item withId(EntityId id) {
        return new Item(id, fingerprint, claims, sitelinks, page);
    }

    @Override
    public Item withPage(PageMetadata page) {
        return new Item(id, fingerprint, claims, sitelinks, page);
    }

    @Override
    public Item withClaims(Map<String, List<Statement>> claims) {
        return new Item(id, fingerprint, claims, sitelinks, page);
    }
}
