package org.entitybase.entity.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.service.EditContext;
import org.entitybase.entity.service.EditResult;
import org.entitybase.entity.service.EntityErrors;
import org.entitybase.entity.service.EntityReadService;
import org.entitybase.entity.service.EntityTerms;
import org.entitybase.entity.service.EntityWriteService;
import org.entitybase.entity.service.LexemeEdits;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.error.WikibaseJsonException;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.json.WikibaseJsonWriter;
import org.entitybase.model.json.WikibaseSyntax;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.lexeme.Sense;
import org.entitybase.runtime.rest.ApiException;

/**
 * A lexeme's lemmas, lexical category, language, forms and senses (API.md "Sub-resources: Lexemes"). Every write is
 * one revision of the lexeme through {@link EntityWriteService#edit}, with the edit headers, {@code If-Match} /
 * {@code X-Base-Revision-ID}, protection and the entity_change event of any edit; {@code POST} of a form or sense
 * takes an {@code Idempotency-Key}. Statements of forms and senses are under {@code /entities/L42-F1/...}
 * ({@link StatementResource}).
 *
 * <ul>
 *   <li>{@code GET lemmas} (all languages), {@code GET|PUT|DELETE lemmas/{lang}} ({@code {"value": "…"}} or a JSON
 *       string; removing the last lemma is 422 {@code lemma-required}).
 *   <li>{@code GET|PUT lexicalCategory}, {@code GET|PUT language}: an item id ({@code {"value": "Q1084"}} or
 *       {@code "Q1084"}).
 *   <li>{@code GET|POST forms}: a form as in lexeme JSON ({@code representations}, {@code grammaticalFeatures},
 *       {@code claims} optional); the id comes from the lexeme's {@code nextFormId}: 201 with {@code form} and
 *       {@code Location}. {@code GET|PUT|DELETE forms/{L42-F1}}: PUT replaces representations and grammatical
 *       features, and the statements when the body has {@code claims}. {@code GET forms/{f}/representations},
 *       {@code GET|PUT|DELETE forms/{f}/representations/{lang}} (the last one: 422
 *       {@code representation-required}), {@code GET|PUT forms/{f}/grammaticalFeatures} (an array of item ids).
 *   <li>Senses alike: {@code senses}, {@code senses/{L42-S1}}, {@code senses/{s}/glosses[/{lang}]} (the last gloss:
 *       422 {@code gloss-required}).
 * </ul>
 */
@Path("/entities")
@Produces(MediaType.APPLICATION_JSON)
public class LexemeResource {

    private static final String LEXEME = "lexemes/{id}";
    private static final WikibaseJsonWriter WRITER = new WikibaseJsonWriter();

    private final EntityWriteService writes;
    private final EntityReadService reads;
    private final IdempotentWrites idempotent;

    LexemeResource(EntityWriteService writes, EntityReadService reads, IdempotentWrites idempotent) {
        this.writes = writes;
        this.reads = reads;
        this.idempotent = idempotent;
    }

    // ---------------------------------------------------------------- lemmas

    @GET
    @Path(LEXEME + "/lemmas")
    public Uni<Response> lemmas(@PathParam("id") String id, @Context UriInfo uri) {
        return read(
                id,
                uri,
                e -> SubResources.tree(WRITER.termsToBytes(LexemeEdits.lexeme(e).lemmas())));
    }

    @GET
    @Path(LEXEME + "/lemmas/{lang}")
    public Uni<Response> lemma(@PathParam("id") String id, @PathParam("lang") String lang, @Context UriInfo uri) {
        String language = EntityTerms.language(lang);
        return read(id, uri, e -> SubResources.tree(WRITER.toBytes(LexemeEdits.lemma(e, language))));
    }

    @PUT
    @Path(LEXEME + "/lemmas/{lang}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> setLemma(
            @PathParam("id") String id, @PathParam("lang") String lang, byte[] body, @BeanParam EditHeaders headers) {
        EntityId lexeme = lexemeId(id);
        String language = EntityTerms.language(lang);
        EditContext context = headers.context();
        String value = SubResources.text(SubResources.json(body));
        return writes.edit(lexeme, context, LexemeEdits.setLemma(language, value))
                .map(result -> SubResources.written(
                        lexeme,
                        result,
                        EntityResponses.object().put("language", language).put("value", value),
                        false));
    }

