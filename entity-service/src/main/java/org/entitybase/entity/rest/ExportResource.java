package org.entitybase.entity.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;

import org.entitybase.entity.service.EntityExport;
import org.entitybase.model.id.EntityType;
import org.entitybase.runtime.rest.ApiException;

/**
 * {@code GET /export?type=&since=&format=json}: the store (or the entities of one type, or those changed since a time)
 * as a Wikidata JSON dump, streamed; gzip'd for {@code Accept-Encoding: gzip}. {@code ./entitybase export FILE} is the
 * client.
 */
@Path("/export")
public class ExportResource {

    private static final List<EntityType> EXPORTED = List.of(EntityType.ITEM, EntityType.PROPERTY, EntityType.LEXEME);

    private final EntityExport export;

    ExportResource(EntityExport export) {
        this.export = export;
    }

    /**
     * Blocking (a worker thread per export, {@code exports.max-concurrent} of them at most): the dump is written to
     * the response's stream, which blocks while the client is behind, so the export goes at the client's pace.
     */
    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(
            @QueryParam("type") String type,
            @QueryParam("since") String since,
            @QueryParam("format") @DefaultValue("json") String format,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @Context RoutingContext request) {
        if (!"json".equals(format)) {
            throw new ApiException(
                    400,
                    "unsupported-format",
                    "an export is format=json (Wikidata's JSON dump); RDF dumps are not served yet",
                    Map.of("format", format, "supported", List.of("json")));
        }
        EntityType entityType = entityType(type);
        Instant from = instant(since);
        boolean gzip = EntityResponses.acceptsGzip(acceptEncoding);
        EntityExport.Dump dump = export.open(entityType, from);
        // a client gone before the body is written never runs it: the slot is freed when the exchange ends, however
        request.addEndHandler(ignored -> dump.close());
        StreamingOutput body = out -> {
            try (dump) {
                if (gzip) {
                    GZIPOutputStream packed = new GZIPOutputStream(out, 64 * 1024);
                    dump.writeTo(packed);
                    packed.finish();
                } else {
                    dump.writeTo(out);
                }
            }
        };
        Response.ResponseBuilder answer = Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (gzip) {
            answer.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return answer.build();
    }

    private static EntityType entityType(String type) {
        if (type == null || type.isEmpty()) {
            return null;
        }
        for (EntityType exported : EXPORTED) {
            if (exported.jsonName().equals(type)) {
                return exported;
            }
        }
        throw new ApiException(
                400,
                "invalid-parameter",
                "type is one of item, property, lexeme, not " + type,
                Map.of(
                        "type",
                        type,
                        "supported",
                        EXPORTED.stream().map(EntityType::jsonName).toList()));
    }

    private static Instant instant(String since) {
        if (since == null || since.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new ApiException(
                    400,
                    "invalid-parameter",
                    "since is an ISO-8601 UTC time such as 2026-01-31T12:00:00Z, not " + since,
                    Map.of("since", since));
        }
    }
}
