package org.entitybase.model.entity;

/**
 * The page-level fields that Special:EntityData adds beside the entity ({@code pageid}, {@code ns}, {@code title},
 * {@code lastrevid}, {@code modified}). Each may be null; none takes part in hashes or content addresses.
 */
public record PageMetadata(Long pageId, Integer namespace, String title, Long lastRevisionId, String modified) {
    public static final PageMetadata NONE = new PageMetadata(null, null, null, null, null);

    public PageMetadata withRevision(long revisionId, String modified) {
        return new PageMetadata(pageId, namespace, title, revisionId, modified);
    }
}
