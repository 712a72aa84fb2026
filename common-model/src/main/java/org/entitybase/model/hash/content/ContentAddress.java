package org.entitybase.model.hash.content;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The address of an immutable content object (STORAGE.md): SHA-256 (lowercase hex) of its canonical JSON bytes
 * (RFC 8785), together with the object's kind. The kind is a plain lowercase name ({@code snak}, {@code statement},
 * …) so that this package stays independent of the entity model's split; {@code content.ContentKind} supplies them.
 *
 * @param kind the S3 key prefix of the object's kind
 * @param sha256 64 lowercase hex digits
 */
public record ContentAddress(String kind, String sha256) {
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(ContentAddress::sha256Digest);

    public ContentAddress {
        if (kind == null || kind.isEmpty() || !allIn(kind, 'a', 'z', 'a', 'z')) {
            throw new IllegalArgumentException("content kind must be lowercase letters: " + kind);
        }
        if (sha256 == null || sha256.length() != 64 || !allIn(sha256, '0', '9', 'a', 'f')) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256: " + sha256);
        }
    }

    /** The address of {@code canonicalBytes} (the caller has canonicalized them, see {@link JsonCanonicalizer}). */
    public static ContentAddress of(String kind, byte[] canonicalBytes) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return new ContentAddress(kind, HEX.formatHex(digest.digest(canonicalBytes)));
    }

    /** {@code <kind>/<first 2 hex>/<hash>}: hash-prefixed, so no S3 prefix is hot. */
    public String s3Key() {
        return kind + '/' + sha256.substring(0, 2) + '/' + sha256;
    }

    /** The inverse of {@link #s3Key()}. */
    public static ContentAddress fromS3Key(String key) {
        int first = key.indexOf('/');
        int second = key.indexOf('/', first + 1);
        if (first < 0 || second != first + 3 || !key.regionMatches(first + 1, key, second + 1, 2)) {
            throw new IllegalArgumentException("not a content object key: " + key);
        }
        return new ContentAddress(key.substring(0, first), key.substring(second + 1));
    }

    @Override
    public String toString() {
        return kind + ':' + sha256;
    }

    /** Every char in {@code [lo1-hi1]} or {@code [lo2-hi2]}; a plain loop, as addresses are built per object. */
    private static boolean allIn(String s, char lo1, char hi1, char lo2, char hi2) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < lo1 || c > hi1) && (c < lo2 || c > hi2)) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
