package org.entitybase.entity.service;

/**
 * Who edits and against what. {@code expectedRevision} comes from {@code If-Match} (mismatch: 412
 * {@code precondition-failed}) or {@code X-Base-Revision-ID} (mismatch: 409 {@code edit-conflict}); null = edit
 * the current head. {@code massEdit} marks batch/import writes (refused on mass_edit_protected entities).
 */
public record EditContext(
        long userId, String summary, Long expectedRevision, ExpectationSource expectationSource, boolean massEdit) {

    public enum ExpectationSource {
        NONE,
        IF_MATCH,
        BASE_REVISION
    }

    public static EditContext of(long userId, String summary) {
        return new EditContext(userId, summary, null, ExpectationSource.NONE, false);
    }
}
