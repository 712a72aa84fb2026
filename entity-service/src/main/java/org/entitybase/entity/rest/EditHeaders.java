package org.entitybase.entity.rest;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;

import org.entitybase.entity.service.EditContext;

/**
 * The edit headers of API.md ("Edit requests"), taken by every write route as one {@code @BeanParam}: who edits
 * ({@code X-User-ID}), why ({@code X-Edit-Summary}) and against which revision ({@code If-Match} → 412,
 * {@code X-Base-Revision-ID} → 409).
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

    /** The checked context of an edit of an existing entity (400 for a bad header). */
    EditContext context() {
        return EditRequests.context(userId, summary, ifMatch, baseRevision);
    }

    /** The context of a write that creates (or imports) an entity: there is no revision to expect. */
    EditContext creation() {
        return EditRequests.context(userId, summary, null, null);
    }
}
