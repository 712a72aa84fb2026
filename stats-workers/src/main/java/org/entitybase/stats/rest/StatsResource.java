package org.entitybase.stats.rest;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.stats.config.StatsConfig;
import org.entitybase.stats.repository.StatsRepository;
import org.entitybase.stats.service.ChangeKinds;
import org.entitybase.stats.service.DayActivity;

/**
 * {@code GET /stats} (the latest finalised day: its activity and the totals at its end), {@code GET
 * /stats/daily?from=&to=} (days in a range, today's still live) and {@code GET /users/{id}/stats?from=&to=}.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final Pool pool;
    private final StatsRepository stats;
    private final int maxRangeDays;

    StatsResource(Pool pool, StatsRepository stats, StatsConfig config) {
        this.pool = pool;
        this.stats = stats;
        this.maxRangeDays = config.maxRangeDays();
    }

    @GET
    @Path("stats")
    public Uni<ObjectNode> latest() {
        return stats.latestFinalised(pool).map(latest -> {
            if (latest == null) {
                // nothing finalised yet: no day, zero totals
                ObjectNode body = StatsJson.day(DayActivity.zero(ChangeKinds.day(Instant.now())));
                body.putNull("day");
                body.putNull("totals");
                return body;
            }
            return StatsJson.day(latest);
        });
    }

    @GET
    @Path("stats/daily")
    public Uni<ObjectNode> daily(@QueryParam("from") String from, @QueryParam("to") String to) {
        StatsParams.DayRange range = StatsParams.range(from, to, ChangeKinds.day(Instant.now()), maxRangeDays);
        return stats.generalRange(pool, range.from(), range.to()).map(days -> {
            ObjectNode body = StatsJson.JSON.createObjectNode();
            body.put("from", range.from().toString());
            body.put("to", range.to().toString());
            var array = body.putArray("days");
            days.forEach(day -> array.add(StatsJson.day(day)));
            return body;
        });
    }

    @GET
    @Path("users/{id}/stats")
    public Uni<ObjectNode> user(
            @PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        long userId = StatsParams.userId(id);
        StatsParams.DayRange range = StatsParams.range(from, to, ChangeKinds.day(Instant.now()), maxRangeDays);
        return stats.userRange(pool, userId, range.from(), range.to()).map(rows -> StatsJson.user(userId, range, rows));
    }
}
