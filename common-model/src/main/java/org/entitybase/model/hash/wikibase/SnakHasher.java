package org.entitybase.model.hash.wikibase;

import org.entitybase.model.snak.Snak;

/**
 * The Wikibase snak hash: lowercase hex SHA-1 of the PHP-serialize pre-image (HASHES.md §2–§3), the {@code hash} of
 * main snaks, qualifier snaks and reference snaks. The snak's {@code datatype} and stored {@code hash} play no part.
 * Thread-safe; each thread reuses one buffer and digest.
 */
public final class SnakHasher {
    private SnakHasher() {}

    /** The 40-character hash of {@code snak}. */
    public static String hash(Snak snak) {
        return hash(snak, SnakHashVariant.CURRENT);
    }

    /** The exact pre-image bytes (for tests and diagnostics). */
    public static byte[] preImage(Snak snak) {
        return preImage(snak, SnakHashVariant.CURRENT);
    }

    static String hash(Snak snak, SnakHashVariant variant) {
        HashScratch scratch = HashScratch.get();
        PreImageWriter.writeSnak(scratch.start(), snak, variant);
        return scratch.sha1Hex();
    }

    static byte[] preImage(Snak snak, SnakHashVariant variant) {
        HashScratch scratch = HashScratch.get();
        PreImageWriter.writeSnak(scratch.start(), snak, variant);
        return scratch.buffer.toByteArray();
    }
}
