package org.entitybase.model.hash.wikibase;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Per-thread working state of the Wikibase hashers: one pre-image buffer and one SHA-1 and MD5 digest, reused for
 * every hash a thread computes (hashing runs for every snak of every write, so nothing here is allocated per call
 * except the resulting hex String).
 */
final class HashScratch {
    private static final ThreadLocal<HashScratch> CURRENT = ThreadLocal.withInitial(HashScratch::new);
    private static final HexFormat HEX = HexFormat.of();

    final PhpSerialBuffer buffer = new PhpSerialBuffer();
    private final MessageDigest sha1 = digest("SHA-1");
    private final MessageDigest md5 = digest("MD5");

    static HashScratch get() {
        return CURRENT.get();
    }

    /** A fresh buffer for a new pre-image. */
    PhpSerialBuffer start() {
        buffer.reset();
        return buffer;
    }

    String sha1Hex() {
        sha1.reset();
        return HEX.formatHex(buffer.digest(sha1));
    }

    String md5Hex() {
        md5.reset();
        return HEX.formatHex(buffer.digest(md5));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }
}
