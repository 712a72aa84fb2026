package org.entitybase.watchlist.rest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.runtime.rest.RequestParams;
import org.entitybase.watchlist.repository.NotificationCursor;
import org.entitybase.watchlist.repository.NotificationRepository.Notification;
import org.entitybase.watchlist.service.NotificationService;

/**
 * {@code /users/{id}/notifications}: the watchlist notifications of a user, private to them (X-User-ID must be
 * {id}, never 0).
 */
@Path("/users/{id}/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public class NotificationResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    /** Most ids one mark-read request names. */
    static final int MAX_IDS = 500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NotificationService notifications;

    NotificationResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
    @Operation(
            summary = "The user's notifications, newest first (?unread=true for unread only, &limit=, &after= the"
                    + " next cursor of the previous page)")
    public Uni<ObjectNode> list(
            @PathParam("id") String id,
            @HeaderParam(RequestParams.USER_ID) String actingUser,
            @QueryParam("unread") String unread,
            @QueryParam("limit") String limit,
            @QueryParam("after") String after) {
        long user = RequestParams.actingAs(actingUser, RequestParams.userId(id));
        boolean unreadOnly = RequestParams.flag("unread", unread);
        int max = RequestParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        NotificationCursor cursor = null;
        if (after != null) {
            cursor = NotificationCursor.decode(after);
            if (cursor == null) {
                throw RequestParams.invalid("after", after, "after is the next cursor of a previous page");
            }
        }
        return notifications.page(user, unreadOnly, cursor, max).map(page -> {
            ObjectNode out = JSON.createObjectNode().put("user_id", user);
            ArrayNode rows = out.putArray("notifications");
            page.notifications().forEach(n -> rows.add(json(n)));
            if (page.next() == null) {
                out.putNull("next");
            } else {
                out.put("next", page.next());
            }
            return out;
        });
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many of the user's notifications are unread")
    public Uni<ObjectNode> unreadCount(
            @PathParam("id") String id, @HeaderParam(RequestParams.USER_ID) String actingUser) {
        long user = RequestParams.actingAs(actingUser, RequestParams.userId(id));
        return notifications
                .unreadCount(user)
                .map(n -> JSON.createObjectNode().put("user_id", user).put("unread", n));
    }

    @POST
    @Path("/{notification}/read")
    @Operation(summary = "Mark one notification read (again: no change); 404 when it is not the user's")
    public Uni<ObjectNode> markOne(
            @PathParam("id") String id,
            @PathParam("notification") String notification,
            @HeaderParam(RequestParams.USER_ID) String actingUser) {
        long user = RequestParams.actingAs(actingUser, RequestParams.userId(id));
        long notificationId = Params.notificationId(notification);
        return notifications.markRead(user, notificationId).map(NotificationResource::json);
    }

    @POST
    @Path("/read")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Mark notifications read: {\"ids\": [1, 2]} (at most " + MAX_IDS + "; others' ids are ignored)"
                    + " or {\"before\": \"2026-12-07T10:00:00Z\"} (every one created before); answers {\"marked\": n}")
    public Uni<ObjectNode> markMany(
            @PathParam("id") String id, JsonNode body, @HeaderParam(RequestParams.USER_ID) String actingUser) {
        long user = RequestParams.actingAs(actingUser, RequestParams.userId(id));
        JsonNode request = RequestParams.object(body);
        JsonNode ids = request.get("ids");
        JsonNode before = request.get("before");
        if ((ids == null) == (before == null) || request.size() != 1) {
            throw RequestParams.invalidBody(
                    "ids", "the body is exactly one of {\"ids\": [...]} or {\"before\": \"<time>\"}");
        }
        Uni<Long> marked = ids != null
                ? notifications.markRead(user, ids(ids))
                : notifications.markReadBefore(user, Params.time(before, "before"));
        return marked.map(n -> JSON.createObjectNode().put("user_id", user).put("marked", n));
    }

    static List<Long> ids(JsonNode node) {
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_IDS) {
            throw RequestParams.invalidBody("ids", "ids is an array of 1 to " + MAX_IDS + " notification ids");
        }
        Set<Long> out = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 1) {
                throw RequestParams.invalidBody("ids[" + i + "]", "a notification id is an integer ≥ 1");
            }
            out.add(v.asLong());
        }
        return new ArrayList<>(out);
    }

    static ObjectNode json(Notification n) {
        ObjectNode out = JSON.createObjectNode()
                .put("id", n.id())
                .put("entity_id", n.entityId())
                .put("revision_id", n.revisionId())
                .put("change_type", n.changeType())
                .put("changed_by", n.changedBy())
                .put("created_at", n.createdAt().toString());
        if (n.readAt() == null) {
            out.putNull("read_at");
        } else {
            out.put("read_at", n.readAt().toString());
        }
        return out;
    }
}
