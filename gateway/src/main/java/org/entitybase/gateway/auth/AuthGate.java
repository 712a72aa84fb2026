package org.entitybase.gateway.auth;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import org.entitybase.gateway.config.GatewayConfig;
import org.entitybase.gateway.proxy.GatewayErrors;
import org.entitybase.gateway.proxy.ProxyHeaders;
import org.entitybase.gateway.route.Route;

/**
 * What every routed request passes before its handler: the credential (a bearer JWT or API key) becomes the {@link Identity}
 * the services are told about, the route's role is checked ({@link AccessPolicy}) and the rate limits are taken
 * ({@link RateLimiter}). Refusals are the common error body: 401 (no or bad credential), 403 (wrong role or another
 * user's X-User-ID), 429 (over a limit, with Retry-After). Nothing reaches a service unless admitted.
 */
@Singleton
public class AuthGate {
    public static final String X_USER_ID = "X-User-ID";
    public static final String X_USER_ROLES = "X-User-Roles";
    /** "true" or "false" on writes by signed-in users: may they edit semi-protected entities (entity-service). */
    public static final String X_USER_AUTOCONFIRMED = "X-User-Autoconfirmed";

    private static final String SEMI_PROTECTION_SERVICE = "entity-service";
    private static final String IDENTITY = AuthGate.class.getName() + ".identity";
    /** Who the request claimed to be, admitted or not: the audit's actor. */
    private static final String ACTOR = AuthGate.class.getName() + ".actor";

    private static final String AUTOCONFIRMED = AuthGate.class.getName() + ".autoconfirmed";

    private static final String BEARER = "bearer ";
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final boolean enabled;
    private final boolean trustForwarded;
    private final BearerTokens tokens;
    private final ApiKeys apiKeys;
    private final AccessPolicy policy;
    private final RateLimiter limiter;
    private final AuditLog audit;
    private final UserStandings standings;

    public AuthGate(
            AuthConfig config,
            GatewayConfig gateway,
            BearerTokens tokens,
            ApiKeys apiKeys,
            RateLimiter limiter,
            AuditLog audit,
            UserStandings standings) {
        this.enabled = config.enabled();
        this.trustForwarded = gateway.trustForwardedHeaders();
        this.tokens = tokens;
        this.apiKeys = apiKeys;
        this.policy = new AccessPolicy(config.anonymousEdits());
        this.limiter = limiter;
        this.audit = audit;
        this.standings = standings;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Runs {@code next} if the request is admitted; otherwise answers it. */
    public void admit(RoutingContext rc, Route route, Runnable next) {
        if (AuditLog.privileged(route, rc.request().method().name())) {
            audit.onEnd(rc, route, clientIp(rc.request()), () -> actor(rc));
        }
        if (!enabled) {
            limitThenRun(rc, Identity.ANONYMOUS, next);
            return;
        }
        String authorization = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            decide(rc, route, Identity.ANONYMOUS, next);
            return;
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            refuse(
                    rc,
                    AccessPolicy.Refusal.unauthenticated(
                            "the Authorization header must be \"Bearer <token>\"", Map.of()),
                    "invalid_request");
            return;
        }
        String credential = authorization.substring(BEARER.length()).trim();
        Future<Identity> verified =
                ApiKeys.isApiKey(credential) ? apiKeys.verify(credential) : tokens.verify(credential);
        if (verified.isComplete()) {
            afterVerify(rc, route, verified, next);
            return;
        }
        holdBody(rc);
        verified.onComplete(done -> afterVerify(rc, route, verified, next));
    }

    /** Holds the body until the request is admitted (the proxy then streams it) or refused. */
    private static void holdBody(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (ProxyHeaders.hasRequestBody(request)) {
            request.pause();
        }
    }

    /** Replaces the client's acting-user headers by the gateway's; drops the credential (services never need it). */
    public static void applyTo(RoutingContext rc, MultiMap upstreamHeaders) {
        upstreamHeaders.remove(X_USER_ROLES);
        upstreamHeaders.remove(X_USER_AUTOCONFIRMED);
        Boolean autoconfirmed = rc.get(AUTOCONFIRMED);
        if (autoconfirmed != null) {
            upstreamHeaders.set(X_USER_AUTOCONFIRMED, autoconfirmed.toString());
        }
        Identity identity = rc.get(IDENTITY);
        if (identity != null) {
            upstreamHeaders.remove(HttpHeaders.AUTHORIZATION);
            upstreamHeaders.set(X_USER_ID, Long.toString(identity.userId()));
            upstreamHeaders.set(X_USER_ROLES, identity.rolesHeader());
        }
    }

