package org.entitybase.entity.service;

/**
 * Who edits and against what. {@code expectedRevision} comes from {@code If-Match} (mismatch: 412
 * {@code precondition-failed}) or {@code X-Base-Revision-ID} (mismatch: 409 {@code edit-conflict}); null = edit
 * the current head. {@code massEdit} marks batch/import writes (refused on mass_edit_protected entities).
 * {@code idempotency} (null without an {@code Idempotency-Key}) is the answer the commit stores under the key.
 * {@code notAutoconfirmed}: the gateway said the signed-in user is too new for semi-protected entities
 * ({@code X-User-Autoconfirmed: false}; absent = unknown, as with authentication off: only anonymous users are refused).
 */
public record EditContext(
        long userId,
        String summary,
        Long expectedRevision,
        ExpectationSource expectationSource,
        boolean massEdit,
        IdempotentRequest idempotency,
        boolean notAutoconfirmed) {

    public enum ExpectationSource {
        NONE,
        IF_MATCH,
        BASE_REVISION
    }

    public EditContext(
            long userId, String summary, Long expectedRevision, ExpectationSource expectationSource, boolean massEdit) {
        this(userId, summary, expectedRevision, expectationSource, massEdit, null, false);
    }

    public static EditContext of(long userId, String summary) {
        return new EditContext(userId, summary, null, ExpectationSource.NONE, false);
    }

    /** This context for a batch or import write. */
    public EditContext asMassEdit() {
        return new EditContext(
                userId, summary, expectedRevision, expectationSource, true, idempotency, notAutoconfirmed);
    }

    /** This context with the request's {@code Idempotency-Key}. */
    public EditContext withIdempotency(IdempotentRequest request) {
        return new EditContext(
                userId, summary, expectedRevision, expectationSource, massEdit, request, notAutoconfirmed);
    }

    /** This context for a user the gateway called too new for semi-protected entities when {@code header} is "false". */
    public EditContext withAutoconfirmed(String header) {
        return new EditContext(
                userId,
                summary,
                expectedRevision,
                expectationSource,
                massEdit,
                idempotency,
                "false".equalsIgnoreCase(header == null ? null : header.strip()));
    }
}
