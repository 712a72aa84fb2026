package org.entitybase.entity.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.service.EditResult;
import org.entitybase.entity.service.EntityErrors;
import org.entitybase.entity.service.EntityReadService;
import org.entitybase.entity.service.LexemeEdits;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.error.WikibaseJsonException;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.json.StrictJson;
import org.entitybase.runtime.rest.ApiException;

/**
 * What the sub-resource routes (terms, sitelinks, statements, protection) share: reads of the head with its
 * {@code ETag}, 308 for a redirected entity, and write responses carrying the revision id in the body and as
 * {@code ETag}.
 */
final class SubResources {

    private static final ObjectMapper TREES = new ObjectMapper();

    private SubResources() {}

    /**
     * 200 with {@code body(entity)} of the head; a redirect answers 308 to the same sub-resource of its target. For a
     * form or sense id ({@code L42-F1}) the entity is its lexeme, and a redirect leads to the same form or sense of
     * the target lexeme.
     */
    static Uni<Response> read(EntityReadService reads, EntityId id, UriInfo uri, Function<Entity, JsonNode> body) {
        EntityId owner = LexemeEdits.lexemeOf(id);
        return reads.current(owner).map(current -> {
            if (current.redirectTarget() != null) {
                String here = uri.getRequestUri().toString();
                String suffix = id.value().substring(owner.value().length());
                String there = here.replace(
                        "/" + id.value() + "/", "/" + current.redirectTarget().value() + suffix + "/");
                return Response.status(308)
                        .header(HttpHeaders.LOCATION, there)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(EntityResponses.object()
                                .put("redirect", current.redirectTarget().value()))
                        .build();
            }
            Response.ResponseBuilder response =
                    Response.ok(body.apply(current.stored().entity()), MediaType.APPLICATION_JSON_TYPE);
            EntityResponses.revisionHeaders(response, current.revisionId());
            return response.build();
        });
    }

    /** A write's response: {@code body} with {@code id} and {@code revision_id}; 201 only when {@code created}. */
    static Response written(EntityId id, EditResult result, ObjectNode body, boolean created) {
        ObjectNode out = EntityResponses.object().put("id", id.value()).put("revision_id", result.revisionId());
        out.setAll(body);
        Response.ResponseBuilder response = Response.status(created && !result.nullEdit() ? 201 : 200)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(out);
        EntityResponses.revisionHeaders(response, result.revisionId());
        return response.build();
    }

    /** Wikibase JSON bytes (from {@code WikibaseJsonWriter}) as a tree to embed in a response. */
    static JsonNode tree(byte[] json) {
        try {
            return TREES.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A request body that must be JSON, read strictly (common-model {@code StrictJson}): 400 {@code missing-body} when
     * empty, {@code invalid-json} with the path of the bad value when not JSON or not valid Unicode.
     */
    static JsonNode json(byte[] body) {
        if (body == null || isBlank(body)) {
            throw new ApiException(400, "missing-body", "the request needs a JSON body");
        }
        try {
            return StrictJson.readTree(body);
        } catch (WikibaseJsonException e) {
            throw EntityErrors.invalidJson(e);
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return TREES.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A term text from a body that is {@code {"value": "…"}} or a bare JSON string; 400 when it is neither, or
     * blank.
     */
    static String text(JsonNode body) {
        JsonNode value = body.isObject() ? body.get("value") : body;
        if (value == null || value.isNull()) {
            throw new ApiException(400, "missing-field", "value is required", Map.of("path", "value"));
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new ApiException(400, "invalid-value", "value must be a non-empty string", Map.of("path", "value"));
        }
        return value.textValue();
    }
}
