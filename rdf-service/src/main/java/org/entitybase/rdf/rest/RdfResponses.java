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
        if (rev != null) {
            return render(rdf.revision(target.id(), rev), target.format(), chosen, rev, ifNoneMatch);
        }
        return rdf.current(target.id()).flatMap(source -> {
            if (source.isRedirect()) {
                URI to = location.of(source.redirectTarget(), target.format(), flavor);
                return Uni.createFrom()
                        .item(Response.status(redirectStatus).location(to).build());
            }
            return render(Uni.createFrom().item(source), target.format(), chosen, null, ifNoneMatch);
        });
    }

    /** {@code /entities/{id}/revision/{rev}.ttl}. */
    Uni<Response> revision(String id, String file, String flavor, String ifNoneMatch) {
        EntityId entityId = RdfFormat.entityId(id);
        int dot = file.lastIndexOf('.');
        RdfFormat.File target = RdfFormat.file(entityId.value() + (dot < 0 ? "" : file.substring(dot)));
        Long rev = RdfFormat.revision(dot < 0 ? file : file.substring(0, dot));
        return render(rdf.revision(entityId, rev), target.format(), RdfFormat.flavor(flavor), rev, ifNoneMatch);
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
