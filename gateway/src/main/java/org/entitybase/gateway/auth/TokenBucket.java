package org.entitybase.gateway.auth;

/** One token bucket: {@code capacity} requests at once, refilled at {@code perSecond}. Thread-safe. */
final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1e9;

    private final int capacity;
    private final double perSecond;
    private double tokens;
    private long refilledAtNanos;

    TokenBucket(AuthConfig.Bucket config, long nowNanos) {
        this.capacity = config.capacity();
        this.perSecond = config.perSecond();
        this.tokens = capacity;
        this.refilledAtNanos = nowNanos;
    }

    /** What a request found in the bucket of {@code scope} (ip, credential, user): a token or not, and the headers. */
    record Take(String scope, boolean taken, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {}

    synchronized Take take(String scope, long nowNanos) {
        refill(nowNanos);
        boolean taken = tokens >= 1;
        if (taken) {
            tokens -= 1;
        }
        long retryAfter = taken ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        long reset = (long) Math.ceil((capacity - tokens) / perSecond);
        return new Take(scope, taken, capacity, (int) Math.floor(tokens), reset, retryAfter);
    }

    /** Gives back a token taken for a request another bucket then refused. */
    synchronized void giveBack() {
        tokens = Math.min(capacity, tokens + 1);
    }

    /** Full again: forgetting it changes nothing. */
    synchronized boolean full(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        double elapsed = (nowNanos - refilledAtNanos) / NANOS_PER_SECOND;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * perSecond);
            refilledAtNanos = nowNanos;
        }
    }
}
