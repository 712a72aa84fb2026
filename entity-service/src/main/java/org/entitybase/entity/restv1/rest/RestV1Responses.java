package org.entitybase.entity.restv1.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.rest.EditRequests;
import org.entitybase.entity.restv1.service.RestV1Json;
import org.entitybase.entity.service.EditResult;
import org.entitybase.entity.service.EntityReadService;
import org.entitybase.entity.service.EntityReadService.Current;
import org.entitybase.entity.service.EntityTerms;
import org.entitybase.entity.service.PropertyDatatypes;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.error.WikibaseJsonException;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.json.StrictJson;
import org.entitybase.model.json.WikibaseSyntax;
import org.entitybase.runtime.rest.ApiException;

/**
 * What every v1 route shares: Wikibase's path parameter checks and error bodies, conditional reads ({@code ETag},
 * {@code Last-Modified}, {@code If-None-Match}, {@code If-Modified-Since}, {@code If-Match}, {@code
 * If-Unmodified-Since}), 308 for a redirected entity, and the headers of a write's answer.
 */
final class RestV1Responses {

    static final String JSON_PATCH = "application/json-patch+json";
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper TREES = new ObjectMapper();

    private RestV1Responses() {}

    /**
     * Runs a route, answering its {@link ApiException}s (thrown at once or failing the Uni) in v1's error format:
     * our codes for a missing resource become {@code resource-not-found} with its {@code resource_type}, a redirected
     * entity {@code redirected-item}; a 412 has no body, as in Wikibase.
     */
    static Uni<Response> guard(Supplier<Uni<Response>> route) {
        return Uni.createFrom()
                .<Response>deferred(route::get)
                .onFailure(ApiException.class)
                .recoverWithItem(e -> error((ApiException) e));
    }

    static Response error(ApiException e) {
        if (e.status() == 412) {
            return Response.status(412).build();
        }
        String code = e.code();
        Map<String, Object> context = new LinkedHashMap<>(e.context());
        int status = e.status();
        if (code.equals("entity-deleted") || code.equals("entity-not-found")) {
            status = 404;
            context.put("resource_type", resourceType(context.get("id")));
            code = "resource-not-found";
        } else if (status == 404 && code.endsWith("-not-found")) {
            context.put("resource_type", code.substring(0, code.length() - "-not-found".length()));
            code = "resource-not-found";
        } else if (code.equals("entity-redirected")) {
            code = "redirected-" + resourceType(context.get("id"));
        } else if (code.equals("property-not-found")) {
            status = 400;
            code = "referenced-resource-not-found";
        } else if (code.equals("term-too-long")) {
            status = 400;
            code = "value-too-long";
        } else if (status == 422 && !code.startsWith("patch")) {
            // Wikibase answers 422 only for its data policies (term uniqueness, label ≠ description, sitelink
            // conflicts); a value our write path refuses is its 400 invalid-value
            boolean policy = code.contains("label") || code.contains("description") || code.contains("sitelink");
            context.put(policy ? "violation" : "reason", code);
            status = policy ? 422 : 400;
            code = policy ? "data-policy-violation" : "invalid-value";
        }
        ObjectNode body = NODES.objectNode().put("code", code).put("message", e.getMessage());
        body.set("context", TREES.valueToTree(context));
        Response.ResponseBuilder response =
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        e.retryAfter().ifPresent(delay -> response.header(HttpHeaders.RETRY_AFTER, Math.max(1, delay.toSeconds())));
        return response.build();
    }

    private static String resourceType(Object id) {
        return id != null && String.valueOf(id).startsWith("P") ? "property" : "item";
    }

    // ---------------------------------------------------------------- path parameters

    /**
     * The id of an item ({@code items}) or property ({@code properties}): 400 invalid-path-parameter otherwise.
     * Wikibase's document gives ids at most 10 digits; ours may be longer (any id our model reads is taken).
     */
    static EntityId entityId(String collection, String id) {
        EntityType type = type(collection);
        EntityId parsed = id == null ? null : WikibaseSyntax.parseEntityId(id);
        if (parsed == null || parsed.type() != type) {
            throw invalidPath(type == EntityType.ITEM ? "item_id" : "property_id");
        }
        return parsed;
    }

    static EntityType type(String collection) {
        return collection.equals("items") ? EntityType.ITEM : EntityType.PROPERTY;
    }

    static String language(String language) {
        try {
            return EntityTerms.language(language);
        } catch (ApiException e) {
            throw invalidPath("language_code");
        }
    }

    static ApiException invalidPath(String parameter) {
        return new ApiException(
                400,
                "invalid-path-parameter",
                "Invalid path parameter: '" + parameter + "'",
                Map.of("parameter", parameter));
    }

