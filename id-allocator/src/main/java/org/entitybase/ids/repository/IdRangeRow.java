package org.entitybase.ids.repository;

import java.time.LocalDateTime;

/**
 * One row of {@code id_ranges}: ids {@code rangeStart..rangeEnd} (inclusive) of one entity type, claimed by {@code
 * owner} (null when unknown) at {@code claimedAt} (UTC).
 */
public record IdRangeRow(
        String entityType, long rangeStart, long rangeEnd, String owner, String state, LocalDateTime claimedAt) {

    /** Handed to an entity-service instance. */
    public static final String CLAIMED = "claimed";

    /** Skipped on request, so imports can keep ids up to {@code rangeEnd}. */
    public static final String RESERVED = "reserved";

    public long size() {
        return rangeEnd - rangeStart + 1;
    }
}
