package org.entitybase.gateway.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The roles a credential can carry (JWT {@code groups} claim, or an API key's roles). A route in routes.json names the
 * one role its writes need; {@link #grants} says which held roles satisfy it: admin satisfies every role, bot
 * satisfies editor (a bot is an editor with higher rate limits), every role satisfies reader.
 */
public enum Role {
    READER,
    EDITOR,
    BOT,
    IMPORTER,
    ADMIN;

    /** The name as written in routes.json and in tokens: lower case. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String key) {
        return Arrays.stream(values()).filter(role -> role.key().equals(key)).findFirst();
    }

    /** Whether someone holding {@code held} may act where this role is required. */
    public boolean grantedBy(Set<Role> held) {
        if (held.contains(this) || held.contains(ADMIN)) {
            return true;
        }
        return switch (this) {
            case READER -> !held.isEmpty();
            case EDITOR -> held.contains(BOT);
            default -> false;
        };
    }
}