    /** A request body: a JSON object, or none (an empty object) where {@code optional}. */
    static JsonNode body(byte[] body, boolean optional) {
        boolean empty = body == null || new String(body, StandardCharsets.UTF_8).isBlank();
        if (empty) {
            if (optional) {
                return NODES.objectNode();
            }
            throw new ApiException(400, "missing-field", "The request needs a JSON body", Map.of("path", ""));
        }
        JsonNode json;
        try {
            json = StrictJson.readTree(body);
        } catch (WikibaseJsonException e) {
            throw new ApiException(400, "invalid-request-body", "The request body is not valid JSON", Map.of());
        }
        if (!json.isObject()) {
            throw new ApiException(400, "invalid-request-body", "The request body must be a JSON object", Map.of());
        }
        return json;
    }

    /** A required field of a request body. */
    static JsonNode field(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            throw new ApiException(
                    400, "missing-field", "Required field missing: '" + name + "'", Map.of("path", "", "field", name));
        }
        return value;
    }

    // ---------------------------------------------------------------- reads

    /**
     * The head of {@code id} as {@code body(current)} with {@code ETag} and {@code Last-Modified}, after the
     * conditional headers; a redirect answers 308 to the same route of its target.
     */
    static Uni<Response> read(
            EntityReadService reads,
            EntityId id,
            RestV1Headers headers,
            UriInfo uri,
            Function<Current, JsonNode> body) {
        return reads.current(id).map(current -> {
            if (current.redirectTarget() != null) {
                String here = uri.getRequestUri().toString();
                String there = here.replaceFirst(
                        "/" + Pattern.quote(id.value()) + "(?=/|$|\\?)",
                        "/" + current.redirectTarget().value());
                return Response.status(308).header(HttpHeaders.LOCATION, there).build();
            }
            Response unchanged = conditional(headers, current.revisionId(), current.createdAt());
            if (unchanged != null) {
                return unchanged;
            }
            return Response.ok(body.apply(current), MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.ETAG, EditRequests.etagOf(current.revisionId()))
                    .header(HttpHeaders.LAST_MODIFIED, httpDate(current.createdAt()))
                    .build();
        });
    }

    /** 412, 304 or null (go on) for a read of {@code revisionId} made at {@code modified} (RFC 9110 §13.2.2). */
    private static Response conditional(RestV1Headers h, long revisionId, Instant modified) {
        Instant second = modified.truncatedTo(ChronoUnit.SECONDS);
        if (h.ifMatch != null && !EditRequests.matchesAny(h.ifMatch, revisionId)) {
            return Response.status(412).build();
        }
        if (h.ifMatch == null && h.ifUnmodifiedSince != null) {
            Instant since = parseHttpDate(h.ifUnmodifiedSince);
            if (since != null && second.isAfter(since)) {
                return Response.status(412).build();
            }
        }
        boolean notModified;
        if (h.ifNoneMatch != null) {
            notModified = EditRequests.matchesAny(h.ifNoneMatch, revisionId);
        } else {
            Instant since = h.ifModifiedSince == null ? null : parseHttpDate(h.ifModifiedSince);
            notModified = since != null && !second.isAfter(since);
        }
        return notModified
                ? Response.notModified()
                        .header(HttpHeaders.ETAG, EditRequests.etagOf(revisionId))
                        .build()
                : null;
    }

    // ---------------------------------------------------------------- writes

    /**
     * The datatypes of the properties that {@code dryRun} (a v1 change applied to the head) mentions: the
     * translation of a statement into Wikibase JSON needs them before the edit runs.
     */
    static Uni<Map<String, String>> datatypes(
            EntityReadService reads, PropertyDatatypes datatypes, EntityId id, Function<Entity, JsonNode> dryRun) {
        return reads.current(id).chain(current -> {
            if (current.redirectTarget() != null) {
                return Uni.createFrom().item(Map.<String, String>of()); // the edit answers the redirect
            }
            Set<String> properties = RestV1Json.properties(dryRun.apply(current.entity()));
            return properties.isEmpty() ? Uni.createFrom().item(Map.<String, String>of()) : datatypes.of(properties);
        });
    }

    /** A write's answer: {@code body} with the new revision's {@code ETag} and {@code Last-Modified}. */
    static Response written(int status, JsonNode body, EditResult result) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .header(HttpHeaders.ETAG, EditRequests.etagOf(result.revisionId()))
                .header(HttpHeaders.LAST_MODIFIED, httpDate(modified(result)))
                .build();
    }

    /** A removal's answer: a message string, as Wikibase answers (e.g. {@code "Label deleted"}). */
    static Response deleted(String message) {
        return Response.ok(NODES.textNode(message), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    private static Instant modified(EditResult result) {
        String modified = result.entity().page().modified();
        try {
            return modified == null ? Instant.now() : Instant.parse(modified);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(
                instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    private static Instant parseHttpDate(String value) {
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null; // an invalid date is ignored (RFC 9110 §13.1.3)
        }
    }
}
