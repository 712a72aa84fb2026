package org.entitybase.entity.ids;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How entity-service leases id ranges from id-allocator (prefix {@code entitybase.ids}). */
@ConfigMapping(prefix = "entitybase.ids")
public interface IdLeasingConfig {

    /**
     * {@code entitybase.ids.leasing-enabled} (build time): whether {@link RangeLeasingEntityIdSource} is the
     * {@link EntityIdSource}. Only tests that bring their own source turn it off (entity-service's {@code %test}
     * profile); {@link HttpIdAllocatorClient} stays registered then, so these keys remain a validated mapping.
     */
    @WithDefault("true")
    boolean leasingEnabled();

    /** {@code entitybase.ids.allocator-url} (env ID_ALLOCATOR_URL): id-allocator's base URL, without the API prefix. */
    @WithDefault("http://127.0.0.1:8081")
    String allocatorUrl();

    /** {@code entitybase.ids.range-size}: ids claimed at a time per type (1 to 10000, id-allocator's limit). */
    @WithDefault("1000")
    int rangeSize();

    /**
     * {@code entitybase.ids.low-water-mark}: when fewer ids than this are left in the current range and no next
     * range is held, the next one is claimed in the background (0 to range-size; 0 = only when out of ids).
     */
    @WithDefault("250")
    int lowWaterMark();

    /** {@code entitybase.ids.timeout}: upper bound of one call to id-allocator. */
    @WithDefault("5s")
    Duration timeout();

    /** {@code entitybase.ids.prefetch-at-start}: claim a range of each type at start, so the first creates don't wait. */
    @WithDefault("true")
    boolean prefetchAtStart();
}
