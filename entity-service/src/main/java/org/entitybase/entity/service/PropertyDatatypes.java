package org.entitybase.entity.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.entity.config.EntityServiceConfig;
import org.entitybase.entity.repository.EntityHeadRepository;

/**
 * Datatypes of live properties, for the statement checks of every edit: one batched query for the properties not in
 * memory. A datatype never changes, but a property can be deleted, so an entry is trusted for
 * {@code property-cache-ttl} (this instance forgets a property at once when it deletes or redirects it).
 */
@ApplicationScoped
public class PropertyDatatypes {

    private final Pool pool;
    private final EntityHeadRepository heads;
    private final Cache<String, String> live;

    PropertyDatatypes(Pool pool, EntityHeadRepository heads, EntityServiceConfig config) {
        this.pool = pool;
        this.heads = heads;
        this.live = Caffeine.newBuilder()
                .maximumSize(config.write().propertyCacheEntries())
                .expireAfterWrite(config.write().propertyCacheTtl())
                .executor(Runnable::run)
                .build();
    }

    /** property id → datatype for those of {@code propertyIds} that exist and are neither deleted nor redirects. */
    public Uni<Map<String, String>> of(Collection<String> propertyIds) {
        Map<String, String> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : propertyIds) {
            String datatype = live.getIfPresent(id);
            if (datatype != null) {
                found.put(id, datatype);
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        return heads.liveDatatypes(pool, missing).map(loaded -> {
            loaded.forEach((id, datatype) -> {
                if (datatype != null) {
                    live.put(id, datatype);
                    found.put(id, datatype);
                }
            });
            return found;
        });
    }

    void remember(String propertyId, String datatype) {
        live.put(propertyId, datatype);
    }

    void forget(String propertyId) {
        live.invalidate(propertyId);
    }
}
