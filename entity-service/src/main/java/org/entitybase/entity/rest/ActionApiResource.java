package org.entitybase.entity.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.runtime.rest.ApiException;

/**
 * A read subset of MediaWiki's action API, {@code /w/api.php}: {@code action=wbgetentities}, {@code
 * action=wbgetclaims} and {@code action=wbsearchentities} with {@code format=json}, by GET or by a form POST (parameters from both, as MediaWiki reads
 * them). Errors are MediaWiki's {@code {"error": {"code", "info", "*"}}} with a {@code MediaWiki-API-Error} header, on
 * a 4xx status (see {@link ActionApiError}).
 */
@Path(ActionApiResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class ActionApiResource {

    static final String PATH = "/w/api.php";

    private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8");

    private final WbGetEntities getEntities;
    private final WbGetClaims getClaims;
    private final WbSearchEntities searchEntities;

    ActionApiResource(WbGetEntities getEntities, WbGetClaims getClaims, WbSearchEntities searchEntities) {
        this.getEntities = getEntities;
        this.getClaims = getClaims;
        this.searchEntities = searchEntities;
    }

    @GET
    public Uni<Response> get(@Context UriInfo uri) {
        return run(params(uri.getQueryParameters(), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> post(MultivaluedMap<String, String> form, @Context UriInfo uri) {
        return run(params(uri.getQueryParameters(), form));
    }

    private Uni<Response> run(ActionApiParams params) {
        // MediaWiki's default is jsonfm (JSON in an HTML page); we only speak JSON
        params.oneOf("format", Set.of("json", "jsonfm"), "json");
        boolean formatVersion2 = params.formatVersion2();
        String action = params.get("action");
        if (action == null) {
            throw new ActionApiError("missingparam", "The \"action\" parameter must be set.");
        }
        Uni<byte[]> body = switch (action) {
            case WbGetEntities.ACTION -> getEntities.run(params, formatVersion2);
            case WbGetClaims.ACTION -> getClaims.run(params);
            case WbSearchEntities.ACTION -> searchEntities.run(params);
            default -> throw ActionApiError.badValue("action", action);
        };
        return body.map(bytes -> Response.ok(bytes, JSON_UTF8).build());
    }

    /** The first value of each parameter; the form's win over the query string's. */
    private static ActionApiParams params(MultivaluedMap<String, String> query, MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (MultivaluedMap<String, String> source : form == null ? List.of(query) : List.of(query, form)) {
            source.forEach((name, list) -> {
                if (!list.isEmpty()) {
                    values.put(name, list.get(0));
                }
            });
        }
        return new ActionApiParams(values);
    }

    @ServerExceptionMapper
    public Response actionApiError(ActionApiError e) {
        return error(e.status(), e.code(), e.getMessage(), e.extra());
    }

    /** Our own API errors met on the way (a bad revision, storage unavailable) in MediaWiki's shape, status kept. */
    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return error(e.status(), e.code(), e.getMessage(), Map.of());
    }

    private static Response error(int status, String code, String info, Map<String, String> extra) {
        ObjectNode body = EntityResponses.object();
        ObjectNode error = body.putObject("error");
        error.put("code", code).put("info", info);
        extra.forEach(error::put);
        error.put(
                "*",
                "See " + PATH
                        + " for API usage; this service implements wbgetentities, wbgetclaims and wbsearchentities.");
        body.put("servedby", "entity-service");
        return Response.status(status)
                .type(JSON_UTF8)
                .header("MediaWiki-API-Error", code)
                .entity(SubResources.bytes(body))
                .build();
    }
}
