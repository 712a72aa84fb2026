package org.entitybase.entity.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

import org.entitybase.model.id.EntityId;

/**
 * Runs the edits of one entity in this instance one after another. The head compare-and-set alone would be correct,
 * but concurrent edits of a hot entity would mostly redo their work after losing it; queued, each starts from the
 * head its predecessor left. Edits of other instances still meet at the compare-and-set.
 */
final class EntityEditQueue {

    private final ConcurrentHashMap<EntityId, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /** {@code edit}, subscribed once every earlier edit of {@code id} through this queue has ended. */
    <T> Uni<T> enqueue(EntityId id, Supplier<Uni<T>> edit) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            CompletableFuture<Void> previous = tails.put(id, done);
            Uni<Void> turn = previous == null || previous.isDone()
                    ? Uni.createFrom().voidItem()
                    : Uni.createFrom().completionStage(previous);
            return turn.onItem()
                    .transformToUni(ignored -> edit.get())
                    .onTermination()
                    .invoke(() -> {
                        done.complete(null);
                        tails.remove(id, done); // only if no later edit queued behind this one
                    });
        });
    }

    /** Entities with an edit running or queued (for tests: the map does not grow without bound). */
    int size() {
        return tails.size();
    }
}
