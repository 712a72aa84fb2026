package org.entitybase.entity.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.service.EditResult;
import org.entitybase.entity.service.EntityReadService;
import org.entitybase.entity.service.EntityTerms;
import org.entitybase.entity.service.EntityTerms.Kind;
import org.entitybase.entity.service.EntityWriteService;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.json.WikibaseJsonWriter;
import org.entitybase.model.term.Term;
import org.entitybase.runtime.rest.ApiException;

/**
 * Labels, descriptions and aliases of items and properties (API.md "Sub-resources"). Every write is a revision
 * through {@link EntityWriteService#edit} and answers {@code {id, revision_id, language, value|values}}.
 *
 * <p>Bodies: {@code PUT labels|descriptions/{lang}} and {@code POST aliases/{lang}} take {@code {"value": "…"}} or a
 * bare JSON string ({@code "…"}); {@code PUT aliases/{lang}} takes a JSON array of strings (empty: no aliases).
 * Adding an alias the entity has already is a null edit. A language code that is not one is 400
 * {@code invalid-value} (as in entity JSON); a missing term is 404 {@code label-not-found},
 * {@code description-not-found} or {@code aliases-not-found}; lexemes have lemmas instead: 404
 * {@code terms-not-supported}. Terms over {@value EntityTerms#MAX_LENGTH} characters and a label equal to the
 * description of its language are 422 ({@code term-too-long}, {@code label-equals-description}).
 */
@Path("/entities")
@Produces(MediaType.APPLICATION_JSON)
public class TermResource {

    private static final String COLLECTION = "{collection: items|properties|lexemes}";
    private static final WikibaseJsonWriter WRITER = new WikibaseJsonWriter();

    private final EntityWriteService writes;
    private final EntityReadService reads;

    TermResource(EntityWriteService writes, EntityReadService reads) {
        this.writes = writes;
        this.reads = reads;
    }

    // ---------------------------------------------------------------- all languages

    @GET
    @Path("{id}/{kind: labels|descriptions}")
    public Uni<Response> terms(@PathParam("id") String id, @PathParam("kind") String kind, @Context UriInfo uri) {
        return SubResources.read(
                reads,
                EditRequests.entityId(id),
                uri,
                e -> SubResources.tree(WRITER.termsToBytes(EntityTerms.terms(e, Kind.ofPathSegment(kind)))));
    }

    @GET
    @Path("{id}/aliases")
    public Uni<Response> aliases(@PathParam("id") String id, @Context UriInfo uri) {
        return SubResources.read(
                reads,
                EditRequests.entityId(id),
                uri,
                e -> SubResources.tree(WRITER.aliasesToBytes(EntityTerms.of(e).aliases())));
    }

    // ---------------------------------------------------------------- labels and descriptions

    @GET
    @Path(COLLECTION + "/{id}/{kind: labels|descriptions}/{lang}")
    public Uni<Response> term(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("kind") String kind,
            @PathParam("lang") String lang,
            @Context UriInfo uri) {
        EntityId entityId = termsOwner(collection, id);
        String language = EntityTerms.language(lang);
        return SubResources.read(
                reads,
                entityId,
                uri,
                e -> SubResources.tree(WRITER.toBytes(EntityTerms.term(e, Kind.ofPathSegment(kind), language))));
    }

    @PUT
    @Path(COLLECTION + "/{id}/{kind: labels|descriptions}/{lang}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> setTerm(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("kind") String kind,
            @PathParam("lang") String lang,
            byte[] body,
            @BeanParam EditHeaders headers) {
        EntityId entityId = termsOwner(collection, id);
        String language = EntityTerms.language(lang);
        var context = headers.context();
        String value = SubResources.text(SubResources.json(body));
        return writes.edit(entityId, context, EntityTerms.set(Kind.ofPathSegment(kind), language, value))
                .map(result -> SubResources.written(
                        entityId,
                        result,
                        EntityResponses.object().put("language", language).put("value", value),
                        false));
    }

