package org.entitybase.runtime.admission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * The service's heap and the parts of it given to caches and to requests in flight ({@link MemoryBudgetConfig}).
 * Caches size themselves as shares of {@link #cacheBytes()}, so that they and the admission gate together stay
 * below the heap the runner and the manifests give the JVM.
 */
@ApplicationScoped
public class MemoryBudget {
    private final long heapBytes;
    private final long cacheBytes;
    private final long admissionBytes;

    @Inject
    MemoryBudget(MemoryBudgetConfig config) {
        this(
                Runtime.getRuntime().maxMemory(),
                config.caches().map(MemorySize::asLongValue).orElse(-1L),
                config.admission().map(MemorySize::asLongValue).orElse(-1L));
    }

    /** {@code caches} / {@code admission} negative: their default share of {@code heapBytes}. */
    public MemoryBudget(long heapBytes, long caches, long admission) {
        this.heapBytes = heapBytes;
        this.cacheBytes = caches >= 0 ? caches : heapBytes / 4;
        this.admissionBytes = admission >= 0 ? admission : heapBytes * 3 / 10;
        if (cacheBytes + admissionBytes > heapBytes) {
            throw new IllegalStateException("memory budget: caches (" + cacheBytes + " B) and admission ("
                    + admissionBytes + " B) exceed the heap (" + heapBytes + " B)");
        }
    }

    public long heapBytes() {
        return heapBytes;
    }

    public long cacheBytes() {
        return cacheBytes;
    }

    public long admissionBytes() {
        return admissionBytes;
    }

    /** {@code share} (0–1) of the cache budget, in bytes: what one cache may weigh. */
    public long cacheShare(double share) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("a cache's share of the budget is between 0 and 1: " + share);
        }
        return (long) (cacheBytes * share);
    }
}
