package org.entitybase.rdf.service;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether this instance's diff worker is behind the write path, so that a route missing a revision answers 503 (try
 * again) rather than 404. Behind means: it is applying an event committed longer ago than the allowed wait (also
 * while it retries one), or it has just applied one that old (more may follow). An idle worker is not behind, however
 * old its last event was: nothing is waiting (the last event's age alone stuck at a high figure after a slow event or
 * an import, and every later miss answered 503).
 */
@ApplicationScoped
public class IndexProgress {

    private static final long IDLE = -1;

    private final AtomicLong lagMillis = new AtomicLong();
    private final AtomicLong indexedAtMillis = new AtomicLong(IDLE);
    private final AtomicLong applyingCommittedAtMillis = new AtomicLong(IDLE);

    /** The worker starts applying the event whose revision was committed at {@code timestamp} (ISO-8601). */
    public void applying(String timestamp) {
        applyingCommittedAtMillis.set(epochMillis(timestamp, System.currentTimeMillis()));
    }

    /** The worker finished with its event (applied, dead-lettered or left for a retry). */
    public void idle() {
        applyingCommittedAtMillis.set(IDLE);
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
        long applying = applyingCommittedAtMillis.get();
        if (applying != IDLE && now - applying > millis) {
            return true;
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
