package org.entitybase.rdf.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.entitybase.model.event.EntityChangeEventCodec;
import org.entitybase.rdf.service.EntitySummaries;

/**
 * Evicts changed entities from this instance's {@link EntitySummaries} cache. Channel {@code entity-change-cache}
 * reads entity_change in a consumer group of its own per instance (every instance sees every event) from the latest
 * offset; what it missed while down, the cache's expiry covers.
 */
@ApplicationScoped
public class CacheInvalidationConsumer {

    private final EntitySummaries summaries;

    CacheInvalidationConsumer(EntitySummaries summaries) {
        this.summaries = summaries;
    }

    @Incoming("entity-change-cache")
    public void invalidate(byte[] record) {
        try {
            summaries.invalidate(EntityChangeEventCodec.read(record).entityId());
        } catch (RuntimeException e) {
            // not an entity_change: the diff worker dead-letters it; nothing to evict
        }
    }
}
