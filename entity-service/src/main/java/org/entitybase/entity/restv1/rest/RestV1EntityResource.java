package org.entitybase.entity.restv1.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.restv1.service.LanguageFallback;
import org.entitybase.entity.restv1.service.RestV1Json;
import org.entitybase.entity.service.EditContext;
import org.entitybase.entity.service.EntityReadService;
import org.entitybase.entity.service.EntitySitelinks;
import org.entitybase.entity.service.EntityTerms;
import org.entitybase.entity.service.EntityTerms.Kind;
import org.entitybase.entity.service.EntityWriteService;
import org.entitybase.entity.service.JsonPatch;
import org.entitybase.entity.service.PropertyDatatypes;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.PropertyDatatype;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.sitelink.Sitelink;
import org.entitybase.model.term.Term;
import org.entitybase.runtime.rest.ApiException;

/**
 * The Wikibase REST API v1 (Wikibase's own OpenAPI document, version 1.5) for items and properties: the entity,
 * its labels, descriptions, aliases (with language fallback) and sitelinks, JSON Patch on each, and creation. A
 * facade: reads translate the head through {@link RestV1Json}; every write is one revision through {@link
 * EntityWriteService} with the same term, sitelink and statement changes as our own routes. Statements are in {@link
 * RestV1StatementResource}.
 */
@Path("/" + RestV1ContentLanguage.ROOT)
@Produces(MediaType.APPLICATION_JSON)
public class RestV1EntityResource {

    private static final String ENTITY = "entities/{collection: items|properties}/{id}";

    private final EntityWriteService writes;
    private final EntityReadService reads;
    private final PropertyDatatypes datatypes;

    RestV1EntityResource(EntityWriteService writes, EntityReadService reads, PropertyDatatypes datatypes) {
        this.writes = writes;
        this.reads = reads;
        this.datatypes = datatypes;
    }

    /** Every property datatype with the value type of its values. */
    @GET
    @Path("property-data-types")
    public Response propertyDataTypes() {
        ObjectNode out = RestV1Responses.NODES.objectNode();
        for (PropertyDatatype d : PropertyDatatype.values()) {
            out.put(d.id(), d.valueType().jsonName());
        }
        return Response.ok(out).build();
    }

    // ---------------------------------------------------------------- entities

    @POST
    @Path("entities/{collection: items|properties}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(
            @PathParam("collection") String collection, byte[] raw, @BeanParam RestV1Headers headers) {
        return RestV1Responses.guard(() -> {
            JsonNode body = RestV1Responses.body(raw, false);
            String field = collection.equals("items") ? "item" : "property";
            JsonNode entity = RestV1Responses.field(body, field);
            EditContext context = headers.creation(body);
            return datatypes
                    .of(RestV1Json.properties(entity))
                    .chain(types -> writes.create(
                            RestV1Responses.type(collection), RestV1Json.wikibaseEntity(entity, field, types), context))
                    .map(result -> RestV1Responses.written(201, RestV1Json.entity(result.entity()), result));
        });
    }

    @GET
    @Path(ENTITY)
    public Uni<Response> entity(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @QueryParam("_fields") String fields,
            @BeanParam RestV1Headers headers,
            @Context UriInfo uri) {
        return RestV1Responses.guard(() -> {
            EntityId entityId = RestV1Responses.entityId(collection, id);
            Set<String> wanted = new HashSet<>(List.of("id")); // Wikibase always answers the id
            if (fields != null) {
                wanted.addAll(List.of(fields.split(",")));
            }
            return RestV1Responses.read(reads, entityId, headers, uri, current -> {
                ObjectNode out = RestV1Json.entity(current.entity());
                if (fields != null) {
                    out.retain(wanted);
                }
                return out;
            });
        });
    }

    @PATCH
    @Path(ENTITY)
    @Consumes({RestV1Responses.JSON_PATCH, MediaType.APPLICATION_JSON})
    public Uni<Response> patchEntity(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            byte[] raw,
            @BeanParam RestV1Headers headers) {
        return RestV1Responses.guard(() -> patch(
                RestV1Responses.entityId(collection, id), raw, headers, RestV1Json::entity, (entity, v1, types) -> {
                    if (!v1.path("id").equals(RestV1Json.entity(entity).get("id"))
                            || !v1.path("type").equals(RestV1Json.entity(entity).get("type"))) {
                        throw new ApiException(
                                422,
                                "patched-entity-invalid-field",
                                "a patch cannot change the id or type",
                                Map.of("path", "/id"));
                    }
                    Entity changed = RestV1Json.withTerms(entity, "labels", v1.path("labels"));
                    changed = RestV1Json.withTerms(changed, "descriptions", v1.path("descriptions"));
                    changed = RestV1Json.withAliases(changed, v1.path("aliases"));
                    if (collection.equals("items")) {
                        changed = RestV1Json.withSitelinks(changed, v1.path("sitelinks"));
                    }
                    return RestV1Json.withStatements(changed, v1.path("statements"), types);
                }));
    }

