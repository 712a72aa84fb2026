package org.entitybase.entity.restv1.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code Content-Language: en} on every answer of the v1 facade: Wikibase's document requires it on errors and on the
 * messages of removals, and our messages are English. A filter, so that errors raised before a route runs (unknown
 * route, bad media type) carry it too.
 */
@Provider
public class RestV1ContentLanguage implements ContainerResponseFilter {

    static final String ROOT = "w/rest.php/wikibase/v1";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/" + ROOT) || path.startsWith(ROOT)) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, "en");
        }
    }
}
