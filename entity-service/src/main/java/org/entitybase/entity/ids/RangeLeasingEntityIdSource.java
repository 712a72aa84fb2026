package org.entitybase.entity.ids;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.runtime.rest.ApiException;

/**
 * Entity ids from ranges leased from id-allocator (the seed's "worker ensures ranges always available"). Per type it
 * holds the current range and, once fewer than {@code low-water-mark} ids are left in it, claims the next range in
 * the background, so {@link #next} normally completes at once, from memory. Only when both are used up does a caller
 * wait for a claim; callers that arrive meanwhile queue behind the same claim.
 *
 * <p>Each type's state is guarded by its own monitor, held for a few field updates and never across I/O, so callers
 * on the event loop never block on it for long. Claims and callbacks run outside the monitor.
 */
@ApplicationScoped
@IfBuildProperty(name = "entitybase.ids.leasing-enabled", stringValue = "true", enableIfMissing = true)
public class RangeLeasingEntityIdSource implements EntityIdSource {

    /** The types id-allocator numbers. */
    static final List<EntityType> LEASED_TYPES = List.of(EntityType.ITEM, EntityType.PROPERTY, EntityType.LEXEME);

    /** A failed background claim is not retried sooner; a caller that has no id left retries at once. */
    static final Duration PREFETCH_RETRY_DELAY = Duration.ofSeconds(1);

    static final int MAX_RANGE_SIZE = 10_000;

    private static final Logger LOG = Logger.getLogger(RangeLeasingEntityIdSource.class);

    private final IdAllocatorClient allocator;
    private final int rangeSize;
    private final int lowWaterMark;
    private final LongSupplier nanoTime;
    private final boolean prefetchAtStart;
    private final Map<EntityType, Lease> leases = new EnumMap<>(EntityType.class);

    @Inject
    RangeLeasingEntityIdSource(IdAllocatorClient allocator, IdLeasingConfig config) {
        this(allocator, config.rangeSize(), config.lowWaterMark(), System::nanoTime, config.prefetchAtStart());
    }

    RangeLeasingEntityIdSource(
            IdAllocatorClient allocator,
            int rangeSize,
            int lowWaterMark,
            LongSupplier nanoTime,
            boolean prefetchAtStart) {
        if (rangeSize < 1 || rangeSize > MAX_RANGE_SIZE) {
            throw new IllegalArgumentException(
                    "entitybase.ids.range-size must be from 1 to " + MAX_RANGE_SIZE + ": " + rangeSize);
        }
        if (lowWaterMark < 0 || lowWaterMark > rangeSize) {
            throw new IllegalArgumentException("entitybase.ids.low-water-mark must be from 0 to the range size "
                    + rangeSize + ": " + lowWaterMark);
        }
        this.allocator = allocator;
        this.rangeSize = rangeSize;
        this.lowWaterMark = lowWaterMark;
        this.nanoTime = nanoTime;
        this.prefetchAtStart = prefetchAtStart;
        for (EntityType type : LEASED_TYPES) {
            leases.put(type, new Lease(type));
        }
    }

    void onStart(@Observes StartupEvent start) {
        if (prefetchAtStart) {
            prefetch();
        }
    }

    /** Claims a first range of every type in the background (failures are logged and retried on demand). */
    void prefetch() {
        for (Lease lease : leases.values()) {
            boolean claim;
            synchronized (lease) {
                claim = lease.startPrefetch();
            }
            if (claim) {
                claim(lease);
            }
        }
    }

    @Override
    public Uni<EntityId> next(EntityType type) {
        Lease lease = leases.get(type);
        if (lease == null) {
            return Uni.createFrom().failure(new IllegalArgumentException("id-allocator numbers no " + type + " ids"));
        }
        // work at subscription: a Uni nobody subscribes to takes no id
        return Uni.createFrom().emitter(emitter -> take(lease, emitter));
    }

    /**
     * On subscription, drops every leased id up to {@code id} at once (no later {@link #next} returns one, whatever
     * claim is in flight), then asks id-allocator to skip them too. Another instance's leased range may still hold such ids: an
     * entity written under its own id must still be created only if it does not exist.
     */
    @Override
    public Uni<Void> reserveUpTo(EntityId id) {
        Lease lease = leases.get(id.type());
        if (lease == null) {
            return Uni.createFrom()
                    .failure(new IllegalArgumentException("id-allocator numbers no " + id.type() + " ids: " + id));
        }
        return Uni.createFrom().deferred(() -> {
            synchronized (lease) {
                lease.raiseFloor(id.numericId());
            }
            return allocator.reserveUpTo(id.type(), id.numericId());
        });
    }

    /** Ids of {@code type} left in memory (current and next range), for tests and diagnostics. */
    long leasedIdsLeft(EntityType type) {
        Lease lease = leases.get(type);
        synchronized (lease) {
            return lease.currentLeft() + (lease.spare == null ? 0 : lease.spare.size());
        }
    }

    private void take(Lease lease, UniEmitter<? super EntityId> emitter) {
        long id;
        boolean claim;
        synchronized (lease) {
            id = lease.poll();
            if (id == 0) {
                lease.waiters.add(new Waiter(emitter, Vertx.currentContext()));
                claim = lease.startClaimForWaiters();
            } else {
                claim = lease.startPrefetch();
            }
        }
        if (claim) {
            claim(lease);
        }
        if (id != 0) {
            emitter.complete(EntityId.ofNumeric(lease.type, id));
        }
    }