    // ---------------------------------------------------------------- labels and descriptions

    @GET
    @Path(ENTITY + "/{kind: labels|descriptions}")
    public Uni<Response> terms(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("kind") String kind,
            @BeanParam RestV1Headers headers,
            @Context UriInfo uri) {
        return RestV1Responses.guard(() -> RestV1Responses.read(
                reads,
                RestV1Responses.entityId(collection, id),
                headers,
                uri,
                current -> RestV1Json.terms(current.entity(), Kind.ofPathSegment(kind))));
    }

    @PATCH
    @Path(ENTITY + "/{kind: labels|descriptions}")
    @Consumes({RestV1Responses.JSON_PATCH, MediaType.APPLICATION_JSON})
    public Uni<Response> patchTerms(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("kind") String kind,
            byte[] raw,
            @BeanParam RestV1Headers headers) {
        return RestV1Responses.guard(() -> patch(
                RestV1Responses.entityId(collection, id),
                raw,
                headers,
                e -> RestV1Json.terms(e, Kind.ofPathSegment(kind)),
                (entity, v1, types) -> RestV1Json.withTerms(entity, kind, v1)));
    }

    @GET
    @Path(ENTITY + "/{kind: labels|descriptions}/{lang}")
    public Uni<Response> term(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("kind") String kind,
            @PathParam("lang") String lang,
            @BeanParam RestV1Headers headers,
            @Context UriInfo uri) {
        return RestV1Responses.guard(() -> {
            EntityId entityId = RestV1Responses.entityId(collection, id);
            String language = RestV1Responses.language(lang);
            return RestV1Responses.read(
                    reads,
                    entityId,
                    headers,
                    uri,
                    current -> RestV1Responses.NODES.textNode(
                            EntityTerms.term(current.entity(), Kind.ofPathSegment(kind), language)
                                    .value()));
        });
    }

    /** The term in {@code lang}, else 307 to the term of the first fallback language that has one (404: none). */
    @GET
    @Path(ENTITY + "/{kind: labels|descriptions}_with_language_fallback/{lang}")
    public Uni<Response> termWithFallback(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("kind") String kind,
            @PathParam("lang") String lang,
            @BeanParam RestV1Headers headers,
            @Context UriInfo uri) {
        return RestV1Responses.guard(() -> {
            EntityId entityId = RestV1Responses.entityId(collection, id);
            String language = RestV1Responses.language(lang);
            return reads.current(entityId).chain(current -> {
                if (current.redirectTarget() == null) {
                    Map<String, Term> terms = EntityTerms.terms(current.entity(), Kind.ofPathSegment(kind));
                    for (String candidate : LanguageFallback.chain(language)) {
                        if (terms.containsKey(candidate)) {
                            if (!candidate.equals(language)) {
                                String here = uri.getRequestUri().toString();
                                String there = here.replace(
                                        "/" + kind + "_with_language_fallback/" + lang, "/" + kind + "/" + candidate);
                                return Uni.createFrom()
                                        .item(Response.temporaryRedirect(URI.create(there))
                                                .build());
                            }
                            break;
                        }
                    }
                }
                return RestV1Responses.read(
                        reads,
                        entityId,
                        headers,
                        uri,
                        c -> RestV1Responses.NODES.textNode(
                                EntityTerms.term(c.entity(), Kind.ofPathSegment(kind), language)
                                        .value()));
            });
        });
    }

    @PUT
    @Path(ENTITY + "/{kind: labels|descriptions}/{lang}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> setTerm(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("kind") String kind,
            @PathParam("lang") String lang,
            byte[] raw,
            @BeanParam RestV1Headers headers) {
        return RestV1Responses.guard(() -> {
            EntityId entityId = RestV1Responses.entityId(collection, id);
            String language = RestV1Responses.language(lang);
            JsonNode body = RestV1Responses.body(raw, false);
            String field = kind.equals("labels") ? "label" : "description";
            JsonNode value = RestV1Responses.field(body, field);
            if (!value.isTextual() || value.textValue().isBlank()) {
                throw new ApiException(
                        400, "invalid-value", "Invalid value at '/" + field + "'", Map.of("path", "/" + field));
            }
            AtomicBoolean existed = new AtomicBoolean();
            UnaryOperator<Entity> set = EntityTerms.set(
                    Kind.ofPathSegment(kind), language, value.textValue().strip());
            return writes.edit(entityId, headers.edit(body), e -> {
                        existed.set(
                                EntityTerms.terms(e, Kind.ofPathSegment(kind)).containsKey(language));
                        return set.apply(e);
                    })
                    .map(result -> RestV1Responses.written(
                            existed.get() ? 200 : 201,
                            RestV1Responses.NODES.textNode(
                                    EntityTerms.term(result.entity(), Kind.ofPathSegment(kind), language)
                                            .value()),
                            result));
        });
    }