    @DELETE
    @Path(LEXEME + "/lemmas/{lang}")
    public Uni<Response> removeLemma(
            @PathParam("id") String id, @PathParam("lang") String lang, @BeanParam EditHeaders headers) {
        EntityId lexeme = lexemeId(id);
        String language = EntityTerms.language(lang);
        EditContext context = headers.context();
        return writes.edit(lexeme, context, LexemeEdits.removeLemma(language))
                .map(result -> SubResources.written(
                        lexeme,
                        result,
                        EntityResponses.object().put("language", language).put("deleted", true),
                        false));
    }

    // ---------------------------------------------------------------- lexical category and language

    @GET
    @Path(LEXEME + "/{field: lexicalCategory|language}")
    public Uni<Response> itemField(@PathParam("id") String id, @PathParam("field") String field, @Context UriInfo uri) {
        return read(id, uri, e -> {
            Lexeme l = LexemeEdits.lexeme(e);
            return EntityResponses.object().put(field, field.equals("language") ? l.language() : l.lexicalCategory());
        });
    }

    @PUT
    @Path(LEXEME + "/{field: lexicalCategory|language}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> setItemField(
            @PathParam("id") String id, @PathParam("field") String field, byte[] body, @BeanParam EditHeaders headers) {
        EntityId lexeme = lexemeId(id);
        EditContext context = headers.context();
        String item = itemId(SubResources.text(SubResources.json(body)), "value");
        UnaryOperator<Entity> change =
                field.equals("language") ? LexemeEdits.setLanguage(item) : LexemeEdits.setLexicalCategory(item);
        return writes.edit(lexeme, context, change)
                .map(result -> SubResources.written(
                        lexeme, result, EntityResponses.object().put(field, item), false));
    }

    // ---------------------------------------------------------------- forms

    @GET
    @Path(LEXEME + "/forms")
    public Uni<Response> forms(@PathParam("id") String id, @Context UriInfo uri) {
        return read(id, uri, e -> {
            ObjectNode out = EntityResponses.object();
            ArrayNode list = out.putArray("forms");
            LexemeEdits.lexeme(e).forms().forEach(f -> list.add(SubResources.tree(WRITER.toBytes(f))));
            return out;
        });
    }

    @POST
    @Path(LEXEME + "/forms")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> addForm(
            @PathParam("id") String id, byte[] body, @BeanParam EditHeaders headers, @Context UriInfo uri) {
        EntityId lexeme = lexemeId(id);
        EditContext context = headers.context();
        Form form = readPart(body, b -> WikibaseJsonReader.strict().readForm(b, lexeme));
        AtomicReference<EntityId> assigned = new AtomicReference<>();
        return idempotent.write(
                context,
                headers.idempotencyKey(),
                uri,
                body,
                keyed -> writes.edit(lexeme, keyed, LexemeEdits.addForm(form, assigned::set)),
                result -> {
                    Form stored = newest(LexemeEdits.lexeme(result.entity()).forms(), Form::id, assigned.get());
                    return created(
                            lexeme,
                            result,
                            uri,
                            "forms",
                            stored.id(),
                            SubResources.tree(WRITER.toBytes(stored)),
                            "form");
                });
    }

    @GET
    @Path(LEXEME + "/forms/{form}")
    public Uni<Response> form(@PathParam("id") String id, @PathParam("form") String form, @Context UriInfo uri) {
        EntityId formId = formId(id, form);
        return read(id, uri, e -> SubResources.tree(WRITER.toBytes(LexemeEdits.form(e, formId))));
    }

    @PUT
    @Path(LEXEME + "/forms/{form}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> replaceForm(
            @PathParam("id") String id, @PathParam("form") String form, byte[] body, @BeanParam EditHeaders headers) {
        EntityId lexeme = lexemeId(id);
        EntityId formId = formId(id, form);
        EditContext context = headers.context();
        Form given = readPart(body, b -> WikibaseJsonReader.strict().readForm(b, lexeme));
        checkPartId(given.id(), formId);
        boolean withClaims = SubResources.json(body).has("claims");
        return writes.edit(
                        lexeme,
                        context,
                        LexemeEdits.changeForm(
                                formId,
                                f -> new Form(
                                        formId,
                                        given.representations(),
                                        given.grammaticalFeatures(),
                                        withClaims ? given.claims() : f.claims())))
                .map(result -> formWritten(lexeme, formId, result));
    }

    @DELETE
    @Path(LEXEME + "/forms/{form}")
    public Uni<Response> removeForm(
            @PathParam("id") String id, @PathParam("form") String form, @BeanParam EditHeaders headers) {
        EntityId lexeme = lexemeId(id);
        EntityId formId = formId(id, form);
        EditContext context = headers.context();
        return writes.edit(lexeme, context, LexemeEdits.removeForm(formId))
                .map(result -> SubResources.written(
                        lexeme,
                        result,
                        EntityResponses.object().put("form", formId.value()).put("deleted", true),
                        false));
    }

