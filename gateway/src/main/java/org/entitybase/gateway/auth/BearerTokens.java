package org.entitybase.gateway.auth;

import java.util.EnumSet;
import java.util.Set;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.InvalidJwtException;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Verifies bearer JWTs with smallrye-jwt's parser (signature, issuer, expiry; keys per {@code mp.jwt.verify.*}). The
 * parser may fetch a JWKS over the network, so it runs off the event loop; a verified token is cached briefly so a
 * client's next requests cost a map lookup.
 */
@Singleton
public class BearerTokens {
    private final JWTParser parser;
    private final Vertx vertx;
    private final long cacheTtlMillis;
    private final CredentialCache<Identity> cache;

    public BearerTokens(JWTParser parser, JWTAuthContextInfo keys, Vertx vertx, AuthConfig config) {
        this.parser = parser;
        this.vertx = vertx;
        this.cacheTtlMillis = config.tokenCacheTtl().toMillis();
        this.cache = new CredentialCache<>(config.tokenCacheSize());
        if (config.enabled()
                && keys.getPublicKeyLocation() == null
                && keys.getPublicKeyContent() == null
                && keys.getPublicVerificationKey() == null) {
            throw new IllegalStateException("authentication is on (GATEWAY_AUTH_ENABLED) but no JWT verification key "
                    + "is set: set GATEWAY_JWT_KEYS (mp.jwt.verify.publickey.location) or turn authentication off");
        }
    }

    /** The identity the token proves, a cached one if it was verified lately; fails with {@link Rejected}. */
    public Future<Identity> verify(String token) {
        Identity cached = cache.get(token);
        if (cached != null) {
            return Future.succeededFuture(cached);
        }
        return vertx.executeBlocking(() -> verifyNow(token), false);
    }

    private Identity verifyNow(String token) throws Rejected {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            boolean expired = e.getCause() instanceof InvalidJwtException invalid && invalid.hasExpired();
            throw new Rejected(expired ? "the bearer token has expired" : "the bearer token is not valid");
        }
        Identity identity = identityOf(jwt);
        long expiresAtMillis = jwt.getExpirationTime() * 1000;
        long validUntil = Math.min(System.currentTimeMillis() + cacheTtlMillis, expiresAtMillis);
        cache.put(token, identity, validUntil);
        return identity;
    }

    /** {@code sub} is the user id (a positive integer: 0 is anonymous), {@code groups} the roles. */
    static Identity identityOf(JsonWebToken jwt) throws Rejected {
        long userId;
        try {
            userId = Long.parseLong(jwt.getSubject());
        } catch (NumberFormatException e) {
            throw new Rejected("the token's subject must be a user id");
        }
        if (userId < 1) {
            throw new Rejected("the token's subject must be a user id above 0");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (jwt.getGroups() != null) {
            for (String group : jwt.getGroups()) {
                Role.of(group).ifPresent(roles::add);
            }
        }
        String id = jwt.getTokenID() != null ? jwt.getTokenID() : Long.toString(jwt.getIssuedAtTime());
        return new Identity(userId, roles, "jwt:" + userId + ":" + id);
    }

    /** A credential that proves nothing: 401. */
    public static final class Rejected extends Exception {
        public Rejected(String message) {
            super(message, null, false, false);
        }
    }
}
