package org.entitybase.rdf.rest;

import java.util.Map;

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

import org.entitybase.runtime.rest.ApiException;
import org.entitybase.runtime.rest.EntityApiErrors;

/**
 * Wikidata's {@code Special:EntityData/{id}.ttl|.nt|.rdf} (entity-service has the {@code .json} form and the
 * content negotiation): the same documents as {@code /entities/{id}.ttl}, but a redirected entity answers 301 to
 * its target's Special:EntityData URL and a deleted one 404, as Wikidata does.
 */
@Path("/wiki")
public class EntityDataRdfResource {

    private static final String PAGE = "Special:EntityData";

    private final RdfResponses responses;

    EntityDataRdfResource(RdfResponses responses) {
        this.responses = responses;
    }

    /** The page is a parameter so that a percent-encoded colon matches too (as in entity-service's route). */
    @GET
    @Path("{page}/{file}")
    @Produces(MediaType.WILDCARD)
    public Uni<Response> entity(
            @PathParam("page") String page,
            @PathParam("file") String file,
            @QueryParam("revision") String revision,
            @QueryParam("flavor") String flavor,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context UriInfo uri) {
        if (!PAGE.equals(page)) {
            throw new ApiException(404, "not-found", "no page " + page + " here; only " + PAGE, Map.of("page", page));
        }
        return responses
                .entity(
                        file,
                        revision,
                        flavor,
                        ifNoneMatch,
                        RdfResponses.RedirectLocation.under(uri, "wiki/Special:EntityData"),
                        301)
                .onFailure()
                .transform(EntityApiErrors::deletedAsMissing);
    }
}
