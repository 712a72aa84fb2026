package org.entitybase.model.pack;

import java.util.LinkedHashMap;
import java.util.Map;

import org.entitybase.model.content.SplitEntity;
import org.entitybase.model.hash.content.ContentAddress;

/**
 * Decides what a new revision's pack holds (docs/ENTITY-STORAGE.md): everything (a checkpoint) for an entity's first
 * revision, when {@code interval} revisions have passed since the last checkpoint, or when the delta would exceed
 * half a full pack; otherwise only the objects its parent's checkpoint lacks.
 */
public final class PackPlanner {

    private final int interval;

    public PackPlanner(int interval) {
        if (interval < 1) {
            throw new IllegalArgumentException("checkpoint interval must be at least 1: " + interval);
        }
        this.interval = interval;
    }

    /**
     * The pack of revision {@code revisionId}.
     *
     * @param checkpoint the parent revision's checkpoint pack; null for an entity's first revision
     * @param checkpointRevisionId the revision id of that checkpoint (ignored without one)
     */
    public Pack plan(SplitEntity split, long revisionId, Pack checkpoint, long checkpointRevisionId) {
        if (checkpoint == null || revisionId - checkpointRevisionId >= interval) {
            return full(split);
        }
        Map<ContentAddress, byte[]> delta = new LinkedHashMap<>();
        long deltaBytes = 0;
        long fullBytes = 0;
        for (Map.Entry<ContentAddress, byte[]> e : split.objects().entrySet()) {
            fullBytes += e.getValue().length;
            if (!checkpoint.objects().containsKey(e.getKey())) {
                delta.put(e.getKey(), e.getValue());
                deltaBytes += e.getValue().length;
            }
        }
        if (deltaBytes * 2 > fullBytes) {
            return full(split);
        }
        // the manifest is new in every revision, so it is always in the delta
        return new Pack(split.revision(), checkpoint.revision(), delta);
    }

    private static Pack full(SplitEntity split) {
        return new Pack(split.revision(), null, split.objects());
    }
}
