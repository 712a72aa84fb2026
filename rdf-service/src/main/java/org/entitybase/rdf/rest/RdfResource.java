package org.entitybase.rdf.rest;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

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

import org.eclipse.rdf4j.rio.RDFWriter;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import org.entitybase.model.id.EntityId;
import org.entitybase.rdf.mapping.Flavor;
import org.entitybase.rdf.mapping.RdfWriterSettings;
import org.entitybase.rdf.service.EntityRdfService;
import org.entitybase.rdf.service.EntityRdfService.Source;

/**
 * Special:EntityData's RDF: {@code GET /entities/{id}.ttl|.nt|.rdf} (now, or {@code ?revision=}) and {@code GET
 * /entities/{id}/revision/{rev}.ttl|…}, {@code ?flavor=dump} for what a dump holds; {@code ETag} is the revision id.
 * A redirected entity answers 308 to its target's RDF; a redirect revision asked for by id is written as the
 * redirect ({@code owl:sameAs}). A form or sense id ({@code L42-F1.ttl}) gives that part of its lexeme's revision
 * (Special:EntityData/L42-F1.ttl), 404 when the revision has no such part. The internal reconcile trigger is {@link
 * RdfReconcileResource}.
 */
@Path("/entities")
public class RdfResource {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final EntityRdfService rdf;

    RdfResource(EntityRdfService rdf) {
        this.rdf = rdf;
    }

    @GET
    @Path("{file}")
    @Produces(MediaType.WILDCARD)
    public Uni<Response> entity(
            @PathParam("file") String file,
            @QueryParam("revision") String revision,
            @QueryParam("flavor") String flavor,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context UriInfo uri) {
        RdfFormat.File target = RdfFormat.file(file);
        Flavor chosen = RdfFormat.flavor(flavor);
        Long rev = RdfFormat.revision(revision);
        EntityId part = target.id().isLexemePart() ? target.id() : null;
        EntityId whole = target.id().container();
        if (rev != null) {
            return part == null
                    ? render(rdf.revision(whole, rev), target.format(), chosen, rev, ifNoneMatch)
                    : renderPart(rdf.revision(whole, rev), part, target.format(), flavor, rev, ifNoneMatch, uri);
        }
        return rdf.current(whole).flatMap(source -> {
            if (source.isRedirect()) {
                EntityId to = part == null
                        ? source.redirectTarget()
                        : source.asPart(part).redirectedPart();
                return Uni.createFrom().item(redirect(location(uri, to, target.format(), flavor)));
            }
            return render(
                    Uni.createFrom().item(part == null ? source : source.asPart(part)),
                    target.format(),
                    chosen,
                    null,
                    ifNoneMatch);
        });
    }

    @GET
    @Path("{id}/revision/{file}")
    @Produces(MediaType.WILDCARD)
    public Uni<Response> revision(
            @PathParam("id") String id,
            @PathParam("file") String file,
            @QueryParam("flavor") String flavor,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context UriInfo uri) {
        EntityId entityId = RdfFormat.entityId(id);
        int dot = file.lastIndexOf('.');
        RdfFormat.File target = RdfFormat.file(entityId.value() + (dot < 0 ? "" : file.substring(dot)));
        Long rev = RdfFormat.revision(dot < 0 ? file : file.substring(0, dot));
        if (entityId.isLexemePart()) {
            return renderPart(
                    rdf.revision(entityId.container(), rev), entityId, target.format(), flavor, rev, ifNoneMatch, uri);
        }
        return render(rdf.revision(entityId, rev), target.format(), RdfFormat.flavor(flavor), rev, ifNoneMatch);
    }

    /**
     * A form or sense in a revision of its lexeme; when that revision is a redirect, 308 to the same part of the
     * target (as entity-service's JSON of a part does: a redirect has no parts to write).
     */
    private Uni<Response> renderPart(
            Uni<Source> lexeme,
            EntityId part,
            RdfFormat format,
            String flavor,
            Long revision,
            String ifNoneMatch,
            UriInfo uri) {
        Flavor chosen = RdfFormat.flavor(flavor);
        return lexeme.flatMap(source -> {
            Source asPart = source.asPart(part);
            if (asPart.isRedirect()) {
                return Uni.createFrom().item(redirect(location(uri, asPart.redirectedPart(), format, flavor)));
            }
            return render(Uni.createFrom().item(asPart), format, chosen, revision, ifNoneMatch);
        });
    }

    private static URI location(UriInfo uri, EntityId to, RdfFormat format, String flavor) {
        UriBuilder location = uri.getBaseUriBuilder().path("entities").path(to.value() + "." + format.extension);
        if (flavor != null) {
            location.queryParam("flavor", flavor);
        }
        return location.build();
    }

    /**
     * Fetches, prefetches what the document mentions, and writes it on a worker thread (the mapping is CPU work)
     * into the response body. {@code revision}: the revision asked for, when it was.
     */
    private Uni<Response> render(
            Uni<Source> source, RdfFormat format, Flavor flavor, Long revision, String ifNoneMatch) {
        return source.emitOn(Infrastructure.getDefaultWorkerPool()).flatMap(s -> {
            Long rev = s.revisionId() != null ? s.revisionId() : revision;
            if (rev != null && matches(ifNoneMatch, rev)) {
                return Uni.createFrom()
                        .item(Response.notModified().tag(etag(rev)).build());
            }
            return rdf.prepare(s, flavor)
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .map(prepared -> {
                        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
                        RDFWriter writer = RdfWriterSettings.createWriter(format.format, out);
                        prepared.write(writer);
                        Response.ResponseBuilder response =
                                Response.ok(out.toByteArray()).header(HttpHeaders.CONTENT_TYPE, format.contentType);
                        if (rev != null) {
                            response.header(HttpHeaders.ETAG, "\"" + rev + "\"");
                        }
                        String modified =
                                s.entity() == null ? null : s.entity().page().modified();
                        String lastModified = modified == null ? null : httpDate(modified);
                        if (lastModified != null) {
                            response.header(HttpHeaders.LAST_MODIFIED, lastModified);
                        }
                        return response.build();
                    });
        });
    }

    private static Response redirect(URI location) {
        return Response.status(308).location(location).build();
    }

    private static jakarta.ws.rs.core.EntityTag etag(long revision) {
        return new jakarta.ws.rs.core.EntityTag(Long.toString(revision));
    }

    /** Does an {@code If-None-Match} list name this revision (or {@code *})? */
    static boolean matches(String ifNoneMatch, long revision) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.replace("\"", "").equals(Long.toString(revision))) {
                return true;
            }
        }
        return false;
    }

    private static String httpDate(String modified) {
        try {
            return HTTP_DATE.format(Instant.parse(modified));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
