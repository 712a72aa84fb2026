package org.entitybase.entity.ids;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.smallrye.mutiny.Uni;

import org.entitybase.model.id.EntityType;

import static org.assertj.core.api.Assertions.assertThat;

/** An allocator whose claims stay pending until the test answers them, one by one, in order. */
final class ManualAllocator implements IdAllocatorClient {

    record Claim(EntityType type, int size, CompletableFuture<IdRange> answer) {
        void answer(long start, long end) {
            answer.complete(new IdRange(start, end));
        }

        void fail(Throwable failure) {
            answer.completeExceptionally(failure);
        }
    }

    record Reservation(EntityType type, long upTo) {}

    private final LinkedBlockingQueue<Claim> pending = new LinkedBlockingQueue<>();
    private final List<Claim> all = new ArrayList<>();
    final ConcurrentLinkedQueue<Reservation> reservations = new ConcurrentLinkedQueue<>();

    @Override
    public synchronized Uni<IdRange> claim(EntityType type, int size) {
        Claim claim = new Claim(type, size, new CompletableFuture<>());
        pending.add(claim);
        all.add(claim);
        return Uni.createFrom().completionStage(claim.answer());
    }

    @Override
    public Uni<Void> reserveUpTo(EntityType type, long upTo) {
        reservations.add(new Reservation(type, upTo));
        return Uni.createFrom().voidItem();
    }

    synchronized int claims() {
        return all.size();
    }

    /** The oldest claim not yet answered; fails the test when there is none. */
    Claim nextPending() {
        Claim claim = pending.poll();
        assertThat(claim).as("a pending claim").isNotNull();
        return claim;
    }

    int pendingClaims() {
        return pending.size();
    }
}
