package org.entitybase.entity.restv1.rest;

import java.util.Map;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.fasterxml.jackson.databind.JsonNode;

import org.entitybase.entity.rest.EditRequests;
import org.entitybase.entity.service.EditContext;
import org.entitybase.runtime.rest.ApiException;

/**
 * The request headers of a v1 route, as one {@code @BeanParam}: Wikibase's conditional headers, and for writes our
 * {@code X-User-ID} (v1 clients do not send it: absent means the anonymous user 0, docs/DECISIONS.md).
 */
public class RestV1Headers {

    @HeaderParam(HttpHeaders.IF_NONE_MATCH)
    String ifNoneMatch;

    @HeaderParam(HttpHeaders.IF_MATCH)
    String ifMatch;

    @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE)
    String ifModifiedSince;

    @HeaderParam(HttpHeaders.IF_UNMODIFIED_SINCE)
    String ifUnmodifiedSince;

    @HeaderParam(EditRequests.USER_ID)
    String userId;

    @HeaderParam(EditRequests.AUTOCONFIRMED)
    @Parameter(hidden = true) // the gateway's, never a client's
    String autoconfirmed;

    /**
     * The context of an edit: the user, {@code comment} of the body as summary, and {@code If-Match} (a list of
     * tags in v1: the first names the expected revision; {@code *} none).
     */
    EditContext edit(JsonNode body) {
        JsonNode comment = body == null ? null : body.get("comment");
        if (comment != null && !comment.isTextual()) {
            throw new ApiException(400, "invalid-value", "comment must be a string", Map.of("path", "/comment"));
        }
        String expected = ifMatch == null ? null : ifMatch.split(",")[0].trim();
        return EditRequests.context(
                        userId == null ? "0" : userId, comment == null ? null : comment.textValue(), expected, null)
                .withAutoconfirmed(autoconfirmed);
    }

    /** The context of a create: no revision to expect. */
    EditContext creation(JsonNode body) {
        JsonNode comment = body.get("comment");
        return EditRequests.context(
                        userId == null ? "0" : userId,
                        comment != null && comment.isTextual() ? comment.textValue() : null,
                        null,
                        null)
                .withAutoconfirmed(autoconfirmed);
    }
}
