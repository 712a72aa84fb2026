package org.entitybase.entity.storage;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.config.EntityServiceConfig;
import org.entitybase.model.content.ContentKind;
import org.entitybase.model.content.EntityAssembler;
import org.entitybase.model.content.SplitEntity;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.runtime.admission.MemoryBudget;

/**
 * Revision content over {@link PackStore}: a cold read is at most two GETs, issued in parallel (the revision's pack
 * and its checkpoint's); assembled revisions are cached by manifest address, so a warm read does no S3 request and no
 * assembly.
 */
@ApplicationScoped
public class RevisionStore {

    private final PackStore packs;
    private final WorkerPool workers;
    private final EntityAssembler assembler = new EntityAssembler();
    private final Cache<String, StoredRevision> revisions;

    RevisionStore(PackStore packs, WorkerPool workers, EntityServiceConfig config, MemoryBudget budget) {
        this.packs = packs;
        this.workers = workers;
        this.revisions = Caffeine.newBuilder()
                .maximumWeight(budget.cacheShare(config.storage().entityCacheShare()))
                .<String, StoredRevision>weigher((key, r) ->
                        (int) Math.min(Integer.MAX_VALUE, r.weight() * StoredRevision.MODEL_BYTES_PER_CONTENT_BYTE))
                .executor(Runnable::run)
                .build();
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
            Set<String> statements = new HashSet<>();
            Entity entity = assembler.assemble(pack.revision(), address -> {
                if (ContentKind.of(address) == ContentKind.STATEMENT) {
                    statements.add(address.sha256());
                }
                byte[] bytes = pack.objects().get(address);
                return bytes != null || checkpoint == null
                        ? bytes
                        : checkpoint.objects().get(address);
            });
            long weight = pack.rawBytes() + (checkpoint == null ? 0 : checkpoint.rawBytes());
            StoredRevision stored = new StoredRevision(pack.revision(), entity, statements, weight);
            revisions.put(pack.revision().sha256(), stored);
            return stored;
        });
    }
}
