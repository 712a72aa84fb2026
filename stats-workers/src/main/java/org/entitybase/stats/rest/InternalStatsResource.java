package org.entitybase.stats.rest;

import java.util.Map;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.runtime.rest.ApiException;
import org.entitybase.runtime.schedule.LeasedJob;
import org.entitybase.stats.jobs.GeneralStatsJob;
import org.entitybase.stats.jobs.UserStatsJob;
import org.entitybase.stats.service.StatsRebuild;

/**
 * {@code /internal/stats/**}: run a daily job now, and the rebuild, outside the public prefix (common-runtime
 * {@code InternalRoutes}), so neither the gateway nor the Ingress reaches them.
 */
@Path("/internal/stats")
@Produces(MediaType.APPLICATION_JSON)
public class InternalStatsResource {

    private final StatsRebuild rebuild;
    private final Map<String, LeasedJob<Integer>> jobs;
    private final LeasedJob<Integer> general;

    InternalStatsResource(StatsRebuild rebuild, UserStatsJob user, GeneralStatsJob general) {
        this.rebuild = rebuild;
        this.general = general.job();
        this.jobs = Map.of(UserStatsJob.NAME, user.job(), GeneralStatsJob.NAME, general.job());
    }

    /** Runs {@code user-stats} or {@code general-stats} now in this replica; how many days it finalised. */
    @POST
    @Path("jobs/{name}")
    public Uni<ObjectNode> run(@PathParam("name") String name) {
        LeasedJob<Integer> job = jobs.get(name);
        if (job == null) {
            throw new ApiException(
                    404, "unknown-job", "no job " + name + "; jobs: " + jobs.keySet(), Map.of("job", name));
        }
        return job.runNow()
                .map(days -> StatsJson.JSON.createObjectNode().put("job", name).put("days_finalized", days));
    }

    /**
     * Recomputes every derived table from the revision log (figures read again from S3) and lists differences;
     * {@code apply=true} rewrites them and finalises every day again.
     */
    @POST
    @Path("rebuild")
    public Uni<ObjectNode> rebuild(@QueryParam("apply") String apply) {
        if (apply != null && !apply.equals("true") && !apply.equals("false")) {
            throw new ApiException(
                    400, "invalid-parameter", "apply is true or false, not " + apply, Map.of("parameter", "apply"));
        }
        boolean fix = "true".equals(apply);
        return rebuild.run(fix)
                .call(report ->
                        report.applied() ? general.runNow() : Uni.createFrom().voidItem())
                .map(StatsJson::report);
    }
}
