package org.entitybase.runtime.storage;

import java.util.HashSet;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

import org.entitybase.model.content.ContentKind;
import org.entitybase.model.content.SplitEntity;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.pack.Pack;
import org.entitybase.model.pack.StoredRevision;
import org.entitybase.runtime.worker.WorkerPool;

/**
 * Revision content over {@link PackStore}, by the revision's content address alone (an entity_change event names it):
 * no database and no service API is needed to read a committed revision. A cold read is at most two GETs, issued in
 * parallel when the checkpoint's address is known (the revision's pack and its checkpoint's); assembled revisions are
 * cached by manifest address, so a warm read does no S3 request and no assembly.
 */
public class RevisionStore {

    private final PackStore packs;
    private final WorkerPool workers;
    private final Cache<String, StoredRevision> revisions;

    /** @param cacheBytes bound of the assembled-revision cache (heap of the models: {@link StoredRevision#MODEL_BYTES_PER_CONTENT_BYTE} per byte of the objects they were assembled from) */
    public RevisionStore(PackStore packs, WorkerPool workers, long cacheBytes) {
        this.packs = packs;
        this.workers = workers;
        this.revisions = Caffeine.newBuilder()
                .maximumWeight(cacheBytes)
                .<String, StoredRevision>weigher((key, r) ->
                        (int) Math.min(Integer.MAX_VALUE, r.weight() * StoredRevision.MODEL_BYTES_PER_CONTENT_BYTE))
                .executor(Runnable::run)
                .build();
    }

    /**
     * A reader of the revisions bucket with caches of its own: what a consumer needs (entity-service shares its
     * {@link PackStore} with the write path instead).
     */
    public static RevisionStore reading(
            S3Objects s3,
            String bucket,
            long packCacheBytes,
            long revisionCacheBytes,
            WorkerPool workers,
            MeterRegistry meters) {
        return new RevisionStore(
                new PackStore(s3, bucket, packCacheBytes, workers, meters), workers, revisionCacheBytes);
    }

    /**
     * The content of the revision whose manifest is {@code revision}, in the pack of that name, completed by the pack
     * of {@code checkpoint} (the same address when the revision is a checkpoint).
     */
    public Uni<StoredRevision> load(ContentAddress revision, ContentAddress checkpoint) {
        StoredRevision known = revisions.getIfPresent(revision.sha256());
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return packs.getWithCheckpoint(revision, checkpoint)
                .flatMap(pair -> assemble(pair.pack(), pair.pack().isCheckpoint() ? null : pair.checkpoint()));
    }

    /**
     * {@link #load(ContentAddress, ContentAddress)} for a one-off scan (an export of the whole store): a cached
     * revision is used, a cold one is not put in the cache, where it would push out what reads need.
     */
    public Uni<StoredRevision> loadOnce(ContentAddress revision, ContentAddress checkpoint) {
        StoredRevision known = revisions.getIfPresent(revision.sha256());
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return packs.getWithCheckpoint(revision, checkpoint)
                .flatMap(pair -> workers.run(() ->
                        StoredRevision.assemble(pair.pack(), pair.pack().isCheckpoint() ? null : pair.checkpoint())));
    }

    /**
     * The content of the revision whose manifest is {@code revision}, its checkpoint unknown: the pack's own header
     * names it (two GETs one after the other when cold).
     */
    public Uni<StoredRevision> load(ContentAddress revision) {
        StoredRevision known = revisions.getIfPresent(revision.sha256());
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return packs.get(revision)
                .flatMap(pack -> pack.isCheckpoint()
                        ? assemble(pack, null)
                        : packs.get(pack.checkpoint()).flatMap(checkpoint -> assemble(pack, checkpoint)));
    }

    /** The content of a revision just written from {@code split}: cached so the next read and edit start warm. */
    public StoredRevision remember(SplitEntity split, Entity entity) {
        Set<String> statements = new HashSet<>();
        for (ContentAddress address : split.objects().keySet()) {
            if (ContentKind.of(address) == ContentKind.STATEMENT) {
                statements.add(address.sha256());
            }
        }
        StoredRevision stored = new StoredRevision(split.revision(), entity, statements, split.totalBytes());
        revisions.put(split.revision().sha256(), stored);
        return stored;
    }

    /** Forgets every assembled revision (benchmarks measure cold reads with it). */
    public void invalidateCache() {
        revisions.invalidateAll();
    }

    private Uni<StoredRevision> assemble(Pack pack, Pack checkpoint) {
        return workers.run(() -> {
            StoredRevision stored = StoredRevision.assemble(pack, checkpoint);
            revisions.put(pack.revision().sha256(), stored);
            return stored;
        });
    }
}
