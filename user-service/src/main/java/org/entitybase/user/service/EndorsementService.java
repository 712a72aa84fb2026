package org.entitybase.user.service;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.rest.ApiException;
import org.entitybase.user.repository.EndorsementRepository;
import org.entitybase.user.repository.EndorsementRepository.Endorsement;
import org.entitybase.user.repository.Sql;
import org.entitybase.user.storage.StatementObjects;

/** Endorsements of statements (by content address): one per user and statement, of statements that exist. */
@ApplicationScoped
public class EndorsementService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,17})\\.(\\d{1,19})");
    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T23:59:59Z");

    private final Pool pool;
    private final EndorsementRepository endorsements;
    private final StatementObjects statements;

    EndorsementService(Pool pool, EndorsementRepository endorsements, StatementObjects statements) {
        this.pool = pool;
        this.endorsements = endorsements;
        this.statements = statements;
    }

    /** 404 {@code statement-not-found}; 409 {@code already-endorsed}. */
    public Uni<ObjectNode> endorse(long userId, String hash) {
        return statements.exists(hash).flatMap(exists -> {
            if (!exists) {
                throw new ApiException(
                        404, "statement-not-found", "no statement has address " + hash, Map.of("hash", hash));
            }
            Instant now = UserService.now();
            return endorsements
                    .insert(pool, userId, hash, now)
                    .onFailure(Sql::isDuplicateKey)
                    .transform(e -> new ApiException(
                            409,
                            "already-endorsed",
                            "user " + userId + " endorses this statement already",
                            Map.of("hash", hash, "user_id", userId)))
                    .replaceWith(() -> JSON.createObjectNode()
                            .put("hash", hash)
                            .put("user_id", userId)
                            .put("endorsed_at", now.toString()));
        });
    }

    /** 404 {@code endorsement-not-found} when the user did not endorse the statement. */
    public Uni<Void> withdraw(long userId, String hash) {
        return endorsements.delete(pool, userId, hash).map(deleted -> {
            if (!deleted) {
                throw new ApiException(
                        404,
                        "endorsement-not-found",
                        "user " + userId + " does not endorse this statement",
                        Map.of("hash", hash, "user_id", userId));
            }
            return null;
        });
    }

    /** {@code {hash, count, endorsements: [{user_id, endorsed_at}], next}} newest first. */
    public Uni<ObjectNode> list(String hash, String after, int limit) {
        Instant beforeAt = FAR_FUTURE;
        long beforeUser = Long.MAX_VALUE;
        if (after != null) {
            Matcher m = CURSOR.matcher(after);
            if (!m.matches()) {
                throw new ApiException(
                        400,
                        "invalid-parameter",
                        "after is the next cursor of a previous page",
                        Map.of("parameter", "after", "value", after));
            }
            long micros = Long.parseLong(m.group(1));
            beforeAt = Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1_000L);
            beforeUser = Long.parseLong(m.group(2));
        }
        Instant at = beforeAt;
        long user = beforeUser;
        return endorsements
                .count(pool, hash)
                .flatMap(count -> endorsements
                        .page(pool, hash, at, user, limit + 1)
                        .map(page -> {
                            ObjectNode out =
                                    JSON.createObjectNode().put("hash", hash).put("count", count);
                            ArrayNode list = out.putArray("endorsements");
                            page.stream()
                                    .limit(limit)
                                    .forEach(e -> list.addObject()
                                            .put("user_id", e.userId())
                                            .put("endorsed_at", e.at().toString()));
                            if (page.size() > limit) {
                                Endorsement last = page.get(limit - 1);
                                long micros = last.at().getEpochSecond() * 1_000_000L
                                        + last.at().getNano() / 1_000;
                                out.put("next", micros + "." + last.userId());
                            } else {
                                out.putNull("next");
                            }
                            return out;
                        }));
    }
}
