package org.entitybase.entity.rest;

import java.net.URI;
import java.time.Instant;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.service.EditContext;
import org.entitybase.entity.service.EntityJsonCache;
import org.entitybase.entity.service.EntityReadService;
import org.entitybase.entity.service.EntityReadService.RevisionView;
import org.entitybase.entity.service.EntityWriteService;
import org.entitybase.entity.service.LexemeEdits;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.pack.StoredRevision;

/** {@code /entities/**}: create, read, replace, history, delete, revert (API.md). Thin: the services do the work. */
@Path("/entities")
@Produces(MediaType.APPLICATION_JSON)
public class EntityResource {

    private static final int DEFAULT_HISTORY = 50;
    private static final int MAX_HISTORY = 500;
    private static final String COLLECTION = "{collection: items|properties|lexemes}";

    private final EntityWriteService writes;
    private final EntityReadService reads;
    private final EntityJsonCache entityJson;
    private final IdempotentWrites idempotent;

    EntityResource(
            EntityWriteService writes,
            EntityReadService reads,
            EntityJsonCache entityJson,
            IdempotentWrites idempotent) {
        this.writes = writes;
        this.idempotent = idempotent;
        this.reads = reads;
        this.entityJson = entityJson;
    }

    @POST
    @Path(COLLECTION)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(
            @PathParam("collection") String collection,
            byte[] body,
            @BeanParam EditHeaders headers,
            @Context UriInfo uri) {
        EntityType type = EditRequests.collection(collection);
        EditContext context = headers.creation();
        return idempotent.write(
                context,
                headers.idempotencyKey(),
                uri,
                body,
                keyed -> writes.create(type, body, keyed),
                result -> EntityResponses.edit(result, uri).build());
    }

    @PUT
    @Path(COLLECTION + "/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> replace(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            byte[] body,
            @BeanParam EditHeaders headers,
            @Context UriInfo uri) {
        EntityId entityId = EditRequests.entityIdIn(EditRequests.collection(collection), id);
        EditContext context = headers.context();
        return writes.replace(entityId, body, context)
                .map(result -> EntityResponses.edit(result, uri).build());
    }

    @GET
    @Path(COLLECTION + "/{id}")
    public Uni<Response> getInCollection(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @Context UriInfo uri) {
        EntityId entityId = EditRequests.entityIdIn(EditRequests.collection(collection), id);
        return current(entityId, ifNoneMatch, acceptEncoding, uri);
    }

    private static final String JSON_SUFFIX = ".json";

    /**
     * The entity now (or at {@code ?revision=}); {@code Accept} preferring RDF gets a 303 to the RDF URL, keeping
     * {@code revision} and {@code flavor}. {@code {id}.json} is the JSON whatever {@code Accept} prefers.
     */
    @GET
    @Path("{id}")
    @Produces(MediaType.WILDCARD) // any Accept reaches the negotiation below: RDF types get their 303
    public Uni<Response> get(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @QueryParam("revision") String revision,
            @QueryParam("flavor") String flavor,
            @Context UriInfo uri) {
        // Q42.json: the JSON whatever Accept says, as .ttl/.nt/.rdf pick RDF (rdf-service's routes)
        boolean jsonSuffix = id.endsWith(JSON_SUFFIX);
        EntityId entityId =
                EditRequests.entityOrLexemePart(jsonSuffix ? id.substring(0, id.length() - JSON_SUFFIX.length()) : id);
        String extension = jsonSuffix ? null : RdfNegotiation.rdfExtension(accept);
        if (extension != null) {
            UriBuilder rdf = uri.getBaseUriBuilder().path("entities").path(entityId.value() + "." + extension);
            if (revision != null) {
                rdf.queryParam("revision", revision);
            }
            if (flavor != null) {
                rdf.queryParam("flavor", flavor);
            }
            return Uni.createFrom().item(Response.seeOther(rdf.build()).build());
        }
        if (entityId.type() == EntityType.FORM || entityId.type() == EntityType.SENSE) {
            return lexemePart(entityId, revision, ifNoneMatch, uri);
        }
        if (revision != null) {
            return revision(entityId, EditRequests.positive(revision, "revision"), acceptEncoding, uri);
        }
        return current(entityId, ifNoneMatch, acceptEncoding, uri);
    }

    /**
     * A form or sense by its own id, as Wikidata's Special:EntityData/L42-F1.json shows it: the page fields of its
     * lexeme ({@code lastrevid}, {@code modified}; {@code pageid}, {@code ns}, {@code title} when the lexeme has
     * them), then {@code type} and the form's or sense's JSON. {@code ETag} is the lexeme's revision; a redirected
     * lexeme answers 308 to the same form or sense of its target.
     */
    private Uni<Response> lexemePart(EntityId part, String revision, String ifNoneMatch, UriInfo uri) {
        EntityId lexeme = LexemeEdits.lexemeOf(part);
        if (revision != null) {
            long revisionId = EditRequests.positive(revision, "revision");
            return reads.revision(lexeme, revisionId).map(view -> {
                if (view.stored() == null) {
                    return redirectTo(LexemeParts.partOf(view.row().redirectTarget(), part, lexeme), uri);
                }
                Entity entity = EntityWriteService.asOfRevision(
                        view.stored().entity(), revisionId, view.row().createdAt());
                return partResponse(entity, part, revisionId);
            });
        }
        return reads.current(lexeme).map(head -> {
            if (head.redirectTarget() != null) {
                return redirectTo(LexemeParts.partOf(head.redirectTarget(), part, lexeme), uri);
            }
            if (ifNoneMatch != null && EditRequests.matchesAny(ifNoneMatch, head.revisionId())) {
                return Response.notModified()
                        .header(HttpHeaders.ETAG, EditRequests.etagOf(head.revisionId()))
                        .build();
            }
            return partResponse(head.entity(), part, head.revisionId());
        });
    }

