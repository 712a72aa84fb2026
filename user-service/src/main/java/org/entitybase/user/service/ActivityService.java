package org.entitybase.user.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.user.repository.Cursor;
import org.entitybase.user.repository.RevisionIndexRepository;
import org.entitybase.user.repository.RevisionIndexRepository.Revision;

/** Every revision a user made, newest first, from the revision index. */
@ApplicationScoped
public class ActivityService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pool pool;
    private final RevisionIndexRepository index;

    ActivityService(Pool pool, RevisionIndexRepository index) {
        this.pool = pool;
        this.index = index;
    }

    /**
     * {@code {user_id, activity: [{entity_id, revision_id, parent_revision_id, change_type, edit_summary, timestamp,
     * redirect_target?}], next}}; {@code changeType} null for all.
     */
    public Uni<ObjectNode> activity(long userId, String changeType, Cursor after, int limit) {
        return index.activity(pool, userId, changeType, after, limit + 1).map(page -> {
            ObjectNode out = JSON.createObjectNode().put("user_id", userId);
            ArrayNode list = out.putArray("activity");
            page.stream().limit(limit).forEach(r -> list.add(json(r)));
            if (page.size() > limit) {
                Revision last = page.get(limit - 1);
                out.put("next", new Cursor(last.at(), last.entityId(), last.revisionId()).encode());
            } else {
                out.putNull("next");
            }
            return out;
        });
    }

    private static ObjectNode json(Revision r) {
        ObjectNode node = JSON.createObjectNode().put("entity_id", r.entityId()).put("revision_id", r.revisionId());
        if (r.parentRevisionId() == null) {
            node.putNull("parent_revision_id");
        } else {
            node.put("parent_revision_id", r.parentRevisionId());
        }
        node.put("change_type", r.changeType())
                .put("edit_summary", r.editSummary() == null ? "" : r.editSummary())
                .put("timestamp", r.at().toString());
        if (r.redirectTarget() != null) {
            node.put("redirect_target", r.redirectTarget());
        }
        return node;
    }
}
