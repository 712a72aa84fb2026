package org.entitybase.statement.rest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.model.error.WikibaseJsonException;
import org.entitybase.model.json.StrictJson;
import org.entitybase.runtime.rest.ApiException;
import org.entitybase.statement.service.OrphanCleanup;
import org.entitybase.statement.service.StatementReadService;

/** {@code /statements/**} (API.md); the internal rebuild and statistics triggers are {@link InternalStatementResource}. */
@Path("/statements")
@Produces(MediaType.APPLICATION_JSON)
public class StatementResource {

    private static final int DEFAULT_MOST_USED = 100;
    private static final int MAX_MOST_USED = 1000;

    private final StatementReadService reads;
    private final OrphanCleanup cleanup;

    StatementResource(StatementReadService reads, OrphanCleanup cleanup) {
        this.reads = reads;
        this.cleanup = cleanup;
    }

    @GET
    @Path("{hash}")
    public Uni<ObjectNode> get(@PathParam("hash") String hash) {
        return reads.get(Params.hash(hash, "hash"));
    }

    /** {@code {"hashes": [...]}}, at most 500; unknown addresses are listed under {@code missing}. */
    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> batch(JsonNode body) {
        JsonNode hashes = body == null ? null : body.get("hashes");
        if (hashes == null || !hashes.isArray()) {
            throw new ApiException(400, "invalid-body", "the body is {\"hashes\": [...]}", Map.of("field", "hashes"));
        }
        if (hashes.size() > StatementReadService.MAX_BATCH) {
            throw new ApiException(
                    400,
                    "batch-too-large",
                    "at most " + StatementReadService.MAX_BATCH + " hashes per batch",
                    Map.of("max", StatementReadService.MAX_BATCH, "given", hashes.size()));
        }
        List<String> list = new ArrayList<>(hashes.size());
        for (int i = 0; i < hashes.size(); i++) {
            JsonNode h = hashes.get(i);
            list.add(Params.hash(h.isTextual() ? h.asText() : h.toString(), "hashes[" + i + "]"));
        }
        return reads.batch(list);
    }

    @GET
    @Path("most_used")
    public Uni<ObjectNode> mostUsed(@QueryParam("limit") String limit, @QueryParam("property") String property) {
        return reads.mostUsed(Params.property(property), Params.limit(limit, DEFAULT_MOST_USED, MAX_MOST_USED));
    }

    /** Body optional: {@code {"dry_run": true, "grace_period": "PT24H"}} (those are the defaults). */
    @POST
    @Path("cleanup-orphaned")
    public Uni<ObjectNode> cleanupOrphaned(byte[] body) {
        boolean dryRun = true;
        Duration grace = cleanup.defaultGrace();
        if (body != null && !new String(body, StandardCharsets.ISO_8859_1).isBlank()) {
            JsonNode request;
            try {
                request = StrictJson.readTree(body);
            } catch (WikibaseJsonException e) {
                throw new ApiException(
                        400, e.code(), "the body is not JSON: " + e.getMessage(), Map.of("path", e.path()));
            }
            if (request != null && !request.isNull() && !request.isMissingNode()) {
                if (!request.isObject()) {
                    throw new ApiException(400, "invalid-body", "the body is a JSON object", Map.of());
                }
                JsonNode d = request.get("dry_run");
                if (d != null && !d.isNull()) {
                    if (!d.isBoolean()) {
                        throw Params.invalid("dry_run", d, "dry_run is true or false");
                    }
                    dryRun = d.asBoolean();
                }
                JsonNode g = request.get("grace_period");
                if (g != null && !g.isNull()) {
                    if (!g.isTextual()) {
                        throw Params.invalid("grace_period", g, "grace_period is an ISO-8601 duration such as PT24H");
                    }
                    grace = Params.duration(g.asText(), "grace_period");
                }
            }
        }
        return cleanup.run(dryRun, grace);
    }
}