    @DELETE
    @Path(ENTITY + "/{kind: labels|descriptions}/{lang}")
    public Uni<Response> removeTerm(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("kind") String kind,
            @PathParam("lang") String lang,
            byte[] raw,
            @BeanParam RestV1Headers headers) {
        return RestV1Responses.guard(() -> {
            EntityId entityId = RestV1Responses.entityId(collection, id);
            String language = RestV1Responses.language(lang);
            JsonNode body = RestV1Responses.body(raw, true);
            return writes.edit(entityId, headers.edit(body), EntityTerms.remove(Kind.ofPathSegment(kind), language))
                    .map(result ->
                            RestV1Responses.deleted((kind.equals("labels") ? "Label" : "Description") + " deleted"));
        });
    }

    // ---------------------------------------------------------------- aliases

    @GET
    @Path(ENTITY + "/aliases")
    public Uni<Response> aliases(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @BeanParam RestV1Headers headers,
            @Context UriInfo uri) {
        return RestV1Responses.guard(() -> RestV1Responses.read(
                reads,
                RestV1Responses.entityId(collection, id),
                headers,
                uri,
                current -> RestV1Json.aliases(current.entity())));
    }

    @PATCH
    @Path(ENTITY + "/aliases")
    @Consumes({RestV1Responses.JSON_PATCH, MediaType.APPLICATION_JSON})
    public Uni<Response> patchAliases(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            byte[] raw,
            @BeanParam RestV1Headers headers) {
        return RestV1Responses.guard(() -> patch(
                RestV1Responses.entityId(collection, id),
                raw,
                headers,
                RestV1Json::aliases,
                (entity, v1, types) -> RestV1Json.withAliases(entity, v1)));
    }

    @GET
    @Path(ENTITY + "/aliases/{lang}")
    public Uni<Response> aliasesIn(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("lang") String lang,
            @BeanParam RestV1Headers headers,
            @Context UriInfo uri) {
        return RestV1Responses.guard(() -> {
            EntityId entityId = RestV1Responses.entityId(collection, id);
            String language = RestV1Responses.language(lang);
            return RestV1Responses.read(
                    reads, entityId, headers, uri, current -> values(EntityTerms.aliases(current.entity(), language)));
        });
    }

    /** {@code {"aliases": [...]}} appended to the language's aliases (those it has already are skipped). */
    @POST
    @Path(ENTITY + "/aliases/{lang}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> addAliases(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("lang") String lang,
            byte[] raw,
            @BeanParam RestV1Headers headers) {
        return RestV1Responses.guard(() -> {
            EntityId entityId = RestV1Responses.entityId(collection, id);
            String language = RestV1Responses.language(lang);
            JsonNode body = RestV1Responses.body(raw, false);
            List<String> added = RestV1Json.strings(RestV1Responses.field(body, "aliases"));
            if (added == null || added.isEmpty() || added.stream().anyMatch(String::isBlank)) {
                throw new ApiException(
                        400,
                        "invalid-value",
                        "Invalid value at '/aliases': a non-empty array of non-empty strings",
                        Map.of("path", "/aliases"));
            }
            List<UnaryOperator<Entity>> adds = new ArrayList<>();
            added.forEach(alias -> adds.add(EntityTerms.addAlias(language, alias.strip())));
            AtomicBoolean existed = new AtomicBoolean();
            return writes.edit(entityId, headers.edit(body), e -> {
                        existed.set(EntityTerms.of(e).aliases().containsKey(language));
                        Entity changed = e;
                        for (UnaryOperator<Entity> add : adds) {
                            changed = add.apply(changed);
                        }
                        return changed;
                    })
                    .map(result -> RestV1Responses.written(
                            existed.get() ? 200 : 201, values(EntityTerms.aliases(result.entity(), language)), result));
        });
    }

    // ---------------------------------------------------------------- sitelinks

