package org.entitybase.runtime.events;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs asynchronous work with at most {@code limit} items admitted at once and one at a time per key, each key's work
 * in the order it was admitted. A consumer admits the events of one partition in offset order, keyed by entity: events
 * of different entities overlap (their database round trips and S3 reads no longer add up one after the other), the
 * events of one entity still run in revision order.
 *
 * <p>Admitted work holds its slot while it waits behind its key's earlier work, so what a consumer holds in memory stays
 * bounded by {@code limit}; the wait always ends, since the earlier work holds a slot too and runs. Work runs on the
 * Vert.x context of the caller that admitted it (the consumer's).
 */
final class KeyedLanes {

    private final int limit;
    private int admitted; // guarded by this
    private final ArrayDeque<Runnable> waitingForAdmission = new ArrayDeque<>(); // guarded by this
    /** keys with work running → the work admitted behind it; guarded by this. */
    private final Map<String, ArrayDeque<Runnable>> lanes = new HashMap<>();

    KeyedLanes(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("at least one item must run at a time: " + limit);
        }
        this.limit = limit;
    }

    /**
     * Admits {@code work} under {@code key}: the Uni completes once a slot is free (at once while fewer than the
     * limit are admitted); the work starts when the key's earlier work has ended, and its slot frees when its own Uni
     * ends, with an item or a failure.
     */
    Uni<Void> admit(String key, Supplier<Uni<?>> work) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().emitter(admission -> {
            Runnable enter = () -> {
                enqueue(key, () -> start(key, work, context));
                admission.complete(null);
            };
            boolean now;
            synchronized (this) {
                now = admitted < limit;
                if (now) {
                    admitted++;
                } else {
                    waitingForAdmission.add(enter);
                }
            }
            if (now) {
                enter.run();
            }
        });
    }

    /** Items admitted and not yet ended (running or waiting behind their key). */
    synchronized int admitted() {
        return admitted;
    }

    private void enqueue(String key, Runnable task) {
        boolean runNow;
        synchronized (this) {
            ArrayDeque<Runnable> behind = lanes.get(key);
            runNow = behind == null;
            if (runNow) {
                lanes.put(key, new ArrayDeque<>());
            } else {
                behind.add(task);
            }
        }
        if (runNow) {
            task.run();
        }
    }

    private void start(String key, Supplier<Uni<?>> work, Context context) {
        Runnable run = () -> {
            Uni<?> uni;
            try {
                uni = work.get();
            } catch (RuntimeException e) {
                uni = Uni.createFrom().failure(e);
            }
            uni.subscribe().with(item -> ended(key), failure -> ended(key));
        };
        if (context == null) {
            run.run();
        } else {
            context.runOnContext(ignored -> run.run());
        }
    }

    private void ended(String key) {
        Runnable next;
        Runnable nextAdmission;
        synchronized (this) {
            ArrayDeque<Runnable> behind = lanes.get(key);
            next = behind.poll();
            if (next == null) {
                lanes.remove(key);
            }
            nextAdmission = waitingForAdmission.poll();
            if (nextAdmission == null) {
                admitted--; // else the slot passes to the waiting admission
            }
        }
        if (next != null) {
            next.run();
        }
        if (nextAdmission != null) {
            nextAdmission.run();
        }
    }
}
