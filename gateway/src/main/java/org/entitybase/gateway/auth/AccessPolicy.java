package org.entitybase.gateway.auth;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.entitybase.gateway.route.Route;

/**
 * Who may send what, once the gateway knows the identity: reads are open (but for routes with a readRole: the admin
 * lists); a write needs its route's role (admin
 * satisfies all, bot satisfies editor); anonymous clients may send editor writes when anonymous edits are allowed. A
 * client's own {@code X-User-ID} is not a credential: it may only repeat the identity the credential proves.
 */
public final class AccessPolicy {
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final boolean anonymousEdits;

    public AccessPolicy(boolean anonymousEdits) {
        this.anonymousEdits = anonymousEdits;
    }

    /** GET, HEAD and OPTIONS: open to everyone. */
    static boolean reads(String method) {
        return READ_METHODS.contains(method);
    }

    /** Why the request is refused, or empty when it may go through. */
    public Optional<Refusal> check(Route route, String method, Identity identity, String clientUserId) {
        if (clientUserId != null && !clientUserId.equals(Long.toString(identity.userId()))) {
            return identity.anonymous()
                    ? Optional.of(Refusal.unauthenticated(
                            "X-User-ID is not a credential: send a bearer token to act as user " + clientUserId,
                            Map.of("user", clientUserId)))
                    : Optional.of(new Refusal(
                            403,
                            "user-mismatch",
                            "the credential is user " + identity.userId() + ", not user " + clientUserId,
                            Map.of("user", clientUserId, "credentialUser", identity.userId())));
        }
        Role needed = reads(method) ? route.readRole() : route.writeRole(method);
        if (needed == null || needed.grantedBy(identity.roles())) {
            return Optional.empty();
        }
        if (identity.anonymous()) {
            if (needed == Role.EDITOR && anonymousEdits && !reads(method)) {
                return Optional.empty();
            }
            return Optional.of(Refusal.unauthenticated(
                    method + " on " + route.name() + " needs a credential with the " + needed.key() + " role",
                    Map.of("route", route.name(), "requiredRole", needed.key())));
        }
        return Optional.of(new Refusal(
                403,
                "forbidden",
                method + " on " + route.name() + " needs the " + needed.key() + " role",
                Map.of(
                        "route", route.name(),
                        "requiredRole", needed.key(),
                        "roles", identity.rolesHeader())));
    }

    /** An error answer in the common body {@code {code, message, context}}. */
    public record Refusal(int status, String code, String message, Map<String, Object> context) {
        public Refusal {
            context = Map.copyOf(context);
        }

        public static Refusal unauthenticated(String message, Map<String, Object> context) {
            return new Refusal(401, "unauthenticated", message, context);
        }
    }
}