    @GET
    @Path(LEXEME + "/forms/{form}/representations")
    public Uni<Response> representations(
            @PathParam("id") String id, @PathParam("form") String form, @Context UriInfo uri) {
        EntityId formId = formId(id, form);
        return read(
                id,
                uri,
                e -> SubResources.tree(
                        WRITER.termsToBytes(LexemeEdits.form(e, formId).representations())));
    }

    @GET
    @Path(LEXEME + "/forms/{form}/representations/{lang}")
    public Uni<Response> representation(
            @PathParam("id") String id,
            @PathParam("form") String form,
            @PathParam("lang") String lang,
            @Context UriInfo uri) {
        EntityId formId = formId(id, form);
        String language = EntityTerms.language(lang);
        return read(id, uri, e -> SubResources.tree(WRITER.toBytes(LexemeEdits.representation(e, formId, language))));
    }

    @PUT
    @Path(LEXEME + "/forms/{form}/representations/{lang}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> setRepresentation(
            @PathParam("id") String id,
            @PathParam("form") String form,
            @PathParam("lang") String lang,
            byte[] body,
            @BeanParam EditHeaders headers) {
        EntityId lexeme = lexemeId(id);
        EntityId formId = formId(id, form);
        String language = EntityTerms.language(lang);
        EditContext context = headers.context();
        String value = SubResources.text(SubResources.json(body));
        return writes.edit(
                        lexeme, context, LexemeEdits.changeForm(formId, LexemeEdits.setRepresentation(language, value)))
                .map(result -> SubResources.written(
                        lexeme,
                        result,
                        EntityResponses.object()
                                .put("form", formId.value())
                                .put("language", language)
                                .put("value", value),
                        false));
    }

    @DELETE
    @Path(LEXEME + "/forms/{form}/representations/{lang}")
    public Uni<Response> removeRepresentation(
            @PathParam("id") String id,
            @PathParam("form") String form,
            @PathParam("lang") String lang,
            @BeanParam EditHeaders headers) {
        EntityId lexeme = lexemeId(id);
        EntityId formId = formId(id, form);
        String language = EntityTerms.language(lang);
        EditContext context = headers.context();
        return writes.edit(lexeme, context, LexemeEdits.changeForm(formId, LexemeEdits.removeRepresentation(language)))
                .map(result -> SubResources.written(
                        lexeme,
                        result,
                        EntityResponses.object()
                                .put("form", formId.value())
                                .put("language", language)
                                .put("deleted", true),
                        false));
    }

    @GET
    @Path(LEXEME + "/forms/{form}/grammaticalFeatures")
    public Uni<Response> grammaticalFeatures(
            @PathParam("id") String id, @PathParam("form") String form, @Context UriInfo uri) {
        EntityId formId = formId(id, form);
        return read(id, uri, e -> {
            ArrayNode out = EntityResponses.object().arrayNode();
            LexemeEdits.form(e, formId).grammaticalFeatures().forEach(out::add);
            return out;
        });
    }

    @PUT
    @Path(LEXEME + "/forms/{form}/grammaticalFeatures")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> setGrammaticalFeatures(
            @PathParam("id") String id, @PathParam("form") String form, byte[] body, @BeanParam EditHeaders headers) {
        EntityId lexeme = lexemeId(id);
        EntityId formId = formId(id, form);
        EditContext context = headers.context();
        List<String> features = itemIds(SubResources.json(body));
        return writes.edit(
                        lexeme, context, LexemeEdits.changeForm(formId, LexemeEdits.setGrammaticalFeatures(features)))
                .map(result -> formWritten(lexeme, formId, result));
    }

    // ---------------------------------------------------------------- senses

    @GET
    @Path(LEXEME + "/senses")
    public Uni<Response> senses(@PathParam("id") String id, @Context UriInfo uri) {
        return read(id, uri, e -> {
            ObjectNode out = EntityResponses.object();
            ArrayNode list = out.putArray("senses");
            LexemeEdits.lexeme(e).senses().forEach(s -> list.add(SubResources.tree(WRITER.toBytes(s))));
            return out;
        });
    }

