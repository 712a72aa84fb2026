package org.entitybase.ids.rest;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.ids.rest.IdRangeResponses.ClaimedRange;
import org.entitybase.ids.rest.IdRangeResponses.RangeListing;
import org.entitybase.ids.rest.IdRangeResponses.Reservation;
import org.entitybase.ids.service.IdRangeAllocator;
import org.entitybase.model.id.EntityType;
import org.entitybase.runtime.rest.ApiException;

/**
 * {@code /internal/id-ranges}: id ranges for entity-service instances. Internal: outside the public prefix (common-runtime
 * {@code InternalRoutes}), so only services inside the cluster reach it.
 */
@Path("/internal/id-ranges")
@Produces(MediaType.APPLICATION_JSON)
public class IdRangeResource {

    static final int DEFAULT_LISTED_RANGES = 100;

    private final IdRangeAllocator allocator;

    IdRangeResource(IdRangeAllocator allocator) {
        this.allocator = allocator;
    }

    /** {@code {"entity_type": "item", "size": 1000, "owner": "<instance>"}} → 201 with the claimed range. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> claim(JsonNode body) {
        ObjectNode request = JsonRequests.object(body);
        EntityType type = IdRangeAllocator.allocatableType(JsonRequests.requiredText(request, "entity_type"));
        long size = JsonRequests.requiredInteger(request, "size");
        String owner = JsonRequests.requiredText(request, "owner");
        return allocator
                .claim(type, size, owner)
                .map(range -> Response.status(Response.Status.CREATED)
                        .entity(ClaimedRange.of(range))
                        .build());
    }

    /** {@code {"entity_type": "item", "up_to": 5000, "owner": "<optional>"}} → later claims start above 5000. */
    @POST
    @Path("/reserve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Reservation> reserve(JsonNode body) {
        ObjectNode request = JsonRequests.object(body);
        EntityType type = IdRangeAllocator.allocatableType(JsonRequests.requiredText(request, "entity_type"));
        long upTo = JsonRequests.requiredInteger(request, "up_to");
        String owner = JsonRequests.optionalText(request, "owner");
        return allocator.reserveUpTo(type, upTo, owner).map(nextId -> new Reservation(type.jsonName(), upTo, nextId));
    }

    /** {@code ?entity_type=item&limit=100}: the next free id and the highest ranges, for inspection. */
    @GET
    public Uni<RangeListing> list(@QueryParam("entity_type") String entityType, @QueryParam("limit") String limit) {
        if (entityType == null) {
            throw new ApiException(
                    400, "invalid-request", "query parameter entity_type is required", Map.of("field", "entity_type"));
        }
        EntityType type = IdRangeAllocator.allocatableType(entityType);
        return allocator.list(type, parseLimit(limit)).map(RangeListing::of);
    }

    private static int parseLimit(String limit) {
        if (limit == null) {
            return DEFAULT_LISTED_RANGES;
        }
        try {
            return Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid-limit", "limit must be an integer", Map.of("limit", limit));
        }
    }
}
