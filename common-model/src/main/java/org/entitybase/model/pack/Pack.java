package org.entitybase.model.pack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.entitybase.model.content.ContentKind;
import org.entitybase.model.hash.content.ContentAddress;

/**
 * The one S3 object of a revision (docs/ENTITY-STORAGE.md): the revision manifest plus content objects. A checkpoint
 * pack holds every object of its revision; any other pack holds the objects its {@code checkpoint} pack lacks.
 *
 * @param revision the manifest's address; it names the pack ({@code revision/<2 hex>/<sha256>})
 * @param checkpoint the checkpoint pack this one completes; null when this pack is itself a checkpoint
 * @param objects address → canonical bytes, the manifest included (shared arrays: do not modify)
 */
public record Pack(ContentAddress revision, ContentAddress checkpoint, Map<ContentAddress, byte[]> objects) {

    public Pack {
        if (ContentKind.of(revision) != ContentKind.REVISION) {
            throw new IllegalArgumentException("a pack is named by a revision address, not " + revision);
        }
        if (checkpoint != null && ContentKind.of(checkpoint) != ContentKind.REVISION) {
            throw new IllegalArgumentException("a checkpoint is a revision address, not " + checkpoint);
        }
        if (!objects.containsKey(revision)) {
            throw new IllegalArgumentException("a pack holds its own manifest " + revision);
        }
        objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
    }

    public boolean isCheckpoint() {
        return checkpoint == null;
    }

    /** The checkpoint whose objects complete this pack: itself for a checkpoint. */
    public ContentAddress checkpointOrSelf() {
        return checkpoint == null ? revision : checkpoint;
    }

    /** The S3 key in the revisions bucket. */
    public String key() {
        return keyOf(revision);
    }

    public static String keyOf(ContentAddress revision) {
        return revision.s3Key();
    }

    /** Bytes of all objects, uncompressed: the cache weight and the "half a full pack" measure. */
    public long rawBytes() {
        long sum = 0;
        for (byte[] bytes : objects.values()) {
            sum += bytes.length;
        }
        return sum;
    }
}
