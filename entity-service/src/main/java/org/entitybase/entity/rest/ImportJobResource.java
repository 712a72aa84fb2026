package org.entitybase.entity.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.config.EntityServiceConfig;
import org.entitybase.entity.service.ImportJobs;
import org.entitybase.runtime.rest.ApiException;

/**
 * Bulk import jobs (issue 14): {@code POST /import/jobs} starts one (its body, if any, is the dump's first part),
 * {@code POST /import/jobs/{id}/parts?from=N} sends the next whole lines of the dump from line N, {@code GET
 * /import/jobs/{id}} tells the progress: entities done, per second, ETA (with {@code total_lines}), bad lines. A part
 * is NDJSON or Wikidata's dump format, plain or {@code Content-Encoding: gzip}, at most the request body limit (4 MiB)
 * unpacked: admission control weighs it like any write. {@code ./entitybase import FILE} is the client.
 */
@Path("/import/jobs")
public class ImportJobResource {

    private final ImportJobs jobs;
    private final long maxPartBytes;

    ImportJobResource(ImportJobs jobs, EntityServiceConfig config) {
        this.jobs = jobs;
        this.maxPartBytes = config.write().maxEntitySize().asLongValue();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> start(
            byte[] body,
            @BeanParam EditHeaders headers,
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
            @QueryParam("total_lines") Long totalLines,
            @QueryParam("last") @DefaultValue("false") boolean last,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        if (totalLines != null && totalLines < 0) {
            throw new ApiException(
                    400, "invalid-parameter", "total_lines is a count of lines", Map.of("total_lines", totalLines));
        }
        byte[] part = unpacked(body, encoding);
        return jobs.create(headers.creation(), totalLines).flatMap(job -> {
            Uni<ObjectNode> answer = part.length == 0 && !last
                    ? jobs.describe(job, 0)
                    : jobs.importPart(job.id(), 1, part, last).map(ImportJobs::describe);
            return answer.map(node -> Response.created(uri.getAbsolutePathBuilder()
                            .path(Long.toString(job.id()))
                            .build())
                    .entity(node)
                    .build());
        });
    }

    @POST
    @Path("/{id}/parts")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> part(
            @PathParam("id") long id,
            byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
            @QueryParam("from") Long from,
            @QueryParam("last") @DefaultValue("false") boolean last) {
        if (from == null) {
            throw new ApiException(
                    400,
                    "missing-parameter",
                    "from (the part's first line number) is required",
                    Map.of("path", "from"));
        }
        return jobs.importPart(id, from, unpacked(body, encoding), last).map(ImportJobs::describe);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> progress(@PathParam("id") long id, @QueryParam("errors") @DefaultValue("100") int errors) {
        return jobs.find(id).flatMap(job -> jobs.describe(job, Math.max(0, Math.min(errors, 1000))));
    }

    /** The part as sent, or gunzipped ({@code Content-Encoding: gzip}) up to the limit (413 beyond). */
    private byte[] unpacked(byte[] body, String encoding) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return bytes;
        }
        if (!encoding.trim().equalsIgnoreCase("gzip")) {
            throw new ApiException(
                    415,
                    "unsupported-encoding",
                    "a part is plain or Content-Encoding: gzip, not " + encoding,
                    Map.of("content_encoding", encoding));
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            byte[] unpacked = in.readNBytes((int) maxPartBytes + 1);
            if (unpacked.length > maxPartBytes) {
                throw new ApiException(
                        413,
                        "entity-too-large",
                        "the part unpacks to more than " + maxPartBytes + " bytes; send smaller parts",
                        Map.of("limit", maxPartBytes));
            }
            return unpacked;
        } catch (IOException e) {
            throw new ApiException(400, "invalid-gzip", "the part is not valid gzip: " + e.getMessage(), Map.of());
        }
    }
}
