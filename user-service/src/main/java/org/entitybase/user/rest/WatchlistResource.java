package org.entitybase.user.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.runtime.rest.RequestParams;
import org.entitybase.user.service.WatchlistService;

/** {@code GET|POST|DELETE /users/{id}/watchlist}: private to its user (X-User-ID must be {id}, never 0). */
@Path("/users/{id}/watchlist")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public class WatchlistResource {

    static final int MAX_PROPERTIES = 50;
    private static final int DEFAULT_LIMIT = 1000;
    private static final int MAX_LIMIT = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WatchlistService watchlist;

    WatchlistResource(WatchlistService watchlist) {
        this.watchlist = watchlist;
    }

    @GET
    @Operation(
            summary = "The user's watched entities with their property filters, ordered by entity id (?limit=&after=)")
    public Uni<ObjectNode> list(
            @PathParam("id") String id,
            @HeaderParam(RequestParams.USER_ID) String actingUser,
            @QueryParam("limit") String limit,
            @QueryParam("after") String after) {
        long user = RequestParams.actingAs(actingUser, RequestParams.userId(id));
        String cursor = after == null ? null : Params.entityId(after, "after");
        return watchlist.list(user, cursor, RequestParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Watch an entity: {\"entity_id\", \"properties\"?: [\"P31\", ...]} (only changes of those"
                    + " properties); 201 new, 200 filter set; 404 no such entity; 422 watchlist full")
    public Uni<Response> watch(
            @PathParam("id") String id, JsonNode body, @HeaderParam(RequestParams.USER_ID) String actingUser) {
        long user = RequestParams.actingAs(actingUser, RequestParams.userId(id));
        String entityId = Params.entityId(Params.text(body, "entity_id"), "entity_id");
        List<String> properties = properties(body.get("properties"));
        return watchlist.watch(user, entityId, properties).map(outcome -> {
            ObjectNode entry = JSON.createObjectNode().put("user_id", user).put("entity_id", entityId);
            if (properties != null) {
                ArrayNode p = entry.putArray("properties");
                properties.forEach(p::add);
            }
            return Response.status(outcome == WatchlistService.Outcome.CREATED ? 201 : 200)
                    .entity(entry)
                    .build();
        });
    }

    @DELETE
    @Operation(summary = "Stop watching an entity (?entity_id=, or {\"entity_id\"}); 404 when not watched")
    public Uni<Response> unwatch(
            @PathParam("id") String id,
            @QueryParam("entity_id") String entityParam,
            JsonNode body,
            @HeaderParam(RequestParams.USER_ID) String actingUser) {
        long user = RequestParams.actingAs(actingUser, RequestParams.userId(id));
        String raw = entityParam != null ? entityParam : Params.text(body, "entity_id");
        String entityId = Params.entityId(raw, "entity_id");
        return watchlist
                .unwatch(user, entityId)
                .map(ignored -> Response.noContent().build());
    }

    /** null (every change) or the distinct property ids, sorted: one spelling per filter. */
    static List<String> properties(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_PROPERTIES) {
            throw RequestParams.invalidBody(
                    "properties", "properties is an array of 1 to " + MAX_PROPERTIES + " property ids, or absent");
        }
        TreeSet<String> ids =
                new TreeSet<>((a, b) -> a.length() != b.length() ? a.length() - b.length() : a.compareTo(b));
        for (int i = 0; i < node.size(); i++) {
            JsonNode p = node.get(i);
            ids.add(Params.propertyId(p.isTextual() ? p.asText() : p.toString(), "properties[" + i + "]"));
        }
        return new ArrayList<>(ids);
    }
}
