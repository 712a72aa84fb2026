package org.entitybase.rdf.service;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How far behind the write path this instance's diff worker is: the age of the last event it indexed, when it
 * indexed it. A route that misses a revision answers 503 (try again) rather than 404 while the worker is behind.
 */
@ApplicationScoped
public class IndexProgress {

    private final AtomicLong lagMillis = new AtomicLong();

    /** {@code timestamp}: the indexed revision's (ISO-8601). */
    public void indexed(String timestamp) {
        try {
            lagMillis.set(Math.max(
                    0, System.currentTimeMillis() - Instant.parse(timestamp).toEpochMilli()));
        } catch (DateTimeParseException | NullPointerException e) {
            // no usable timestamp: keep the last figure
        }
    }

    /** Is the worker more than {@code millis} behind? */
    public boolean behindBy(long millis) {
        return lagMillis.get() > millis;
    }
}