    private void afterVerify(RoutingContext rc, Route route, Future<Identity> verified, Runnable next) {
        if (verified.failed() && verified.cause() instanceof ApiKeys.Unavailable unavailable) {
            rc.request().resume();
            GatewayErrors.send(
                    rc,
                    503,
                    "auth-unavailable",
                    unavailable.getMessage(),
                    new JsonObject().put("service", ApiKeys.USER_SERVICE));
            return;
        }
        if (verified.failed()) {
            String message = verified.cause() instanceof BearerTokens.Rejected
                    ? verified.cause().getMessage()
                    : "the bearer token could not be verified";
            refuse(rc, AccessPolicy.Refusal.unauthenticated(message, Map.of()), "invalid_token");
            return;
        }
        decide(rc, route, verified.result(), next);
    }

    /**
     * The audit's actor: the credential's identity once verified; with authentication off, the X-User-ID as sent
     * (believed as the services believe it); a missing or rejected credential is user 0.
     */
    private Identity actor(RoutingContext rc) {
        Identity identity = rc.get(ACTOR);
        if (identity != null) {
            return identity;
        }
        if (!enabled) {
            String header = rc.request().getHeader(X_USER_ID);
            try {
                long user = header == null ? 0 : Long.parseLong(header.strip());
                return user > 0 ? new Identity(user, Set.of(), "x-user-id") : Identity.ANONYMOUS;
            } catch (NumberFormatException e) {
                return Identity.ANONYMOUS;
            }
        }
        return Identity.ANONYMOUS;
    }

    private void decide(RoutingContext rc, Route route, Identity identity, Runnable next) {
        rc.put(ACTOR, identity);
        Optional<AccessPolicy.Refusal> refusal = policy.check(
                route, rc.request().method().name(), identity, rc.request().getHeader(X_USER_ID));
        if (refusal.isPresent()) {
            refuse(rc, refusal.get(), null);
            return;
        }
        rc.put(IDENTITY, identity);
        if (identity.anonymous()
                || AccessPolicy.reads(rc.request().method().name())
                || !SEMI_PROTECTION_SERVICE.equals(route.service())) {
            limitThenRun(rc, identity, next);
            return;
        }
        // an edit by a signed-in user: entity-service needs to know whether semi-protection lets them through
        Future<Boolean> autoconfirmed = UserStandings.byRole(identity)
                ? Future.succeededFuture(true)
                : standings.autoconfirmed(identity.userId());
        if (!autoconfirmed.isComplete()) {
            holdBody(rc);
        }
        autoconfirmed.onComplete(done -> {
            rc.put(AUTOCONFIRMED, done.succeeded() && done.result());
            limitThenRun(rc, identity, next);
        });
    }

    private void limitThenRun(RoutingContext rc, Identity identity, Runnable next) {
        if (!limiter.enabled()) {
            next.run();
            return;
        }
        TokenBucket.Take take = limiter.take(identity, clientIp(rc.request()));
        MultiMap headers = rc.response().headers();
        headers.set("RateLimit-Limit", Integer.toString(take.limit()));
        headers.set("RateLimit-Remaining", Integer.toString(take.remaining()));
        headers.set("RateLimit-Reset", Long.toString(take.resetSeconds()));
        if (take.taken()) {
            next.run();
            return;
        }
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(take.retryAfterSeconds()));
        rc.request().resume();
        GatewayErrors.send(
                rc,
                429,
                "rate-limited",
                "too many requests: retry after " + take.retryAfterSeconds() + " s",
                new JsonObject()
                        .put("limit", take.limit())
                        .put("retryAfterSeconds", take.retryAfterSeconds())
                        .put("by", take.scope()));
    }

    private void refuse(RoutingContext rc, AccessPolicy.Refusal refusal, String bearerError) {
        if (refusal.status() == 401) {
            rc.response()
                    .headers()
                    .set("WWW-Authenticate", bearerError == null ? "Bearer" : "Bearer error=\"" + bearerError + "\"");
        }
        rc.request().resume(); // drain and drop any body so the client connection stays usable
        GatewayErrors.send(rc, refusal.status(), refusal.code(), refusal.message(), new JsonObject(refusal.context()));
    }

    /** The client's address: the proxy's last X-Forwarded-For entry behind a trusted proxy, else the peer. */
    private String clientIp(HttpServerRequest request) {
        if (trustForwarded) {
            String forwarded = request.getHeader(X_FORWARDED_FOR);
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
            }
        }
        return request.remoteAddress() != null ? request.remoteAddress().hostAddress() : "unknown";
    }
}
