package org.entitybase.gateway.auth;

import java.util.EnumSet;
import java.util.Set;

import jakarta.inject.Singleton;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.entitybase.gateway.proxy.Upstream;
import org.entitybase.gateway.proxy.Upstreams;

/**
 * API keys for bots: sent as {@code Authorization: Bearer ebk_...} (the prefix tells a key from a JWT, which has no
 * such prefix). user-service holds them (only their SHA-256) and answers {@code POST /internal/api-keys/verify}; the
 * answer, found or not, is cached for {@code api-key-cache-ttl}, so a revoked key is refused within that TTL and
 * steady traffic costs a map lookup. user-service unreachable: the request fails with {@link Unavailable} (503), not
 * 401, since the key may well be good.
 */
@Singleton
public class ApiKeys {
    /** What every API key starts with (user-service's ApiKeyService.PREFIX). */
    public static final String PREFIX = "ebk_";

    static final String USER_SERVICE = "user-service";
    static final String VERIFY_PATH = "/internal/api-keys/verify";

    private final Upstreams upstreams;
    private final long cacheTtlMillis;
    private final long verifyTimeoutMillis;
    /** The identity a key proves, or {@link #UNKNOWN} for a key that proves nothing. */
    private final CredentialCache<Identity> cache;

    private static final Identity UNKNOWN = new Identity(0, Set.of(), null);

    private record Answer(int status, JsonObject json) {}

    public ApiKeys(Upstreams upstreams, AuthConfig config) {
        this.upstreams = upstreams;
        this.cacheTtlMillis = config.apiKeyCacheTtl().toMillis();
        this.verifyTimeoutMillis = config.apiKeyVerifyTimeout().toMillis();
        this.cache = new CredentialCache<>(config.tokenCacheSize());
    }

    public static boolean isApiKey(String credential) {
        return credential.startsWith(PREFIX);
    }

    /** The identity the key proves; fails with {@link BearerTokens.Rejected} (401) or {@link Unavailable} (503). */
    public Future<Identity> verify(String key) {
        Identity cached = cache.get(key);
        if (cached != null) {
            return cached == UNKNOWN ? rejected() : Future.succeededFuture(cached);
        }
        Upstream userService = upstreams.get(USER_SERVICE);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(userService.host())
                .setPort(userService.port())
                .setSsl(userService.ssl())
                .setURI(VERIFY_PATH)
                .setConnectTimeout(verifyTimeoutMillis)
                .setIdleTimeout(verifyTimeoutMillis)
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json");
        String body = new JsonObject().put("key", key).encode();
        return upstreams
                .client()
                .request(options)
                .compose(request -> request.send(body))
                .compose(response -> response.body()
                        .map(answer -> new Answer(
                                response.statusCode(), response.statusCode() == 200 ? answer.toJsonObject() : null)))
                .recover(failure -> Future.failedFuture(new Unavailable(failure)))
                .compose(answer -> {
                    long validUntil = System.currentTimeMillis() + cacheTtlMillis;
                    if (answer.status() == 404) {
                        cache.put(key, UNKNOWN, validUntil);
                        return rejected();
                    }
                    if (answer.status() != 200) {
                        return Future.failedFuture(new Unavailable(
                                new IllegalStateException(USER_SERVICE + " answered " + answer.status())));
                    }
                    Identity identity = identityOf(answer.json());
                    cache.put(key, identity, validUntil);
                    return Future.succeededFuture(identity);
                });
    }

    private static Future<Identity> rejected() {
        return Future.failedFuture(new BearerTokens.Rejected("the API key is not valid or was revoked"));
    }

    /** user-service's answer: {@code user_id}, {@code roles}, {@code key_id}; roles the gateway does not know are ignored. */
    static Identity identityOf(JsonObject key) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        JsonArray names = key.getJsonArray("roles", new JsonArray());
        for (Object name : names) {
            Role.of(String.valueOf(name)).ifPresent(roles::add);
        }
        return new Identity(key.getLong("user_id"), roles, "key:" + key.getString("key_id"));
    }

    /** The key could not be checked (user-service down or failing): 503, the client may retry. */
    public static final class Unavailable extends Exception {
        public Unavailable(Throwable cause) {
            super(USER_SERVICE + " could not verify the API key: " + cause.getMessage(), cause, false, false);
        }
    }
}