    @POST
    @Path(LEXEME + "/senses")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> addSense(
            @PathParam("id") String id, byte[] body, @BeanParam EditHeaders headers, @Context UriInfo uri) {
        EntityId lexeme = lexemeId(id);
        EditContext context = headers.context();
        Sense sense = readPart(body, b -> WikibaseJsonReader.strict().readSense(b, lexeme));
        AtomicReference<EntityId> assigned = new AtomicReference<>();
        return idempotent.write(
                context,
                headers.idempotencyKey(),
                uri,
                body,
                keyed -> writes.edit(lexeme, keyed, LexemeEdits.addSense(sense, assigned::set)),
                result -> {
                    Sense stored = newest(LexemeEdits.lexeme(result.entity()).senses(), Sense::id, assigned.get());
                    return created(
                            lexeme,
                            result,
                            uri,
                            "senses",
                            stored.id(),
                            SubResources.tree(WRITER.toBytes(stored)),
                            "sense");
                });
    }

    @GET
    @Path(LEXEME + "/senses/{sense}")
    public Uni<Response> sense(@PathParam("id") String id, @PathParam("sense") String sense, @Context UriInfo uri) {
        EntityId senseId = senseId(id, sense);
        return read(id, uri, e -> SubResources.tree(WRITER.toBytes(LexemeEdits.sense(e, senseId))));
    }

    @PUT
    @Path(LEXEME + "/senses/{sense}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> replaceSense(
            @PathParam("id") String id, @PathParam("sense") String sense, byte[] body, @BeanParam EditHeaders headers) {
        EntityId lexeme = lexemeId(id);
        EntityId senseId = senseId(id, sense);
        EditContext context = headers.context();
        Sense given = readPart(body, b -> WikibaseJsonReader.strict().readSense(b, lexeme));
        checkPartId(given.id(), senseId);
        boolean withClaims = SubResources.json(body).has("claims");
        return writes.edit(
                        lexeme,
                        context,
                        LexemeEdits.changeSense(
                                senseId,
                                s -> new Sense(senseId, given.glosses(), withClaims ? given.claims() : s.claims())))
                .map(result -> senseWritten(lexeme, senseId, result));
    }

    @DELETE
    @Path(LEXEME + "/senses/{sense}")
    public Uni<Response> removeSense(
            @PathParam("id") String id, @PathParam("sense") String sense, @BeanParam EditHeaders headers) {
        EntityId lexeme = lexemeId(id);
        EntityId senseId = senseId(id, sense);
        EditContext context = headers.context();
        return writes.edit(lexeme, context, LexemeEdits.removeSense(senseId))
                .map(result -> SubResources.written(
                        lexeme,
                        result,
                        EntityResponses.object().put("sense", senseId.value()).put("deleted", true),
                        false));
    }

    @GET
    @Path(LEXEME + "/senses/{sense}/glosses")
    public Uni<Response> glosses(@PathParam("id") String id, @PathParam("sense") String sense, @Context UriInfo uri) {
        EntityId senseId = senseId(id, sense);
        return read(
                id,
                uri,
                e -> SubResources.tree(
                        WRITER.termsToBytes(LexemeEdits.sense(e, senseId).glosses())));
    }

    @GET
    @Path(LEXEME + "/senses/{sense}/glosses/{lang}")
    public Uni<Response> gloss(
            @PathParam("id") String id,
            @PathParam("sense") String sense,
            @PathParam("lang") String lang,
            @Context UriInfo uri) {
        EntityId senseId = senseId(id, sense);
        String language = EntityTerms.language(lang);
        return read(id, uri, e -> SubResources.tree(WRITER.toBytes(LexemeEdits.gloss(e, senseId, language))));
    }

    @PUT
    @Path(LEXEME + "/senses/{sense}/glosses/{lang}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> setGloss(
            @PathParam("id") String id,
            @PathParam("sense") String sense,
            @PathParam("lang") String lang,
            byte[] body,
            @BeanParam EditHeaders headers) {
        EntityId lexeme = lexemeId(id);
        EntityId senseId = senseId(id, sense);
        String language = EntityTerms.language(lang);
        EditContext context = headers.context();
        String value = SubResources.text(SubResources.json(body));
        return writes.edit(lexeme, context, LexemeEdits.changeSense(senseId, LexemeEdits.setGloss(language, value)))
                .map(result -> SubResources.written(
                        lexeme,
                        result,
                        EntityResponses.object()
                                .put("sense", senseId.value())
                                .put("language", language)
                                .put("value", value),
                        false));
    }

    @DELETE
    @Path(LEXEME + "/senses/{sense}/glosses/{lang}")
    public Uni<Response> removeGloss(
            @PathParam("id") String id,
            @PathParam("sense") String sense,
            @PathParam("lang") String lang,
            @BeanParam EditHeaders headers) {
        EntityId lexeme = lexemeId(id);
        EntityId senseId = senseId(id, sense);
        String language = EntityTerms.language(lang);
        EditContext context = headers.context();
        return writes.edit(lexeme, context, LexemeEdits.changeSense(senseId, LexemeEdits.removeGloss(language)))
                .map(result -> SubResources.written(
                        lexeme,
                        result,
                        EntityResponses.object()
                                .put("sense", senseId.value())
                                .put("language", language)
                                .put("deleted", true),
                        false));
    }

