package org.entitybase.user.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.rest.ApiException;
import org.entitybase.user.repository.Sql;
import org.entitybase.user.repository.UserRepository;
import org.entitybase.user.repository.UserRepository.UserRow;

/** Registering, importing and describing users. */
@ApplicationScoped
public class UserService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pool pool;
    private final UserRepository users;

    UserService(Pool pool, UserRepository users) {
        this.pool = pool;
        this.users = users;
    }

    /** The outcome of a write: the user, and whether this request created it. */
    public record Written(UserRow user, boolean created) {}

    /** A new user with a new id; 409 when the name is taken (in any case). */
    public Uni<Written> register(String name) {
        String checked = UserNames.check(name);
        String key = UserNames.key(checked);
        Instant now = now();
        return pool.withTransaction(c -> users.insert(c, checked, key, now))
                .map(id -> new Written(new UserRow(id, checked, now), true))
                .onFailure(Sql::isDuplicateKey)
                .transform(e -> nameTaken(checked));
    }

    /**
     * An existing account imported with its id. Repeating an import changes nothing (200); the id held by another
     * name, or the name by another id, is 409.
     */
    public Uni<Written> importUser(long id, String name) {
        String checked = UserNames.check(name);
        String key = UserNames.key(checked);
        Instant now = now();
        return pool.withTransaction(c -> users.insert(c, id, checked, key, now))
                .map(ignored -> new Written(new UserRow(id, checked, now), true))
                .onFailure(Sql::isDuplicateKey)
                .recoverWithUni(() -> users.find(pool, id).flatMap(existing -> {
                    if (existing != null && existing.name().equals(checked)) {
                        return Uni.createFrom().item(new Written(existing, false));
                    }
                    if (existing != null) {
                        throw new ApiException(
                                409,
                                "user-exists",
                                "user " + id + " exists with another name",
                                Map.of("id", id, "name", existing.name()));
                    }
                    throw nameTaken(checked);
                }));
    }

    /** {@code {id, name, registered_at, edit_count, thanks_sent, thanks_received, endorsements_given}}; 404. */
    public Uni<ObjectNode> describe(long id) {
        return users.find(pool, id).flatMap(user -> {
            if (user == null) {
                throw notFound(id);
            }
            return users.counts(pool, id)
                    .map(counts -> JSON.createObjectNode()
                            .put("id", user.id())
                            .put("name", user.name())
                            .put("registered_at", user.registeredAt().toString())
                            .put("edit_count", counts.edits())
                            .put("thanks_sent", counts.thanksSent())
                            .put("thanks_received", counts.thanksReceived())
                            .put("endorsements_given", counts.endorsementsGiven()));
        });
    }

    public static ObjectNode summary(UserRow user) {
        return JSON.createObjectNode()
                .put("id", user.id())
                .put("name", user.name())
                .put("registered_at", user.registeredAt().toString());
    }

    static ApiException notFound(long id) {
        return new ApiException(404, "user-not-found", "no user " + id, Map.of("id", id));
    }

    private static ApiException nameTaken(String name) {
        return new ApiException(
                409, "name-taken", "the name " + name + " is taken (names ignore case)", Map.of("name", name));
    }

    /** To the microsecond: what DATETIME(6) keeps, so a written time reads back equal. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
