package org.entitybase.entity.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Item;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.sitelink.Sitelink;
import org.entitybase.runtime.rest.ApiException;

/**
 * An item's sitelinks: reads and the change functions of the sitelink routes. The (site, title) uniqueness across
 * items is the {@code sitelinks} table's, kept in the edit's transaction (409 {@code sitelink-conflict}).
 */
public final class EntitySitelinks {

    private EntitySitelinks() {}

    /** 400 {@code entity-type-mismatch} unless {@code id} is an item: only items have sitelinks. */
    public static EntityId itemId(EntityId id) {
        if (id.type() != EntityType.ITEM) {
            throw new ApiException(
                    400,
                    "entity-type-mismatch",
                    id + " is not an item: only items have sitelinks",
                    Map.of("id", id.value(), "type", "item"));
        }
        return id;
    }

    public static Map<String, Sitelink> of(Entity entity) {
        return ((Item) entity).sitelinks();
    }

    /** The sitelink to {@code site}; 404 {@code sitelink-not-found} when there is none. */
    public static Sitelink get(Entity entity, String site) {
        Sitelink link = of(entity).get(site);
        if (link == null) {
            throw missing(entity.id(), site);
        }
        return link;
    }

    /** A new sitelink; 409 {@code sitelink-exists} when the item links that site already (PUT replaces). */
    public static UnaryOperator<Entity> add(Sitelink link) {
        return entity -> {
            Sitelink existing = of(entity).get(link.site());
            if (existing != null) {
                throw new ApiException(
                        409,
                        "sitelink-exists",
                        entity.id() + " links " + link.site() + " already (to " + existing.title()
                                + "): PUT replaces it",
                        Map.of("id", entity.id().value(), "site", link.site(), "title", existing.title()));
            }
            return with(entity, link.site(), link);
        };
    }

    /** The sitelink to {@code link.site()} becomes {@code link}, whether or not there was one. */
    public static UnaryOperator<Entity> set(Sitelink link) {
        return entity -> with(entity, link.site(), link);
    }

    public static UnaryOperator<Entity> remove(String site) {
        return entity -> {
            get(entity, site);
            return with(entity, site, null);
        };
    }

    private static Entity with(Entity entity, String site, Sitelink link) {
        Item item = (Item) entity;
        Map<String, Sitelink> sitelinks = new LinkedHashMap<>(item.sitelinks());
        if (link == null) {
            sitelinks.remove(site);
        } else {
            sitelinks.put(site, link);
        }
        return new Item(item.id(), item.fingerprint(), item.claims(), sitelinks, item.page());
    }

    private static ApiException missing(EntityId id, String site) {
        return new ApiException(
                404, "sitelink-not-found", id + " has no sitelink to " + site, Map.of("id", id.value(), "site", site));
    }
}
