package org.entitybase.statement.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.statement.service.BacklinkStatisticsJob;
import org.entitybase.statement.service.StatementRebuild;

/**
 * {@code /internal/statements/**}: the rebuild and backlink-statistics triggers, outside the public prefix (common-runtime
 * {@code InternalRoutes}), so neither the gateway nor the Ingress reaches them.
 */
@Path("/internal/statements")
@Produces(MediaType.APPLICATION_JSON)
public class InternalStatementResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StatementRebuild rebuild;
    private final BacklinkStatisticsJob statistics;

    InternalStatementResource(StatementRebuild rebuild, BacklinkStatisticsJob statistics) {
        this.rebuild = rebuild;
        this.statistics = statistics;
    }

    /** Recomputes every count from the revisions and reports differences; {@code apply=true} fixes them. */
    @POST
    @Path("rebuild")
    public Uni<ObjectNode> rebuild(@QueryParam("apply") String apply) {
        if (apply != null && !apply.equals("true") && !apply.equals("false")) {
            throw Params.invalid("apply", apply, "apply is true or false");
        }
        return rebuild.run("true".equals(apply));
    }

    @POST
    @Path("backlink-statistics")
    public Uni<ObjectNode> backlinkStatistics() {
        return statistics.run().map(targets -> JSON.createObjectNode().put("targets", targets));
    }
}