    @DELETE
    @Path(COLLECTION + "/{id}/{kind: labels|descriptions}/{lang}")
    public Uni<Response> removeTerm(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("kind") String kind,
            @PathParam("lang") String lang,
            @BeanParam EditHeaders headers) {
        EntityId entityId = termsOwner(collection, id);
        String language = EntityTerms.language(lang);
        var context = headers.context();
        return writes.edit(entityId, context, EntityTerms.remove(Kind.ofPathSegment(kind), language))
                .map(result -> SubResources.written(
                        entityId,
                        result,
                        EntityResponses.object().put("language", language).put("deleted", true),
                        false));
    }

    // ---------------------------------------------------------------- aliases

    @GET
    @Path(COLLECTION + "/{id}/aliases/{lang}")
    public Uni<Response> aliasesOf(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("lang") String lang,
            @Context UriInfo uri) {
        EntityId entityId = termsOwner(collection, id);
        String language = EntityTerms.language(lang);
        return SubResources.read(reads, entityId, uri, e -> values(EntityTerms.aliases(e, language)));
    }

    @PUT
    @Path(COLLECTION + "/{id}/aliases/{lang}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> setAliases(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("lang") String lang,
            byte[] body,
            @BeanParam EditHeaders headers) {
        EntityId entityId = termsOwner(collection, id);
        String language = EntityTerms.language(lang);
        var context = headers.context();
        List<String> values = aliasList(SubResources.json(body));
        return writes.edit(entityId, context, EntityTerms.setAliases(language, values))
                .map(result -> aliasesWritten(entityId, language, result, false));
    }

    @POST
    @Path(COLLECTION + "/{id}/aliases/{lang}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> addAlias(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("lang") String lang,
            byte[] body,
            @BeanParam EditHeaders headers) {
        EntityId entityId = termsOwner(collection, id);
        String language = EntityTerms.language(lang);
        var context = headers.context();
        String value = SubResources.text(SubResources.json(body));
        return writes.edit(entityId, context, EntityTerms.addAlias(language, value))
                .map(result -> aliasesWritten(entityId, language, result, true));
    }

    @DELETE
    @Path(COLLECTION + "/{id}/aliases/{lang}")
    public Uni<Response> removeAliases(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("lang") String lang,
            @BeanParam EditHeaders headers) {
        EntityId entityId = termsOwner(collection, id);
        String language = EntityTerms.language(lang);
        var context = headers.context();
        return writes.edit(entityId, context, EntityTerms.removeAliases(language))
                .map(result -> SubResources.written(
                        entityId,
                        result,
                        EntityResponses.object().put("language", language).put("deleted", true),
                        false));
    }

    // ---------------------------------------------------------------- helpers

    /** The id of an item or property in its collection path; lexemes have lemmas, not these terms (404). */
    private static EntityId termsOwner(String collection, String id) {
        EntityType type = EditRequests.collection(collection);
        if (type == EntityType.LEXEME) {
            throw new ApiException(
                    404,
                    "terms-not-supported",
                    "lexemes have lemmas, not labels, descriptions or aliases",
                    Map.of("id", id));
        }
        return EditRequests.entityIdIn(type, id);
    }

    private static Response aliasesWritten(EntityId id, String language, EditResult result, boolean added) {
        ObjectNode body = EntityResponses.object().put("language", language);
        body.set("values", values(EntityTerms.of(result.entity()).aliases().getOrDefault(language, List.of())));
        return SubResources.written(id, result, body, added);
    }

    private static ArrayNode values(List<Term> aliases) {
        ArrayNode out = EntityResponses.object().arrayNode();
        aliases.forEach(t -> out.add(t.value()));
        return out;
    }

    private static List<String> aliasList(JsonNode body) {
        if (!body.isArray()) {
            throw new ApiException(
                    400, "invalid-value", "the body must be a JSON array of alias strings", Map.of("path", ""));
        }
        List<String> values = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            JsonNode v = body.get(i);
            if (!v.isTextual() || v.textValue().isBlank()) {
                throw new ApiException(
                        400,
                        "invalid-value",
                        "alias " + i + " must be a non-empty string",
                        Map.of("path", "[" + i + "]"));
            }
            values.add(v.textValue());
        }
        return values;
    }
}
