package org.entitybase.entity.service.write;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

import org.entitybase.entity.service.WriteStageHook;
import org.entitybase.runtime.storage.PackStore;

/**
 * Write stage "store": PUT the commit's new pack (if it has one). A failure after it and before the commit leaves an
 * orphan pack and nothing else.
 */
@ApplicationScoped
public class StoreStage {

    private final PackStore packs;
    private final List<WriteStageHook> hooks;
    private final Timer timer;

    StoreStage(PackStore packs, Instance<WriteStageHook> hooks, MeterRegistry registry) {
        this.packs = packs;
        this.hooks = hooks.stream().toList(); // none in production; tests add one
        this.timer = WriteStages.timer(registry, "store");
    }

    public Uni<Void> store(Commit commit) {
        Uni<Void> stored = commit.placement().pack() == null
                ? Uni.createFrom().voidItem()
                : WriteStages.timed(timer, packs.put(commit.placement().pack()));
        return stored.invoke(() -> hooks.forEach(
                hook -> hook.packStored(commit.id(), commit.placement().content())));
    }
}
