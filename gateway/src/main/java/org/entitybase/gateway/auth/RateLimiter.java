package org.entitybase.gateway.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import io.vertx.core.Vertx;

/**
 * The gateway's rate limits (per replica, in memory: docs/DECISIONS.md): anonymous requests draw from their client
 * IP's bucket; authenticated ones from their credential's and their user's, or from the larger bot buckets when the
 * credential has the bot role. A request no bucket refuses goes through.
 */
@Singleton
public class RateLimiter {
    private final AuthConfig.RateLimits config;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(AuthConfig config, Vertx vertx) {
        this.config = config.rateLimit();
        if (this.config.enabled()) {
            vertx.setPeriodic(this.config.sweepInterval().toMillis(), id -> sweep(System.nanoTime()));
        }
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Takes this request's tokens; the tightest bucket's state (a refusal if any bucket refused). */
    public TokenBucket.Take take(Identity identity, String clientIp) {
        long now = System.nanoTime();
        if (identity.anonymous()) {
            return bucket("ip:" + clientIp, config.perIp(), now).take("ip", now);
        }
        boolean bot = identity.roles().contains(Role.BOT);
        TokenBucket credential =
                bucket("credential:" + identity.credential(), bot ? config.bot() : config.perCredential(), now);
        TokenBucket.Take byCredential = credential.take("credential", now);
        if (!byCredential.taken()) {
            return byCredential;
        }
        TokenBucket.Take byUser = bucket("user:" + identity.userId(), bot ? config.bot() : config.perUser(), now)
                .take("user", now);
        if (!byUser.taken()) {
            credential.giveBack();
            return byUser;
        }
        return byUser.remaining() < byCredential.remaining() ? byUser : byCredential;
    }

    private TokenBucket bucket(String key, AuthConfig.Bucket limits, long now) {
        TokenBucket bucket = buckets.get(key);
        return bucket != null ? bucket : buckets.computeIfAbsent(key, k -> new TokenBucket(limits, now));
    }

    /** Drops buckets that have refilled: their memory is bounded by the clients active within a sweep interval. */
    void sweep(long now) {
        buckets.values().removeIf(bucket -> bucket.full(now));
    }

    int trackedBuckets() {
        return buckets.size();
    }
}