    // ---------------------------------------------------------------- helpers

    private Uni<Response> read(String id, UriInfo uri, Function<Entity, JsonNode> body) {
        return SubResources.read(reads, lexemeId(id), uri, body);
    }

    private static EntityId lexemeId(String id) {
        return EditRequests.entityIdIn(EntityType.LEXEME, id);
    }

    private static EntityId formId(String lexeme, String form) {
        return partOf(lexemeId(lexeme), EditRequests.lexemePart(form, EntityType.FORM));
    }

    private static EntityId senseId(String lexeme, String sense) {
        return partOf(lexemeId(lexeme), EditRequests.lexemePart(sense, EntityType.SENSE));
    }

    /** 400 {@code entity-id-mismatch} for a form or sense of another lexeme than the path's. */
    private static EntityId partOf(EntityId lexeme, EntityId part) {
        if (!LexemeEdits.lexemeOf(part).equals(lexeme)) {
            throw new ApiException(
                    400,
                    "entity-id-mismatch",
                    part + " is not a " + part.type().jsonName() + " of " + lexeme,
                    Map.of("id", part.value(), "lexeme", lexeme.value()));
        }
        return part;
    }

    /** A body's form or sense id, when it has one, must be the path's. */
    private static void checkPartId(EntityId given, EntityId path) {
        if (given != null && !given.equals(path)) {
            throw new ApiException(
                    400,
                    "entity-id-mismatch",
                    "the body is " + given + ", the path " + path,
                    Map.of("path", "id", "id", path.value()));
        }
    }

    @FunctionalInterface
    private interface PartReader<T> {
        T read(byte[] body);
    }

    private static <T> T readPart(byte[] body, PartReader<T> reader) {
        SubResources.json(body); // 400 missing-body / invalid-json before the Wikibase reading
        try {
            return reader.read(body);
        } catch (WikibaseJsonException e) {
            throw EntityErrors.invalidJson(e);
        }
    }

    private static String itemId(String value, String path) {
        if (!WikibaseSyntax.isItemId(value)) {
            throw new ApiException(
                    400, "invalid-value", "not an item id: " + value, Map.of("path", path, "value", value));
        }
        return value;
    }

    private static List<String> itemIds(JsonNode body) {
        if (!body.isArray()) {
            throw new ApiException(
                    400, "invalid-value", "the body must be a JSON array of item ids", Map.of("path", ""));
        }
        List<String> ids = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            JsonNode v = body.get(i);
            String path = "[" + i + "]";
            if (!v.isTextual()) {
                throw new ApiException(400, "invalid-value", path + " must be an item id", Map.of("path", path));
            }
            String id = itemId(v.textValue(), path);
            if (ids.contains(id)) {
                throw new ApiException(400, "invalid-value", id + " is given twice", Map.of("path", path, "value", id));
            }
            ids.add(id);
        }
        return ids;
    }

    private static <T> T newest(List<T> parts, Function<T, EntityId> id, EntityId assigned) {
        for (T part : parts) {
            if (id.apply(part).equals(assigned)) {
                return part;
            }
        }
        throw new IllegalStateException("the new " + assigned + " is not in the stored lexeme");
    }

    private static Response created(
            EntityId lexeme,
            EditResult result,
            UriInfo uri,
            String collection,
            EntityId partId,
            JsonNode part,
            String field) {
        ObjectNode body = EntityResponses.object();
        body.set(field, part);
        Response written = SubResources.written(lexeme, result, body, true);
        URI location = uri.getBaseUriBuilder()
                .path("entities/lexemes")
                .path(lexeme.value())
                .path(collection)
                .path(partId.value())
                .build();
        return Response.fromResponse(written)
                .header(HttpHeaders.LOCATION, location)
                .build();
    }

    private static Response formWritten(EntityId lexeme, EntityId formId, EditResult result) {
        ObjectNode body = EntityResponses.object();
        body.set("form", SubResources.tree(WRITER.toBytes(LexemeEdits.form(result.entity(), formId))));
        return SubResources.written(lexeme, result, body, false);
    }

    private static Response senseWritten(EntityId lexeme, EntityId senseId, EditResult result) {
        ObjectNode body = EntityResponses.object();
        body.set("sense", SubResources.tree(WRITER.toBytes(LexemeEdits.sense(result.entity(), senseId))));
        return SubResources.written(lexeme, result, body, false);
    }
}
