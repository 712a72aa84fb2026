package org.entitybase.runtime.admission;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A weighted, first-come-first-served gate over a fixed number of bytes (the service's admission budget). A request
 * takes its weight while it runs and gives it back when it ends; one that does not fit waits in line, and nothing
 * behind it passes first, so a large request (up to the whole budget) is not starved by a stream of small ones.
 * A full line rejects at once. Thread-safe; callbacks run on the thread that frees the room, outside the lock.
 */
public final class AdmissionGate {

    /** What {@link #acquire} did with a request. */
    public enum Outcome {
        GRANTED,
        QUEUED,
        REJECTED
    }

    /** One request's claim: its weight (clamped to the capacity) and what to do once it is let in from the line. */
    public static final class Ticket {
        private final long weight;
        private final Runnable onGranted;
        private boolean waiting;

        private Ticket(long weight, Runnable onGranted) {
            this.weight = weight;
            this.onGranted = onGranted;
        }

        public long weight() {
            return weight;
        }
    }

    private final long capacity;
    private final int maxQueued;
    private final ArrayDeque<Ticket> line = new ArrayDeque<>();
    private long inUse;

    public AdmissionGate(long capacity, int maxQueued) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("admission capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.maxQueued = maxQueued;
    }

    /** A ticket for {@code weight} bytes; a weight above the capacity takes the whole gate (it runs alone). */
    public Ticket ticket(long weight, Runnable onGranted) {
        return new Ticket(Math.max(1, Math.min(weight, capacity)), onGranted);
    }

    /** Lets the ticket in now, puts it in line ({@code onGranted} runs later), or rejects it (line full). */
    public synchronized Outcome acquire(Ticket ticket) {
        if (line.isEmpty() && inUse + ticket.weight <= capacity) {
            inUse += ticket.weight;
            return Outcome.GRANTED;
        }
        if (line.size() >= maxQueued) {
            return Outcome.REJECTED;
        }
        ticket.waiting = true;
        line.addLast(ticket);
        return Outcome.QUEUED;
    }

    /**
     * Takes a waiting ticket out of line (it timed out); false if it was let in meanwhile. The tickets behind it
     * that now fit are let in.
     */
    public boolean cancel(Ticket ticket) {
        List<Ticket> granted;
        synchronized (this) {
            if (!ticket.waiting) {
                return false;
            }
            ticket.waiting = false;
            line.remove(ticket);
            granted = letInLocked();
        }
        granted.forEach(t -> t.onGranted.run());
        return true;
    }

    /** Gives a granted ticket's weight back and lets in, in order, the waiting tickets that now fit. */
    public void release(Ticket ticket) {
        List<Ticket> granted;
        synchronized (this) {
            inUse -= ticket.weight;
            granted = letInLocked();
        }
        granted.forEach(t -> t.onGranted.run());
    }

    private List<Ticket> letInLocked() {
        List<Ticket> granted = new ArrayList<>(2);
        while (!line.isEmpty() && inUse + line.peekFirst().weight <= capacity) {
            Ticket next = line.pollFirst();
            next.waiting = false;
            inUse += next.weight;
            granted.add(next);
        }
        return granted;
    }

    public long capacity() {
        return capacity;
    }

    public synchronized long inUse() {
        return inUse;
    }

    public synchronized int queued() {
        return line.size();
    }
}
