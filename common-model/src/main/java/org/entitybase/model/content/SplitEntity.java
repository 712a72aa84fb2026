package org.entitybase.model.content;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.entitybase.model.hash.content.ContentAddress;

/**
 * An entity split into content objects: the revision manifest, its address, and every object it needs (the revision
 * object included), each once, in first-use order.
 *
 * @param objects address → canonical JSON bytes; the arrays are shared, do not modify them
 */
public record SplitEntity(RevisionManifest manifest, ContentAddress revision, Map<ContentAddress, byte[]> objects) {
    public SplitEntity {
        objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
    }

    /** The bytes of one object; null if this split has no such object. */
    public byte[] bytes(ContentAddress address) {
        return objects.get(address);
    }

    /** Total bytes over all objects. */
    public long totalBytes() {
        long sum = 0;
        for (byte[] b : objects.values()) {
            sum += b.length;
        }
        return sum;
    }

    /** Number of distinct objects per kind. */
    public Map<ContentKind, Integer> countsByKind() {
        Map<ContentKind, Integer> counts = new EnumMap<>(ContentKind.class);
        objects.keySet().forEach(a -> counts.merge(ContentKind.of(a), 1, Integer::sum));
        return counts;
    }
}
