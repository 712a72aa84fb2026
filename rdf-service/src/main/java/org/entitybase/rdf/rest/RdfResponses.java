package org.entitybase.rdf.rest;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
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
 * The RDF answers of {@link RdfResource} and {@link EntityDataRdfResource}: an entity now or at a revision, in a
 * format and flavor, with {@code ETag}/{@code Last-Modified} and {@code If-None-Match}; where a redirected entity
 * sends the client is the caller's.
 */
@ApplicationScoped
class RdfResponses {

    /** Where a redirected entity's RDF is: the target's URL for the format (flavor kept). */
    @FunctionalInterface
    interface RedirectLocation {
        URI of(EntityId target, RdfFormat format, String flavor);

        /** {@code <base>/<path>/<target>.<ext>}, with {@code ?flavor=} when one was asked for. */
        static RedirectLocation under(UriInfo uri, String path) {
            return (target, format, flavor) -> {
                UriBuilder location = uri.getBaseUriBuilder().path(path).path(target.value() + "." + format.extension);
                if (flavor != null) {
                    location.queryParam("flavor", flavor);
                }
                return location.build();
            };
        }
    }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final EntityRdfService rdf;

    RdfResponses(EntityRdfService rdf) {
        this.rdf = rdf;
    }

    /**
     * {@code Q42.ttl} now (or at {@code revision}); a redirected entity answers {@code redirectStatus} to {@code
     * location}.
     */
    Uni<Response> entity(
            String file,
            String revision,
            String flavor,
            String ifNoneMatch,
            RedirectLocation location,
            int redirectStatus) {
        RdfFormat.File target = RdfFormat.file(file);
        Flavor chosen = RdfFormat.flavor(flavor);
        Long rev = RdfFormat.revision(revision);
        EntityId part = target.id().isLexemePart() ? target.id() : null;
        EntityId whole = target.id().container();
        if (rev != null) {
            return part == null
                    ? render(rdf.revision(whole, rev), target.format(), chosen, rev, ifNoneMatch)
                    : renderPart(
                            rdf.revision(whole, rev),
                            part,
                            target.format(),
                            flavor,
                            rev,
                            ifNoneMatch,
                            location,
                            redirectStatus);
        }
        return rdf.current(whole).flatMap(source -> {
            if (source.isRedirect()) {
                EntityId to = part == null
                        ? source.redirectTarget()
                        : source.asPart(part).redirectedPart();
                return redirect(redirectStatus, location.of(to, target.format(), flavor));
            }
            return render(
                    Uni.createFrom().item(part == null ? source : source.asPart(part)),
                    target.format(),
                    chosen,
                    null,
                    ifNoneMatch);
        });
    }

    /** {@code /entities/{id}/revision/{rev}.ttl}; a part of a redirect revision answers {@code redirectStatus}. */
    Uni<Response> revision(
            String id, String file, String flavor, String ifNoneMatch, RedirectLocation location, int redirectStatus) {
        EntityId entityId = RdfFormat.entityId(id);
        int dot = file.lastIndexOf('.');
        RdfFormat.File target = RdfFormat.file(entityId.value() + (dot < 0 ? "" : file.substring(dot)));
        Long rev = RdfFormat.revision(dot < 0 ? file : file.substring(0, dot));
        if (entityId.isLexemePart()) {
            return renderPart(
                    rdf.revision(entityId.container(), rev),
                    entityId,
                    target.format(),
                    flavor,
                    rev,
                    ifNoneMatch,
                    location,
                    redirectStatus);
        }
        return render(rdf.revision(entityId, rev), target.format(), RdfFormat.flavor(flavor), rev, ifNoneMatch);
    }

    /**
     * A form or sense in a revision of its lexeme; when that revision is a redirect, {@code redirectStatus} to the same
     * part of the target (as entity-service's JSON of a part does: a redirect has no parts to write).
     */
    private Uni<Response> renderPart(
            Uni<Source> lexeme,
            EntityId part,
            RdfFormat format,
            String flavor,
            Long revision,
            String ifNoneMatch,
            RedirectLocation location,
            int redirectStatus) {
        Flavor chosen = RdfFormat.flavor(flavor);
        return lexeme.flatMap(source -> {
            Source asPart = source.asPart(part);
            if (asPart.isRedirect()) {
                return redirect(redirectStatus, location.of(asPart.redirectedPart(), format, flavor));
            }
            return render(Uni.createFrom().item(asPart), format, chosen, revision, ifNoneMatch);
        });
    }

    /**
     * Fetches, prefetches what the document mentions, and writes it on a worker thread (the mapping is CPU work)
     * into the response body. {@code revision}: the revision asked for, when it was.
     */
    Uni<Response> render(Uni<Source> source, RdfFormat format, Flavor flavor, Long revision, String ifNoneMatch) {
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

    private static Uni<Response> redirect(int status, URI to) {
        return Uni.createFrom().item(Response.status(status).location(to).build());
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
