package org.entitybase.user.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.model.event.ChangeType;
import org.entitybase.runtime.rest.RequestParams;
import org.entitybase.user.repository.Cursor;
import org.entitybase.user.service.ActivityService;

/** {@code GET /users/{id}/activity?limit=&after=&type=}: registered or not, anyone who edited has activity. */
@Path("/users/{id}/activity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public class ActivityResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final ActivityService activity;

    ActivityResource(ActivityService activity) {
        this.activity = activity;
    }

    @GET
    @Operation(
            summary = "Every revision the user made, newest first: entity, revision, time, summary, change type"
                    + " (?type=create|edit|delete|undelete|redirect|unredirect|revert|protect&limit=&after=)")
    public Uni<ObjectNode> activity(
            @PathParam("id") String id,
            @QueryParam("limit") String limit,
            @QueryParam("after") String after,
            @QueryParam("type") String type) {
        long user = Params.editorId(id);
        if (type != null && ChangeType.fromJsonName(type) == null) {
            throw RequestParams.invalid("type", type, "type is a change type (create, edit, delete, ...)");
        }
        Cursor cursor = null;
        if (after != null) {
            cursor = Cursor.decode(after);
            if (cursor == null) {
                throw RequestParams.invalid("after", after, "after is the next cursor of a previous page");
            }
        }
        return activity.activity(user, type, cursor, RequestParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
    }
}