    private static Response partResponse(Entity lexeme, EntityId part, long revisionId) {
        Response.ResponseBuilder response =
                Response.ok(LexemeParts.json(lexeme, part), MediaType.APPLICATION_JSON_TYPE);
        EntityResponses.revisionHeaders(response, revisionId);
        return response.build();
    }

    @GET
    @Path("{id}/history")
    public Uni<Response> history(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("after") String after) {
        EntityId entityId = EditRequests.entityId(id);
        int size = limit == null ? DEFAULT_HISTORY : (int) Math.min(MAX_HISTORY, EditRequests.positive(limit, "limit"));
        Long cursor = after == null ? null : EditRequests.positive(after, "after");
        return reads.history(entityId, cursor, size)
                .map(page -> Response.ok(EntityResponses.history(entityId, page.revisions(), page.next()))
                        .build());
    }

    @GET
    @Path("{id}/revision/{revision}")
    public Uni<Response> revision(
            @PathParam("id") String id,
            @PathParam("revision") String revision,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @Context UriInfo uri) {
        return revision(EditRequests.entityId(id), EditRequests.positive(revision, "revision"), acceptEncoding, uri);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id, @BeanParam EditHeaders headers) {
        EntityId entityId = EditRequests.entityId(id);
        EditContext context = headers.context();
        return writes.delete(entityId, context)
                .map(result -> EntityResponses.status(
                                EntityResponses.object()
                                        .put("id", entityId.value())
                                        .put("revision_id", result.revisionId())
                                        .put("deleted", true),
                                result.revisionId())
                        .build());
    }

    /** {@code {"to_revision_id": n}}: a new revision with the content of revision n (restores a deleted entity). */
    @POST
    @Path("{id}/revert")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> revert(
            @PathParam("id") String id, JsonNode body, @BeanParam EditHeaders headers, @Context UriInfo uri) {
        EntityId entityId = EditRequests.entityId(id);
        EditContext context = headers.context();
        long target = RequestBodies.positiveLong(body, "to_revision_id");
        return writes.revert(entityId, target, context)
                .map(result -> EntityResponses.edit(result, uri).build());
    }

    @POST
    @Path("{id}/revert-redirect")
    public Uni<Response> revertRedirect(
            @PathParam("id") String id, @BeanParam EditHeaders headers, @Context UriInfo uri) {
        EntityId entityId = EditRequests.entityId(id);
        EditContext context = headers.context();
        return writes.revertRedirect(entityId, context)
                .map(result -> EntityResponses.edit(result, uri).build());
    }

    private Uni<Response> current(EntityId id, String ifNoneMatch, String acceptEncoding, UriInfo uri) {
        return reads.current(id).map(head -> {
            if (head.redirectTarget() != null) {
                return redirectTo(head.redirectTarget(), uri);
            }
            if (ifNoneMatch != null && EditRequests.matchesAny(ifNoneMatch, head.revisionId())) {
                return Response.notModified()
                        .header(HttpHeaders.ETAG, EditRequests.etagOf(head.revisionId()))
                        .build();
            }
            return entityJson(head.stored(), head.revisionId(), head.createdAt(), acceptEncoding);
        });
    }

    private Uni<Response> revision(EntityId id, long revision, String acceptEncoding, UriInfo uri) {
        return reads.revision(id, revision).map((RevisionView view) -> {
            if (view.stored() == null) {
                return redirectTo(view.row().redirectTarget(), uri);
            }
            return entityJson(view.stored(), revision, view.row().createdAt(), acceptEncoding);
        });
    }

    /** The revision's JSON, gzip'd (from the cache) when the client accepts it. */
    private Response entityJson(StoredRevision stored, long revision, Instant createdAt, String acceptEncoding) {
        if (EntityResponses.acceptsGzip(acceptEncoding)) {
            return EntityResponses.json(entityJson.gzip(stored, revision, createdAt), revision, createdAt)
                    .header(HttpHeaders.CONTENT_ENCODING, "gzip")
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                    .build();
        }
        return EntityResponses.json(entityJson.json(stored, revision, createdAt), revision, createdAt)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .build();
    }

    /** 308: the entity is a redirect; clients follow it to the target (method and body kept). */
    private static Response redirectTo(EntityId target, UriInfo uri) {
        URI location = EntityResponses.entityUri(uri, target);
        return Response.status(308)
                .location(location)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(EntityResponses.object().put("redirect", target.value()))
                .build();
    }
}
