package org.entitybase.entity.rest;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entitybase.entity.repository.RevisionRow;
import org.entitybase.entity.service.EditResult;
import org.entitybase.entity.service.RevisionTimestamps;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.json.WikibaseJsonWriter;

/** Builds the entity routes' responses: entity JSON with {@code ETag}, {@code X-Revision-ID}, {@code Last-Modified}. */
final class EntityResponses {

    private static final WikibaseJsonWriter WRITER = new WikibaseJsonWriter();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EntityResponses() {}

    /** 200/201 with the entity's JSON and its revision's headers. */
    static Response.ResponseBuilder entity(int status, Entity entity, long revisionId) {
        Response.ResponseBuilder response =
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(WRITER.toBytes(entity));
        revisionHeaders(response, revisionId);
        String modified = entity.page().modified();
        if (modified != null) {
            response.header(HttpHeaders.LAST_MODIFIED, httpDate(modified));
        }
        return response;
    }

    /** 200 with entity JSON already serialized (reads). */
    static Response.ResponseBuilder json(byte[] json, long revisionId, Instant createdAt) {
        Response.ResponseBuilder response = Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.LAST_MODIFIED, httpDate(createdAt));
        revisionHeaders(response, revisionId);
        return response;
    }

    /**
     * Whether an {@code Accept-Encoding} header admits gzip: a {@code gzip} or {@code *} coding without {@code q=0}
     * (RFC 9110 §12.5.3). Absent header: identity.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] params = part.split(";");
            String coding = params[0].trim().toLowerCase(Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("*")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < params.length; i++) {
                String param = params[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                if (param.startsWith("q=")) {
                    refused = param.substring(2).matches("0(\\.0{0,3})?");
                }
            }
            if (!refused) {
                return true;
            }
        }
        return false;
    }

    static Response.ResponseBuilder edit(EditResult result, UriInfo uri) {
        Response.ResponseBuilder response = entity(result.created() ? 201 : 200, result.entity(), result.revisionId());
        if (result.created()) {
            response.location(entityUri(uri, result.entity().id()));
        }
        return response;
    }

    static void revisionHeaders(Response.ResponseBuilder response, long revisionId) {
        response.header(HttpHeaders.ETAG, EditRequests.etagOf(revisionId)).header(EditRequests.REVISION_ID, revisionId);
    }

    /** A small JSON object for writes that leave no entity to show (delete, redirect). */
    static Response.ResponseBuilder status(ObjectNode body, long revisionId) {
        Response.ResponseBuilder response = Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
        revisionHeaders(response, revisionId);
        return response;
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ObjectNode history(EntityId id, List<RevisionRow> revisions, Long next) {
        ObjectNode body = NODES.objectNode();
        body.put("entity_id", id.value());
        ArrayNode list = body.putArray("revisions");
        for (RevisionRow r : revisions) {
            ObjectNode o = list.addObject();
            o.put("revision_id", r.revisionId());
            if (r.parentRevisionId() == null) {
                o.putNull("parent_revision_id");
            } else {
                o.put("parent_revision_id", r.parentRevisionId());
            }
            o.put("change_type", r.changeType().jsonName());
            o.put("user_id", r.userId());
            o.put("edit_summary", r.editSummary());
            o.put("timestamp", RevisionTimestamps.iso(r.createdAt()));
            o.put("content_hash", r.content().sha256());
            o.put("size", r.size());
            if (r.redirectTarget() != null) {
                o.put("redirect_target", r.redirectTarget().value());
            }
        }
        if (next == null) {
            body.putNull("next");
        } else {
            body.put("next", next);
        }
        return body;
    }

    static URI entityUri(UriInfo uri, EntityId id) {
        return uri.getBaseUriBuilder().path("entities").path(id.value()).build();
    }

    /** {@code Last-Modified} form of a Wikibase {@code modified} timestamp. */
    private static String httpDate(String modified) {
        try {
            return httpDate(Instant.parse(modified));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(
                instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }
}
