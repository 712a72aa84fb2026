package org.entitybase.model.hash.wikibase;

import java.util.Optional;

import org.entitybase.model.snak.Snak;
import org.entitybase.model.statement.Reference;

/**
 * Explains why a hash stored in an old JSON snapshot differs from the current algorithm (HASHES.md §7). Used only
 * when checking old data; the write path always uses {@link SnakHasher} and {@link ReferenceHasher}.
 */
public final class LegacyHashVariants {
    /** A named reason why a stored hash is not the current one. */
    public enum Cause {
        /** 2017-03 to about 2021-10: property-valued ids serialized with class {@code …\Entity\PropertyId}. */
        LEGACY_PROPERTY_ID_CLASS,
        /** Before DataModel 7.0 (2017-03): numeric property ids, JSON entity-id payloads, verbatim timestamps. */
        PRE_2017_FORMAT,
        /** A hand-made fixture's placeholder of zeros ({@code 000…}), whatever its length. */
        PLACEHOLDER_HASH
    }

    private LegacyHashVariants() {}

    /** The snak hash under an older pre-image format. */
    public static String snakHash(Snak snak, SnakHashVariant variant) {
        return SnakHasher.hash(snak, variant);
    }

    /** The snak pre-image under an older format (for diagnostics). */
    public static byte[] snakPreImage(Snak snak, SnakHashVariant variant) {
        return SnakHasher.preImage(snak, variant);
    }

    /** The reference hash with every snak hashed under an older format (the join rule itself never changed). */
    public static String referenceHash(Reference reference, SnakHashVariant variant) {
        return ReferenceHasher.hash(reference, variant);
    }

    /** Why {@code storedHash} is not the current hash of {@code snak}; empty if no known variant produces it. */
    public static Optional<Cause> explainSnak(Snak snak, String storedHash) {
        if (isPlaceholder(storedHash)) {
            return Optional.of(Cause.PLACEHOLDER_HASH);
        }
        if (storedHash.equals(snakHash(snak, SnakHashVariant.LEGACY_PROPERTY_ID_CLASS))) {
            return Optional.of(Cause.LEGACY_PROPERTY_ID_CLASS);
        }
        if (storedHash.equals(snakHash(snak, SnakHashVariant.PRE_2017))) {
            return Optional.of(Cause.PRE_2017_FORMAT);
        }
        return Optional.empty();
    }

    /** Why {@code storedHash} is not the current hash of {@code reference}; empty if unexplained. */
    public static Optional<Cause> explainReference(Reference reference, String storedHash) {
        if (isPlaceholder(storedHash)) {
            return Optional.of(Cause.PLACEHOLDER_HASH);
        }
        if (storedHash.equals(referenceHash(reference, SnakHashVariant.LEGACY_PROPERTY_ID_CLASS))) {
            return Optional.of(Cause.LEGACY_PROPERTY_ID_CLASS);
        }
        if (storedHash.equals(referenceHash(reference, SnakHashVariant.PRE_2017))) {
            return Optional.of(Cause.PRE_2017_FORMAT);
        }
        return Optional.empty();
    }

    /** A run of zeros only: fixtures write {@code 0000…} (one has 41 of them) in place of a real hash. */
    public static boolean isPlaceholder(String hash) {
        if (hash == null || hash.isEmpty()) {
            return false;
        }
        for (int i = 0; i < hash.length(); i++) {
            if (hash.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
