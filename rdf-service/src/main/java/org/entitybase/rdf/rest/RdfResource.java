package org.entitybase.rdf.rest;

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
import jakarta.ws.rs.core.UriInfo;

import io.smallrye.mutiny.Uni;

/**
 * Special:EntityData's RDF: {@code GET /entities/{id}.ttl|.nt|.rdf} (now, or {@code ?revision=}) and {@code GET
 * /entities/{id}/revision/{rev}.ttl|…}, {@code ?flavor=dump} for what a dump holds; {@code ETag} is the revision id.
 * A redirected entity answers 308 to its target's RDF; a redirect revision asked for by id is written as the
 * redirect ({@code owl:sameAs}). A form or sense id ({@code L42-F1.ttl}) gives that part of its lexeme's revision
 * (Special:EntityData/L42-F1.ttl), 404 when the revision has no such part. The internal reconcile trigger is {@link
 * RdfReconcileResource}; Wikidata's own {@code Special:EntityData} URLs are {@link EntityDataRdfResource}.
 */
@Path("/entities")
public class RdfResource {

    private final RdfResponses responses;

    RdfResource(RdfResponses responses) {
        this.responses = responses;
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
        return responses.entity(
                file, revision, flavor, ifNoneMatch, RdfResponses.RedirectLocation.under(uri, "entities"), 308);
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
        return responses.revision(
                id, file, flavor, ifNoneMatch, RdfResponses.RedirectLocation.under(uri, "entities"), 308);
    }
}
