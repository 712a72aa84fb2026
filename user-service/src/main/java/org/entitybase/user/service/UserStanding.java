package org.entitybase.user.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.user.config.UserServiceConfig;
import org.entitybase.user.repository.UserRepository;

/**
 * Whether a user is autoconfirmed, as Wikidata decides it: registered (users.created_at) at least {@code min-age} ago
 * and with at least {@code min-edits} edits (the revision index, user_activity). An id user-service does not know is
 * not autoconfirmed. The gateway asks (and caches) this for the writes of users without the admin or bot role;
 * entity-service refuses semi-protected edits of users that are not.
 */
@ApplicationScoped
public class UserStanding {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pool pool;
    private final UserRepository users;
    private final Duration minAge;
    private final int minEdits;

    UserStanding(Pool pool, UserRepository users, UserServiceConfig config) {
        this.pool = pool;
        this.users = users;
        this.minAge = config.autoconfirm().minAge();
        this.minEdits = config.autoconfirm().minEdits();
    }

    /** {@code {user_id, registered, edits (counted up to min-edits), autoconfirmed}}. */
    public Uni<ObjectNode> of(long userId) {
        return users.find(pool, userId).flatMap(user -> {
            ObjectNode out = JSON.createObjectNode().put("user_id", userId).put("registered", user != null);
            if (user == null) {
                return Uni.createFrom().item(out.put("autoconfirmed", false));
            }
            return users.editsUpTo(pool, userId, minEdits).map(edits -> {
                boolean oldEnough = !user.registeredAt().plus(minAge).isAfter(Instant.now());
                return out.put("registered_at", user.registeredAt().toString())
                        .put("edits", edits)
                        .put("autoconfirmed", oldEnough && edits >= minEdits);
            });
        });
    }
}
