package org.entitybase.entity.ids;

/** Ids {@code start..end} of one entity type, both inclusive, claimed from id-allocator for this instance alone. */
public record IdRange(long start, long end) {

    public IdRange {
        if (start < 1 || end < start) {
            throw new IllegalArgumentException("not an id range: " + start + ".." + end);
        }
    }

    public long size() {
        return end - start + 1;
    }
}
