package org.entitybase.entity.rest;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import org.entitybase.entity.service.EditContext;

/**
 * The edit headers of API.md ("Edit requests"), taken by every write route as one {@code @BeanParam}: who edits
 * ({@code X-User-ID}), why ({@code X-Edit-Summary}) and against which revision ({@code If-Match} → 412,
 * {@code X-Base-Revision-ID} → 409), and the {@code Idempotency-Key} of a POST that creates.
 */
public class EditHeaders {

    @HeaderParam(EditRequests.USER_ID)
    String userId;

    @HeaderParam(EditRequests.EDIT_SUMMARY)
    String summary;

    @HeaderParam(HttpHeaders.IF_MATCH)
    String ifMatch;

    @HeaderParam(EditRequests.BASE_REVISION)
    String baseRevision;

    @HeaderParam(EditRequests.AUTOCONFIRMED)
    @Parameter(hidden = true) // the gateway's, never a client's
    String autoconfirmed;

    @HeaderParam(IdempotentWrites.HEADER)
    @Parameter(
            description = "POSTs that create (entities, import, statements, redirects): a retry with the same key and"
                    + " request gets the first answer (with Idempotent-Replayed: true) for 24 h; the same key with"
                    + " another request is 422 idempotency-key-reused. Scoped per X-User-ID; 1-255 visible ASCII.")
    String idempotencyKey;

    /** The request's {@code Idempotency-Key}, or null (see {@link IdempotentWrites}). */
    String idempotencyKey() {
        return idempotencyKey;
    }

    /** The checked context of an edit of an existing entity (400 for a bad header). */
    EditContext context() {
        return EditRequests.context(userId, summary, ifMatch, baseRevision).withAutoconfirmed(autoconfirmed);
    }

    /** The context of a write that creates (or imports) an entity: there is no revision to expect. */
    EditContext creation() {
        return EditRequests.context(userId, summary, null, null).withAutoconfirmed(autoconfirmed);
    }
}