    private void claim(Lease lease) {
        Uni<IdRange> claim;
        try {
            claim = allocator.claim(lease.type, rangeSize);
        } catch (RuntimeException e) {
            claimFailed(lease, e);
            return;
        }
        claim.subscribe().with(range -> claimed(lease, range), failure -> claimFailed(lease, failure));
    }

    private void claimed(Lease lease, IdRange range) {
        List<Waiter> served = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        boolean again;
        synchronized (lease) {
            lease.claiming = false;
            lease.backingOff = false;
            lease.install(range);
            while (!lease.waiters.isEmpty()) {
                long id = lease.poll();
                if (id == 0) {
                    break;
                }
                served.add(lease.waiters.poll());
                ids.add(id);
            }
            again = lease.waiters.isEmpty() ? lease.startPrefetch() : lease.startClaimForWaiters();
        }
        for (int i = 0; i < served.size(); i++) {
            served.get(i).complete(EntityId.ofNumeric(lease.type, ids.get(i)));
        }
        if (again) {
            claim(lease);
        }
    }

    private void claimFailed(Lease lease, Throwable failure) {
        List<Waiter> failed;
        synchronized (lease) {
            lease.claiming = false;
            lease.backingOff = true;
            lease.retryAt = nanoTime.getAsLong() + PREFETCH_RETRY_DELAY.toNanos();
            failed = List.copyOf(lease.waiters);
            lease.waiters.clear();
        }
        LOG.warnf("claiming %s ids failed (%d callers waiting): %s", lease.type.jsonName(), failed.size(), failure);
        Throwable forCallers = failure instanceof ApiException
                ? failure
                : new ApiException(
                        503,
                        HttpIdAllocatorClient.UNAVAILABLE,
                        "no entity ids: id-allocator is unavailable",
                        Map.of(),
                        PREFETCH_RETRY_DELAY);
        for (Waiter waiter : failed) {
            waiter.fail(forCallers);
        }
    }

    /** A caller waiting for an id, resumed on its own Vert.x context (its request's), if it had one. */
    private record Waiter(UniEmitter<? super EntityId> emitter, Context context) {

        void complete(EntityId id) {
            if (context == null) {
                emitter.complete(id);
            } else {
                context.runOnContext(ignored -> emitter.complete(id));
            }
        }

        void fail(Throwable failure) {
            if (context == null) {
                emitter.fail(failure);
            } else {
                context.runOnContext(ignored -> emitter.fail(failure));
            }
        }
    }

    /** One type's leased ids. Every field is guarded by the instance's monitor. */
    private final class Lease {
        final EntityType type;
        /** The current range is {@code next..end}; empty when {@code next > end}. */
        long next = 1;

        long end = 0;
        /** The range claimed ahead, used once the current one is empty. */
        IdRange spare;
        /** No id up to this is handed out (reserveUpTo). */
        long floor;
        /** A claim is in flight: at most one per type. */
        boolean claiming;
        /** After a failed claim: no background claim before {@link #nanoTime} reaches {@code retryAt}. */
        boolean backingOff;

        long retryAt;

        final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

        Lease(EntityType type) {
            this.type = type;
        }

        long currentLeft() {
            return Math.max(0, end - next + 1);
        }

        /** The next id, moving on to the spare range when the current one is used up; 0 when none is leased. */
        long poll() {
            if (next > end) {
                if (spare == null) {
                    return 0;
                }
                next = spare.start();
                end = spare.end();
                spare = null;
            }
            return next++;
        }

        /** True when the caller must claim in the background now: low on ids, nothing claimed ahead. */
        boolean startPrefetch() {
            if (claiming || spare != null || currentLeft() >= Math.max(lowWaterMark, 1)) {
                return false;
            }
            if (backingOff && nanoTime.getAsLong() - retryAt < 0) {
                return false;
            }
            claiming = true;
            return true;
        }

        /** True when the caller must claim for the waiting callers now (no backoff: someone is waiting). */
        boolean startClaimForWaiters() {
            if (claiming) {
                return false;
            }
            claiming = true;
            return true;
        }

        void install(IdRange range) {
            long start = Math.max(range.start(), floor + 1);
            if (start > range.end()) {
                LOG.debugf("claimed %s range %s lies wholly below a reservation: dropped", type.jsonName(), range);
                return;
            }
            if (next > end) {
                next = start;
                end = range.end();
            } else if (spare == null) {
                spare = new IdRange(start, range.end());
            } else {
                // one claim at a time, started only without a spare: cannot happen; a lost range is only a gap
                LOG.warnf("dropped %s range %s: a current and a spare range are already held", type.jsonName(), range);
            }
        }

        void raiseFloor(long upTo) {
            if (upTo <= floor) {
                return;
            }
            floor = upTo;
            if (next <= upTo) {
                next = upTo + 1;
            }
            if (spare != null && spare.start() <= upTo) {
                spare = spare.end() <= upTo ? null : new IdRange(upTo + 1, spare.end());
            }
        }
    }
}
