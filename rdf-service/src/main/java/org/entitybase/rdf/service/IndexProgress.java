package org.entitybase.rdf.service;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether this instance's diff worker is behind the write path, so that a route missing a revision answers 503 (try
 * again) rather than 404. Behind means: it is applying an event committed longer ago than the allowed wait (also
 * while it retries one), or it has just applied one that old (more may follow). An idle worker is not behind, however
 * old its last event was: nothing is waiting (the last event's age alone stuck at a high figure after a slow event or
 * an import, and every later miss answered 503). The worker applies several partitions' events at once (the
 * channel's {@code concurrency}), so each event in flight is tracked by its own ticket.
 */
@ApplicationScoped
public class IndexProgress {

    private static final long IDLE = -1;

    private final AtomicLong tickets = new AtomicLong();
    /** Commit time (epoch ms) of each event being applied, by ticket. */
    private final Map<Long, Long> applying = new ConcurrentHashMap<>();

    private final AtomicLong lagMillis = new AtomicLong();
    private final AtomicLong indexedAtMillis = new AtomicLong(IDLE);

    /**
     * The worker starts applying the event whose revision was committed at {@code timestamp} (ISO-8601); the ticket
     * to hand to {@link #done} when it is finished with it.
     */
    public long applying(String timestamp) {
        long ticket = tickets.incrementAndGet();
        applying.put(ticket, epochMillis(timestamp, System.currentTimeMillis()));
        return ticket;
    }

    /** The worker finished with the event of {@code ticket} (applied, dead-lettered or left for a retry). */
    public void done(long ticket) {
        applying.remove(ticket);
    }

    /** {@code timestamp}: the indexed revision's (ISO-8601). */
    public void indexed(String timestamp) {
        long now = System.currentTimeMillis();
        lagMillis.set(Math.max(0, now - epochMillis(timestamp, now)));
        indexedAtMillis.set(now);
    }

    /** Is the worker more than {@code millis} behind? */
    public boolean behindBy(long millis) {
        long now = System.currentTimeMillis();
        for (long committedAt : applying.values()) {
            if (now - committedAt > millis) {
                return true;
            }
        }
        long indexedAt = indexedAtMillis.get();
        return indexedAt != IDLE && lagMillis.get() > millis && now - indexedAt <= millis;
    }

    private static long epochMillis(String timestamp, long fallback) {
        try {
            return Instant.parse(timestamp).toEpochMilli();
        } catch (DateTimeParseException | NullPointerException e) {
            return fallback; // no usable timestamp: count it as current
        }
    }
}
