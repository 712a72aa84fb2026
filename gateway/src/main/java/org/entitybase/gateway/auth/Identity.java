package org.entitybase.gateway.auth;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who a request acts as, decided by the gateway: the user id the services get as {@code X-User-ID} (0 = anonymous),
 * the roles they get as {@code X-User-Roles}, and the credential that proved it (the rate-limit key of a credential;
 * {@code null} for anonymous requests).
 */
public record Identity(long userId, Set<Role> roles, String credential) {
    public static final Identity ANONYMOUS = new Identity(0, Set.of(), null);

    public Identity {
        roles = Set.copyOf(roles);
    }

    public boolean anonymous() {
        return credential == null;
    }

    /** {@code X-User-Roles}: the role keys, comma separated, in a fixed order. */
    public String rolesHeader() {
        return roles.stream().sorted().map(Role::key).collect(Collectors.joining(","));
    }
}
