package org.entitybase.model.content;

import java.util.Locale;

import org.entitybase.model.hash.content.ContentAddress;

/** The kinds of content object an entity revision is split into (STORAGE.md); each names an S3 key prefix. */
public enum ContentKind {
    SNAK,
    REFERENCE,
    QUALIFIERS,
    STATEMENT,
    TERM,
    SITELINK,
    FORM,
    SENSE,
    REVISION;

    private final String keyName = name().toLowerCase(Locale.ROOT);

    /** The lowercase name used in keys and in {@link ContentAddress#kind()}. */
    public String keyName() {
        return keyName;
    }

    /** The address of canonical bytes of this kind. */
    public ContentAddress address(byte[] canonicalBytes) {
        return ContentAddress.of(keyName, canonicalBytes);
    }

    /** The address of this kind with the given SHA-256 hex (as composite objects store child addresses). */
    public ContentAddress address(String sha256) {
        return new ContentAddress(keyName, sha256);
    }

    public static ContentKind of(ContentAddress address) {
        for (ContentKind k : values()) {
            if (k.keyName.equals(address.kind())) {
                return k;
            }
        }
        throw new IllegalArgumentException("not an entity content kind: " + address.kind());
    }
}
