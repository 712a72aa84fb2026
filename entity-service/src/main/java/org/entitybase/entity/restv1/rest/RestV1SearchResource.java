package org.entitybase.entity.restv1.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.mutiny.Uni;
import io.smallrye.openapi.runtime.io.Format;

import org.entitybase.entity.service.EntitySearch;
import org.entitybase.entity.service.EntitySearch.Hit;
import org.entitybase.entity.service.EntitySearch.Query;
import org.entitybase.model.json.WikibaseSyntax;
import org.entitybase.model.term.Term;
import org.entitybase.runtime.rest.ApiException;

/**
 * The v1 facade's search ({@code /v1/search/items|properties}: label or alias equal to {@code q}) and suggest ({@code
 * /v1/suggest/items|properties}: starting with {@code q}), both over {@link EntitySearch}, and {@code
 * /v1/openapi.json}.
 */
@Path("/" + RestV1ContentLanguage.ROOT)
@Produces(MediaType.APPLICATION_JSON)
public class RestV1SearchResource {

    /** Wikibase's document: a language code parameter matches this (then our own rule for language codes). */
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}[a-z0-9-]*$");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntitySearch search;
    private final OpenApiDocumentService openApi;
    private volatile byte[] document;

    RestV1SearchResource(EntitySearch search, OpenApiDocumentService openApi) {
        this.search = search;
        this.openApi = openApi;
    }

    @GET
    @Path("{kind: search|suggest}/{collection: items|properties}")
    public Uni<Response> search(
            @PathParam("kind") String kind,
            @PathParam("collection") String collection,
            @QueryParam("q") String q,
            @QueryParam("language") String language,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        return RestV1Responses.guard(() -> {
            boolean suggest = kind.equals("suggest");
            if (q == null || q.isEmpty()) {
                throw invalidQuery("q");
            }
            if (language == null || !LANGUAGE.matcher(language).matches() || !WikibaseSyntax.isLanguageCode(language)) {
                throw invalidQuery("language");
            }
            Query query = new Query(
                    RestV1Responses.type(collection),
                    q,
                    language,
                    suggest,
                    false,
                    number(offset, "offset", 0, 0, EntitySearch.MAX_OFFSET),
                    number(limit, "limit", 10, 1, suggest ? 50 : 500));
            return search.find(query).map(hits -> {
                ObjectNode out = RestV1Responses.NODES.objectNode();
                ArrayNode results = out.putArray("results");
                for (Hit hit : hits) {
                    ObjectNode row = results.addObject().put("id", hit.id().value());
                    row.set("display-label", term(hit.label()));
                    row.set("description", term(hit.description()));
                    row.putObject("match")
                            .put("type", hit.matchType())
                            .put("language", hit.matchLanguage())
                            .put("text", hit.matchText());
                }
                return Response.ok(out).build();
            });
        });
    }

    /**
     * The OpenAPI document of the facade: this service's own (what it implements, from its routes), its v1 paths
     * relative to the server {@code ..} (the directory above {@code v1/openapi.json}, wherever it is served).
     */
    @GET
    @Path("openapi.json")
    public Response openApi() {
        byte[] bytes = document;
        if (bytes == null) {
            bytes = facadeDocument(openApi.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON));
            document = bytes;
        }
        return Response.ok(bytes, MediaType.APPLICATION_JSON_TYPE).build();
    }

    static byte[] facadeDocument(byte[] whole) {
        try {
            ObjectNode doc = (ObjectNode) JSON.readTree(whole);
            String root = "/" + RestV1ContentLanguage.ROOT;
            ObjectNode paths = JSON.createObjectNode();
            ObjectNode all = (ObjectNode) doc.path("paths");
            for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = all.fields();
                    it.hasNext(); ) {
                Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> path = it.next();
                // under the API prefix the service is deployed with (the document's paths include it)
                int at = path.getKey().indexOf(root + "/");
                if (at >= 0) {
                    paths.set(path.getKey().substring(at + root.length() - "/v1".length()), path.getValue());
                }
            }
            doc.set("paths", paths);
            doc.putArray("servers").addObject().put("url", "..");
            doc.putObject("info")
                    .put("title", "Wikibase REST API")
                    .put("version", "1.5")
                    .put("description", "Entitybase's implementation of the Wikibase REST API v1");
            return JSON.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode term(Term term) {
        if (term == null) {
            return null;
        }
        return RestV1Responses.NODES
                .objectNode()
                .put("language", term.language())
                .put("value", term.value());
    }

    private static int number(String value, String parameter, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalidQuery(parameter);
    }

    private static ApiException invalidQuery(String parameter) {
        return new ApiException(
                400,
                "invalid-query-parameter",
                "Invalid query parameter: '" + parameter + "'",
                Map.of("parameter", parameter));
    }
}
