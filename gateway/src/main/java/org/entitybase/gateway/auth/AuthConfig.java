package org.entitybase.gateway.auth;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Authentication and rate limits at the gateway ({@code entitybase.gateway.auth.*}; environment names in
 * application.properties). The JWT verification keys are smallrye-jwt's own {@code mp.jwt.verify.*} settings (a PEM or
 * JWK set from a file, or a JWKS URL that is fetched again on an unknown key id: rotation without restart).
 */
@ConfigMapping(prefix = "entitybase.gateway.auth")
public interface AuthConfig {
    /**
     * On: the acting user comes from a bearer JWT (and the client's {@code X-User-ID} must match it or be absent), and
     * writes need the role their route names in routes.json. Off: the gateway passes {@code X-User-ID} through as it
     * is, as before (local development and tests only).
     */
    @WithDefault("true")
    boolean enabled();

    /** Writes that need only the editor role are open to anonymous clients (as user 0), as on Wikidata. */
    @WithDefault("true")
    boolean anonymousEdits();

    /** A verified token is believed this long (or until it expires, if sooner) without verifying it again. */
    @WithDefault("60s")
    Duration tokenCacheTtl();

    /**
     * At most this many verified tokens are cached (a token and its identity: about 1 KiB, so the default stays inside
     * the gateway's 8 MiB cache budget in deploy/memory-budget.properties); past it the cache starts over.
     */
    @WithDefault("2000")
    int tokenCacheSize();

    /**
     * An API key's answer from user-service (valid or not) is believed this long: a revoked key is refused at the
     * latest this long after its revocation.
     */
    @WithDefault("30s")
    Duration apiKeyCacheTtl();

    /** How long the gateway waits for user-service to verify an API key before answering 503. */
    @WithDefault("2s")
    Duration apiKeyVerifyTimeout();

    /** Whether a user is autoconfirmed (user-service's answer, for semi-protection) is believed this long. */
    @WithDefault("60s")
    Duration autoconfirmedCacheTtl();

    RateLimits rateLimit();

    Audit audit();

    /** Where audit records of privileged actions go besides the log (docs/AUDIT-EVENTS.md). */
    interface Audit {
        /** Off: the log line only (a gateway without Kafka). */
        @WithDefault("true")
        boolean publish();

        /** The topic user-service consumes into its audit table. */
        @WithDefault("entitybase.audit")
        String topic();
    }

    /**
     * Token buckets held in each gateway replica's memory: anonymous requests draw from their client IP's bucket,
     * authenticated ones from their credential's and their user's. Every request counts, reads included.
     */
    interface RateLimits {
        @WithDefault("true")
        boolean enabled();

        /** Anonymous requests, per client IP. */
        Bucket perIp();

        /** Authenticated requests, per credential (one token or API key). */
        Bucket perCredential();

        /** Authenticated requests, per user (all of the user's credentials together). */
        Bucket perUser();

        /** Replaces per-credential and per-user for credentials with the bot role. */
        Bucket bot();

        /** Buckets idle long enough to be full again are dropped this often. */
        @WithDefault("60s")
        Duration sweepInterval();
    }

    interface Bucket {
        /** The burst: how many requests a full bucket allows at once. */
        int capacity();

        /** Requests per second the bucket refills by. */
        double perSecond();
    }
}
