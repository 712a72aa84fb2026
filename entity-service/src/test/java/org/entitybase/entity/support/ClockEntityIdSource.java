package org.entitybase.entity.support;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

import org.entitybase.entity.ids.EntityIdSource;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;

/**
 * Test stand-in for the id-allocator-backed source, used only when no real {@link EntityIdSource} bean exists: ids
 * from the clock in microseconds (about 1.8e15, far above every fixture id), increasing within and across test runs,
 * so repeated runs against the same database never collide.
 */
@DefaultBean
@ApplicationScoped
public class ClockEntityIdSource implements EntityIdSource {

    private final AtomicLong next = new AtomicLong(System.currentTimeMillis() * 1000);

    @Override
    public Uni<EntityId> next(EntityType type) {
        return Uni.createFrom().item(EntityId.ofNumeric(type, next.incrementAndGet()));
    }

    @Override
    public Uni<Void> reserveUpTo(EntityId id) {
        next.accumulateAndGet(id.numericId(), Math::max);
        return Uni.createFrom().voidItem();
    }
}
