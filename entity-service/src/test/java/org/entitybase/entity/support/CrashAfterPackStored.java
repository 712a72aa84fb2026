package org.entitybase.entity.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.entitybase.entity.service.WriteStageHook;
import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.id.EntityId;

/** Simulates a crash between the S3 PUT of a revision's pack and its commit, for the entities a test arms it for. */
@ApplicationScoped
public class CrashAfterPackStored implements WriteStageHook {

    private final Set<EntityId> armed = ConcurrentHashMap.newKeySet();
    private final Set<ContentAddress> stored = ConcurrentHashMap.newKeySet();

    public void arm(EntityId id) {
        armed.add(id);
    }

    public void disarm(EntityId id) {
        armed.remove(id);
    }

    /** Packs stored right before a simulated crash. */
    public Set<ContentAddress> orphans() {
        return Set.copyOf(stored);
    }

    @Override
    public void packStored(EntityId id, ContentAddress revision) {
        if (armed.contains(id)) {
            stored.add(revision);
            throw new SimulatedCrash(id);
        }
    }

    /** The process "died" after the PUT. */
    public static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(EntityId id) {
            super("simulated crash after storing the pack of " + id);
        }
    }
}
