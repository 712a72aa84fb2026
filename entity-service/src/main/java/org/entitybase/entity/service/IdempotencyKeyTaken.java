package org.entitybase.entity.service;

/**
 * A concurrent request with the same {@code Idempotency-Key} committed first; this write was rolled back whole and
 * is answered with the stored answer of the first.
 */
public final class IdempotencyKeyTaken extends RuntimeException {

    public IdempotencyKeyTaken(String key) {
        super("idempotency key " + key + " was used by a request that committed first", null, false, false);
    }
}
