package org.entitybase.entity.rest;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.rest.EntityDocuments.Found;
import org.entitybase.entity.rest.EntityDocuments.Redirected;
import org.entitybase.model.id.EntityId;
import org.entitybase.runtime.rest.ApiException;
import org.entitybase.runtime.rest.EntityApiErrors;

/**
 * Wikidata's {@code Special:EntityData/{id}.json} (and {@code L42-F1.json}): the entity in the {@code {"entities":
 * {id: …}}} envelope, now or at {@code ?revision=}. Without a suffix, a 303 to the suffixed URL the {@code Accept}
 * header prefers (JSON by default, as we have no HTML page), keeping {@code revision} and {@code flavor}. A redirect
 * answers 301 to its target's data URL; a missing or deleted entity 404, as on Wikidata. The {@code .ttl}, {@code
 * .nt} and {@code .rdf} forms are rdf-service's (the gateway routes them there). See docs/DECISIONS.md.
 */
@Path("/wiki")
public class EntityDataResource {

    static final String PATH = "/wiki/Special:EntityData";
    private static final String PAGE = "Special:EntityData";

    private static final Set<String> RDF_SUFFIXES = Set.of("ttl", "nt", "rdf");
    private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8");

    private final EntityDocuments documents;

    EntityDataResource(EntityDocuments documents) {
        this.documents = documents;
    }

    /**
     * The page is a path parameter, not a literal of the template: a client may send the colon percent-encoded
     * ({@code Special%3AEntityData}), which a literal would not match.
     */
    @GET
    @Path("{page}/{file}")
    @Produces(MediaType.WILDCARD) // any Accept reaches the negotiation
    public Uni<Response> get(
            @PathParam("page") String page,
            @PathParam("file") String file,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @QueryParam("revision") String revision,
            @QueryParam("flavor") String flavor,
            @Context UriInfo uri) {
        if (!PAGE.equals(page)) {
            throw new ApiException(404, "not-found", "no page " + page + " here; only " + PAGE, Map.of("page", page));
        }
        int dot = file.lastIndexOf('.');
        EntityId id = EditRequests.entityOrLexemePart(dot < 0 ? file : file.substring(0, dot));
        Long revisionId = revision == null ? null : EditRequests.positive(revision, "revision");
        if (dot < 0) {
            String rdf = RdfNegotiation.rdfExtension(accept);
            URI location = dataUri(uri, id, rdf == null ? "json" : rdf, revision, flavor);
            return Uni.createFrom().item(Response.seeOther(location).build());
        }
        String suffix = file.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!suffix.equals("json")) {
            throw unsupported(suffix);
        }
        return documents
                .load(id, revisionId)
                .onFailure()
                .transform(EntityApiErrors::deletedAsMissing)
                .map(document -> {
                    if (document instanceof Redirected r) {
                        // Wikidata resolves the redirect to the target's current data URL
                        return Response.status(301)
                                .location(dataUri(uri, r.target(), "json", null, flavor))
                                .build();
                    }
                    return found(id, (Found) document, revisionId == null ? ifNoneMatch : null);
                });
    }

    private static Response found(EntityId id, Found found, String ifNoneMatch) {
        if (ifNoneMatch != null && EditRequests.matchesAny(ifNoneMatch, found.revisionId())) {
            return Response.notModified()
                    .header(HttpHeaders.ETAG, EditRequests.etagOf(found.revisionId()))
                    .build();
        }
        return EntityResponses.json(envelope(id, found.json()), found.revisionId(), found.createdAt())
                .type(JSON_UTF8)
                .build();
    }

    /** {@code {"entities":{"Q42":<json>}}} around the stored bytes, without parsing them. */
    static byte[] envelope(EntityId id, byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 32);
        out.writeBytes(("{\"entities\":{\"" + id.value() + "\":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(json);
        out.writeBytes("}}".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static ApiException unsupported(String suffix) {
        String message = RDF_SUFFIXES.contains(suffix)
                ? "." + suffix + " is served by rdf-service (the gateway routes it there)"
                : "unsupported format ." + suffix + "; supported: .json, .ttl, .nt, .rdf";
        return new ApiException(
                RDF_SUFFIXES.contains(suffix) ? 404 : 415, "unsupported-format", message, Map.of("format", suffix));
    }

    private static URI dataUri(UriInfo uri, EntityId id, String suffix, String revision, String flavor) {
        UriBuilder location = uri.getBaseUriBuilder().path(PATH).path(id.value() + "." + suffix);
        if (revision != null) {
            location.queryParam("revision", revision);
        }
        if (flavor != null) {
            location.queryParam("flavor", flavor);
        }
        return location.build();
    }
}
