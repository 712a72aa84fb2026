package org.entitybase.model.entity;

import java.util.List;
import java.util.Map;

import org.entitybase.model.Immutables;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.statement.Statement;

/** A Commons MediaInfo entity (JSON names its statements {@code statements}; it has no aliases or sitelinks). */
public record MediaInfo(EntityId id, Fingerprint fingerprint, Map<String, List<Statement>> claims, PageMetadata page)
        implements Entity {
    public MediaInfo {
        claims = Immutables.orderedMultimap(claims);
        page = page == null ? PageMetadata.NONE : page;
        fingerprint = fingerprint == null ? Fingerprint.EMPTY : fingerprint;
    }

    @Override
    public EntityType type() {
        return EntityType.MEDIAINFO;
    }

    @Override
    public MediaInfo withId(EntityId id) {
        return new MediaInfo(id, fingerprint, claims, page);
    }

    @Override
    public MediaInfo withPage(PageMetadata page) {
        return new MediaInfo(id, fingerprint, claims, page);
    }

    @Override
    public MediaInfo withClaims(Map<String, List<Statement>> claims) {
        return new MediaInfo(id, fingerprint, claims, page);
    }
}
