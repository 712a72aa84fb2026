package org.entitybase.user.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.rest.ApiException;
import org.entitybase.user.repository.Cursor;
import org.entitybase.user.repository.Sql;
import org.entitybase.user.repository.ThanksRepository;
import org.entitybase.user.repository.ThanksRepository.Thanks;

/** Thanks for a revision, sent to its author: once per sender and revision, never for one's own or anonymous edits. */
@ApplicationScoped
public class ThanksService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pool pool;
    private final ThanksRepository thanks;
    private final RevisionDirectory directory;

    ThanksService(Pool pool, ThanksRepository thanks, RevisionDirectory directory) {
        this.pool = pool;
        this.thanks = thanks;
        this.directory = directory;
    }

    /** The thanks, and whether this request sent it (false: sent before, the first answer is repeated). */
    public record Sent(Thanks thanks, boolean created) {}

    public Uni<Sent> thank(long sender, String entityId, long revisionId) {
        return thanks.find(pool, sender, entityId, revisionId).flatMap(earlier -> {
            if (earlier != null) {
                return Uni.createFrom().item(new Sent(earlier, false));
            }
            return directory.author(entityId, revisionId).flatMap(author -> {
                Map<String, Object> context = Map.of("entity_id", entityId, "revision_id", revisionId);
                if (author == sender) {
                    throw new ApiException(422, "own-revision", "users cannot thank for their own revision", context);
                }
                if (author == 0) {
                    throw new ApiException(
                            422, "anonymous-revision", "an anonymous revision has nobody to thank", context);
                }
                Thanks t = new Thanks(sender, author, entityId, revisionId, UserService.now());
                return thanks.insert(pool, t)
                        .replaceWith(new Sent(t, true))
                        // a concurrent repeat won the insert: answer as it did
                        .onFailure(Sql::isDuplicateKey)
                        .recoverWithUni(() ->
                                thanks.find(pool, sender, entityId, revisionId).map(first -> new Sent(first, false)));
            });
        });
    }

    /** {@code {user_id, direction, thanks: [...], next}} newest first. */
    public Uni<ObjectNode> list(long userId, boolean received, Cursor after, int limit) {
        return thanks.page(pool, userId, received, after, limit + 1).map(page -> {
            ObjectNode out =
                    JSON.createObjectNode().put("user_id", userId).put("direction", received ? "received" : "sent");
            ArrayNode list = out.putArray("thanks");
            page.stream().limit(limit).forEach(t -> list.add(json(t)));
            out.put("next", next(page, limit));
            return out;
        });
    }

    public static ObjectNode json(Thanks t) {
        return JSON.createObjectNode()
                .put("from_user_id", t.fromUserId())
                .put("to_user_id", t.toUserId())
                .put("entity_id", t.entityId())
                .put("revision_id", t.revisionId())
                .put("thanked_at", t.at().toString());
    }

    private static String next(List<Thanks> page, int limit) {
        if (page.size() <= limit) {
            return null;
        }
        Thanks last = page.get(limit - 1);
        return new Cursor(last.at(), last.entityId(), last.revisionId()).encode();
    }
}
