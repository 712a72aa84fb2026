package org.entitybase.entity.service;

/**
 * Who edits and against what. {@code expectedRevision} comes from {@code If-Match} (mismatch: 412
 * {@code precondition-failed}) or {@code X-Base-Revision-ID} (mismatch: 409 {@code edit-conflict}); null = edit
 * the current head. {@code massEdit} marks batch/import writes (refused on mass_edit_protected entities).
 * {@code idempotency} (null without an {@code Idempotency-Key}) is the answer the commit stores under the key.
 */
public record EditContext(
        long userId,
        String summary,
        Long expectedRevision,
        ExpectationSource expectationSource,
        boolean massEdit,
        IdempotentRequest idempotency) {

    public enum ExpectationSource {
        NONE,
        IF_MATCH,
        BASE_REVISION
    }

    public EditContext(
            long userId, String summary, Long expectedRevision, ExpectationSource expectationSource, boolean massEdit) {
        this(userId, summary, expectedRevision, expectationSource, massEdit, null);
    }

    public static EditContext of(long userId, String summary) {
        return new EditContext(userId, summary, null, ExpectationSource.NONE, false);
    }

    /** This context for a batch or import write. */
    public EditContext asMassEdit() {
        return new EditContext(userId, summary, expectedRevision, expectationSource, true, idempotency);
    }

    /** This context with the request's {@code Idempotency-Key}. */
    public EditContext withIdempotency(IdempotentRequest request) {
        return new EditContext(userId, summary, expectedRevision, expectationSource, massEdit, request);
    }
}
