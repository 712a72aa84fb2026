package org.entitybase.gateway.auth;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import org.entitybase.gateway.proxy.Upstream;
import org.entitybase.gateway.proxy.Upstreams;

/**
 * Whether a user is autoconfirmed (old and active enough for semi-protected entities), as user-service decides it
 * from its users table and revision index ({@code GET /internal/users/{id}/standing}). Cached per user for {@code
 * autoconfirmed-cache-ttl}. When user-service cannot answer, the user counts as not autoconfirmed (semi-protection
 * fails closed) and nothing is cached.
 */
@Singleton
public class UserStandings {
    private static final Logger LOG = Logger.getLogger(UserStandings.class);

    private final Upstreams upstreams;
    private final long cacheTtlMillis;
    private final long timeoutMillis;
    private final CredentialCache<Boolean> cache;

    public UserStandings(Upstreams upstreams, AuthConfig config) {
        this.upstreams = upstreams;
        this.cacheTtlMillis = config.autoconfirmedCacheTtl().toMillis();
        this.timeoutMillis = config.apiKeyVerifyTimeout().toMillis();
        this.cache = new CredentialCache<>(config.tokenCacheSize());
    }

    /** Admins and bots are autoconfirmed by their role (as on Wikidata); everyone else by age and edits. */
    static boolean byRole(Identity identity) {
        return identity.roles().contains(Role.ADMIN) || identity.roles().contains(Role.BOT);
    }

    public Future<Boolean> autoconfirmed(long userId) {
        String key = Long.toString(userId);
        Boolean cached = cache.get(key);
        if (cached != null) {
            return Future.succeededFuture(cached);
        }
        Upstream userService = upstreams.get(ApiKeys.USER_SERVICE);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(userService.host())
                .setPort(userService.port())
                .setSsl(userService.ssl())
                .setURI("/internal/users/" + userId + "/standing")
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis)
                .putHeader("Accept", "application/json");
        return upstreams
                .client()
                .request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(ApiKeys.USER_SERVICE + " answered " + response.statusCode());
                    }
                    boolean autoconfirmed = body.toJsonObject().getBoolean("autoconfirmed", false);
                    cache.put(key, autoconfirmed, System.currentTimeMillis() + cacheTtlMillis);
                    return autoconfirmed;
                }))
                .recover(failure -> {
                    LOG.warnf("user %d counts as not autoconfirmed: %s", userId, failure.toString());
                    return Future.succeededFuture(false);
                });
    }
}