    @GET
    @Path("entities/items/{id}/sitelinks")
    public Uni<Response> sitelinks(@PathParam("id") String id, @BeanParam RestV1Headers headers, @Context UriInfo uri) {
        return RestV1Responses.guard(() -> RestV1Responses.read(
                reads,
                RestV1Responses.entityId("items", id),
                headers,
                uri,
                current -> RestV1Json.sitelinks(current.entity())));
    }

    @PATCH
    @Path("entities/items/{id}/sitelinks")
    @Consumes({RestV1Responses.JSON_PATCH, MediaType.APPLICATION_JSON})
    public Uni<Response> patchSitelinks(@PathParam("id") String id, byte[] raw, @BeanParam RestV1Headers headers) {
        return RestV1Responses.guard(() -> patch(
                RestV1Responses.entityId("items", id),
                raw,
                headers,
                RestV1Json::sitelinks,
                (entity, v1, types) -> RestV1Json.withSitelinks(entity, v1)));
    }

    @GET
    @Path("entities/items/{id}/sitelinks/{site}")
    public Uni<Response> sitelink(
            @PathParam("id") String id,
            @PathParam("site") String site,
            @BeanParam RestV1Headers headers,
            @Context UriInfo uri) {
        return RestV1Responses.guard(() ->
                RestV1Responses.read(reads, RestV1Responses.entityId("items", id), headers, uri, current -> {
                    EntitySitelinks.get(current.entity(), site);
                    return RestV1Json.sitelinks(current.entity()).get(site);
                }));
    }

    @PUT
    @Path("entities/items/{id}/sitelinks/{site}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> setSitelink(
            @PathParam("id") String id, @PathParam("site") String site, byte[] raw, @BeanParam RestV1Headers headers) {
        return RestV1Responses.guard(() -> {
            EntityId entityId = RestV1Responses.entityId("items", id);
            JsonNode body = RestV1Responses.body(raw, false);
            JsonNode wikibase = RestV1Json.wikibaseSitelink(site, RestV1Responses.field(body, "sitelink"), "/sitelink");
            List<String> badges = RestV1Json.strings(wikibase.get("badges"));
            Sitelink link = new Sitelink(site, wikibase.get("title").textValue(), badges, null);
            AtomicBoolean existed = new AtomicBoolean();
            UnaryOperator<Entity> set = EntitySitelinks.set(link);
            return writes.edit(entityId, headers.edit(body), e -> {
                        existed.set(EntitySitelinks.of(e).containsKey(site));
                        return set.apply(e);
                    })
                    .map(result -> RestV1Responses.written(
                            existed.get() ? 200 : 201,
                            RestV1Json.sitelinks(result.entity()).get(site),
                            result));
        });
    }

    @DELETE
    @Path("entities/items/{id}/sitelinks/{site}")
    public Uni<Response> removeSitelink(
            @PathParam("id") String id, @PathParam("site") String site, byte[] raw, @BeanParam RestV1Headers headers) {
        return RestV1Responses.guard(() -> {
            EntityId entityId = RestV1Responses.entityId("items", id);
            JsonNode body = RestV1Responses.body(raw, true);
            return writes.edit(entityId, headers.edit(body), EntitySitelinks.remove(site))
                    .map(result -> RestV1Responses.deleted("Sitelink deleted"));
        });
    }

    // ---------------------------------------------------------------- helpers

    /** How a patched v1 section goes back into the entity (with the datatypes of the properties it mentions). */
    @FunctionalInterface
    interface SectionWriter {
        Entity write(Entity entity, JsonNode patched, Map<String, String> datatypes);
    }

    /**
     * {@code {"patch": [...]}} applied to the v1 {@code section} of the head, written back by {@code writer} as one
     * revision; 200 with the section as stored. The datatypes of the properties the patched section mentions are
     * loaded first (from a dry run on the head), as the translation of a new statement needs them.
     */
    Uni<Response> patch(
            EntityId id,
            byte[] raw,
            RestV1Headers headers,
            Function<Entity, ObjectNode> section,
            SectionWriter writer) {
        JsonNode body = RestV1Responses.body(raw, false);
        JsonPatch patch = JsonPatch.parse(RestV1Responses.field(body, "patch"));
        EditContext context = headers.edit(body);
        return RestV1Responses.datatypes(reads, datatypes, id, e -> patch.apply(section.apply(e)))
                .chain(types -> writes.edit(id, context, e -> writer.write(e, patch.apply(section.apply(e)), types)))
                .map(result -> RestV1Responses.written(200, section.apply(result.entity()), result));
    }

    private static ArrayNode values(List<Term> aliases) {
        ArrayNode out = RestV1Responses.NODES.arrayNode();
        aliases.forEach(t -> out.add(t.value()));
        return out;
    }
}
