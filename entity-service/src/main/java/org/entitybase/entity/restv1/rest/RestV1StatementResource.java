package org.entitybase.entity.restv1.rest;

import java.util.List;
import java.util.Map;

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
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.restv1.service.RestV1Json;
import org.entitybase.entity.service.EntityReadService;
import org.entitybase.entity.service.EntityWriteService;
import org.entitybase.entity.service.JsonPatch;
import org.entitybase.entity.service.PropertyDatatypes;
import org.entitybase.entity.service.StatementEdits;
import org.entitybase.entity.service.StatementEdits.Key;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.json.WikibaseSyntax;
import org.entitybase.model.statement.Statement;
import org.entitybase.runtime.rest.ApiException;

/**
 * Statements in the Wikibase REST API v1: of an item or property ({@code /entities/items/Q42/statements…}) and by
 * id alone ({@code /statements/Q42$…}). Writes are one revision each through {@link EntityWriteService}, with
 * {@link StatementEdits}' add, change and remove (the same as our own statement routes).
 */
@Path("/" + RestV1ContentLanguage.ROOT)
@Produces(MediaType.APPLICATION_JSON)
public class RestV1StatementResource {

    private static final String STATEMENTS = "entities/{collection: items|properties}/{id}/statements";

    private final EntityWriteService writes;
    private final EntityReadService reads;
    private final PropertyDatatypes datatypes;

    RestV1StatementResource(EntityWriteService writes, EntityReadService reads, PropertyDatatypes datatypes) {
        this.writes = writes;
        this.reads = reads;
        this.datatypes = datatypes;
    }

    @GET
    @Path(STATEMENTS)
    public Uni<Response> statements(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @QueryParam("property") String property,
            @BeanParam RestV1Headers headers,
            @Context UriInfo uri) {
        return RestV1Responses.guard(() -> {
            EntityId entityId = RestV1Responses.entityId(collection, id);
            if (property != null && !WikibaseSyntax.isPropertyId(property)) {
                throw new ApiException(
                        400,
                        "invalid-query-parameter",
                        "Invalid query parameter: 'property'",
                        Map.of("parameter", "property"));
            }
            return RestV1Responses.read(reads, entityId, headers, uri, current -> {
                ObjectNode all = RestV1Json.statements(current.entity());
                if (property != null) {
                    all.retain(property);
                }
                return all;
            });
        });
    }

    @POST
    @Path(STATEMENTS)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> add(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            byte[] raw,
            @BeanParam RestV1Headers headers,
            @Context UriInfo uri) {
        return RestV1Responses.guard(() -> {
            EntityId entityId = RestV1Responses.entityId(collection, id);
            JsonNode body = RestV1Responses.body(raw, false);
            JsonNode v1 = RestV1Responses.field(body, "statement");
            var context = headers.edit(body);
            return datatypes.of(RestV1Json.properties(v1)).chain(types -> {
                Statement read = RestV1Json.readStatement(withoutId(v1), entityId, types);
                List<Statement> statements = StatementEdits.withGuids(entityId, read.property(), List.of(read));
                String guid = statements.get(0).id();
                return writes.edit(entityId, context, StatementEdits.add(entityId, read.property(), statements))
                        .map(result -> Response.fromResponse(
                                        RestV1Responses.written(201, stored(result.entity(), guid), result))
                                .location(uri.getRequestUriBuilder().path(guid).build())
                                .build());
            });
        });
    }

    @GET
    @Path(STATEMENTS + "/{statement}")
    public Uni<Response> statement(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("statement") String statement,
            @BeanParam RestV1Headers headers,
            @Context UriInfo uri) {
        return RestV1Responses.guard(
                () -> read(statementIn(RestV1Responses.entityId(collection, id), statement), headers, uri));
    }

    @GET
    @Path("statements/{statement}")
    public Uni<Response> statementById(
            @PathParam("statement") String statement, @BeanParam RestV1Headers headers, @Context UriInfo uri) {
        return RestV1Responses.guard(() -> read(statementId(statement), headers, uri));
    }

    @PUT
    @Path(STATEMENTS + "/{statement}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> replace(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("statement") String statement,
            byte[] raw,
            @BeanParam RestV1Headers headers) {
        return RestV1Responses.guard(
                () -> replace(statementIn(RestV1Responses.entityId(collection, id), statement), raw, headers));
    }

    @PUT
    @Path("statements/{statement}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> replaceById(
            @PathParam("statement") String statement, byte[] raw, @BeanParam RestV1Headers headers) {
        return RestV1Responses.guard(() -> replace(statementId(statement), raw, headers));
    }

    @PATCH
    @Path(STATEMENTS + "/{statement}")
    @Consumes({RestV1Responses.JSON_PATCH, MediaType.APPLICATION_JSON})
    public Uni<Response> patch(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("statement") String statement,
            byte[] raw,
            @BeanParam RestV1Headers headers) {
        return RestV1Responses.guard(
                () -> patch(statementIn(RestV1Responses.entityId(collection, id), statement), raw, headers));
    }

    @PATCH
    @Path("statements/{statement}")
    @Consumes({RestV1Responses.JSON_PATCH, MediaType.APPLICATION_JSON})
    public Uni<Response> patchById(
            @PathParam("statement") String statement, byte[] raw, @BeanParam RestV1Headers headers) {
        return RestV1Responses.guard(() -> patch(statementId(statement), raw, headers));
    }

