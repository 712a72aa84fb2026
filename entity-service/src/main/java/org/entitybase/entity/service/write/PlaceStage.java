package org.entitybase.entity.service.write;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.entity.config.EntityServiceConfig;
import org.entitybase.entity.repository.HeadRow;
import org.entitybase.entity.repository.RevisionRepository;
import org.entitybase.model.content.SplitEntity;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.pack.Pack;
import org.entitybase.model.pack.PackPlanner;
import org.entitybase.runtime.storage.PackStore;

/**
 * Write stage "place": where a new revision's content goes. The pack of an earlier revision with the very same
 * content (a pack key is never written with different bytes), else a new pack: delta or checkpoint.
 */
@ApplicationScoped
public class PlaceStage {

    private final Pool pool;
    private final RevisionRepository revisions;
    private final PackStore packs;
    private final PackPlanner planner;

    PlaceStage(Pool pool, RevisionRepository revisions, PackStore packs, EntityServiceConfig config) {
        this.pool = pool;
        this.revisions = revisions;
        this.packs = packs;
        this.planner = new PackPlanner(config.storage().checkpointInterval());
    }

    /** The placement of revision {@code revisionId} of {@code id}; {@code head} null for a create. */
    public Uni<Placement> place(EntityId id, HeadRow head, SplitEntity split, long revisionId) {
        if (head == null) {
            Pack pack = planner.plan(split, revisionId, null, 0);
            return Uni.createFrom().item(new Placement(pack.revision(), pack.revision(), revisionId, pack));
        }
        return revisions.findByContent(pool, id, split.revision()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom()
                        .item(Placement.existing(
                                existing.content(), existing.checkpoint(), existing.checkpointRevisionId()));
            }
            return packs.get(head.checkpoint()).map(checkpoint -> {
                Pack pack = planner.plan(split, revisionId, checkpoint, head.checkpointRevisionId());
                long checkpointRevision = pack.isCheckpoint() ? revisionId : head.checkpointRevisionId();
                return new Placement(pack.revision(), pack.checkpointOrSelf(), checkpointRevision, pack);
            });
        });
    }
}