    @DELETE
    @Path(STATEMENTS + "/{statement}")
    public Uni<Response> remove(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("statement") String statement,
            byte[] raw,
            @BeanParam RestV1Headers headers) {
        return RestV1Responses.guard(
                () -> remove(statementIn(RestV1Responses.entityId(collection, id), statement), raw, headers));
    }

    @DELETE
    @Path("statements/{statement}")
    public Uni<Response> removeById(
            @PathParam("statement") String statement, byte[] raw, @BeanParam RestV1Headers headers) {
        return RestV1Responses.guard(() -> remove(statementId(statement), raw, headers));
    }

    // ---------------------------------------------------------------- the routes' work

    /** A statement GUID and the item or property it belongs to. */
    record StatementId(EntityId entity, String guid) {}

    private Uni<Response> read(StatementId id, RestV1Headers headers, UriInfo uri) {
        return RestV1Responses.read(reads, id.entity(), headers, uri, current -> stored(current.entity(), id.guid()));
    }

    /** {@code {"statement": {...}}} in place of the statement, with its GUID; its property cannot change (400). */
    private Uni<Response> replace(StatementId id, byte[] raw, RestV1Headers headers) {
        JsonNode body = RestV1Responses.body(raw, false);
        JsonNode v1 = RestV1Responses.field(body, "statement");
        var context = headers.edit(body);
        return datatypes.of(RestV1Json.properties(v1)).chain(types -> {
            Statement replacement =
                    RestV1Json.readStatement(withoutId(v1), id.entity(), types).withId(id.guid());
            return writes.edit(
                            id.entity(),
                            context,
                            StatementEdits.change(id.entity(), new Key(id.guid(), null), original -> {
                                requireSameProperty(original, replacement);
                                return replacement;
                            }))
                    .map(result -> RestV1Responses.written(200, stored(result.entity(), id.guid()), result));
        });
    }

    /** {@code {"patch": [...]}} on the statement's v1 form; its id and property cannot change (422). */
    private Uni<Response> patch(StatementId id, byte[] raw, RestV1Headers headers) {
        JsonNode body = RestV1Responses.body(raw, false);
        JsonPatch patch = JsonPatch.parse(RestV1Responses.field(body, "patch"));
        var context = headers.edit(body);
        Key key = new Key(id.guid(), null);
        return RestV1Responses.datatypes(reads, datatypes, id.entity(), e -> patch.apply(stored(e, id.guid())))
                .chain(types -> writes.edit(id.entity(), context, StatementEdits.change(id.entity(), key, original -> {
                    JsonNode patched = patch.apply(RestV1Json.statement(original));
                    if (!patched.path("id").asText().equals(id.guid())) {
                        throw new ApiException(
                                422,
                                "patched-statement-invalid-field",
                                "a patch cannot change the statement's id",
                                Map.of("path", "/id"));
                    }
                    Statement result = RestV1Json.readStatement(patched, id.entity(), types);
                    requireSameProperty(original, result);
                    return result;
                })))
                .map(result -> RestV1Responses.written(200, stored(result.entity(), id.guid()), result));
    }

    private Uni<Response> remove(StatementId id, byte[] raw, RestV1Headers headers) {
        JsonNode body = RestV1Responses.body(raw, true);
        return writes.edit(
                        id.entity(), headers.edit(body), StatementEdits.remove(id.entity(), new Key(id.guid(), null)))
                .map(result -> RestV1Responses.deleted("Statement deleted"));
    }

    // ---------------------------------------------------------------- helpers

    /** The v1 form of the statement {@code guid} of {@code entity}; 404 resource-not-found when it has none. */
    private static ObjectNode stored(Entity entity, String guid) {
        Statement statement = StatementEdits.find(entity.claims(), guid);
        if (statement == null) {
            throw new ApiException(
                    404,
                    "statement-not-found",
                    "Could not find a statement with the ID: " + guid,
                    Map.of("statement_id", guid));
        }
        return RestV1Json.statement(statement);
    }

    /** A statement id under an entity's path: it must be that entity's (400 invalid-path-parameter). */
    private static StatementId statementIn(EntityId entity, String statement) {
        StatementId id = statementId(statement);
        if (!id.entity().equals(entity)) {
            throw RestV1Responses.invalidPath("statement_id");
        }
        return id;
    }

    private static StatementId statementId(String statement) {
        int dollar = statement == null ? -1 : statement.indexOf('$');
        if (dollar <= 0 || WikibaseSyntax.statementGuidSubject(statement) == null) {
            throw RestV1Responses.invalidPath("statement_id");
        }
        String entity = statement.substring(0, dollar);
        String collection = entity.startsWith("Q") ? "items" : entity.startsWith("P") ? "properties" : null;
        if (collection == null) {
            throw RestV1Responses.invalidPath("statement_id");
        }
        try {
            return new StatementId(RestV1Responses.entityId(collection, entity), statement);
        } catch (ApiException e) {
            throw RestV1Responses.invalidPath("statement_id");
        }
    }

    private static void requireSameProperty(Statement original, Statement changed) {
        if (!original.property().equals(changed.property())) {
            throw new ApiException(
                    400,
                    "invalid-statement-data",
                    "a statement's property cannot change (" + original.property() + ")",
                    Map.of("path", "/statement/property/id"));
        }
    }

    /** A statement given in a request: its {@code id} is read-only, the path or a new GUID decides it. */
    private static JsonNode withoutId(JsonNode v1) {
        if (v1.isObject() && v1.has("id")) {
            ObjectNode copy = ((ObjectNode) v1).deepCopy();
            copy.remove("id");
            return copy;
        }
        return v1;
    }
}
