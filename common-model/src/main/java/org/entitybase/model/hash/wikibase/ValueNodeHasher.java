package org.entitybase.model.hash.wikibase;

import org.entitybase.model.json.PhpNumbers;
import org.entitybase.model.value.DataValue;
import org.entitybase.model.value.GlobeCoordinateValue;
import org.entitybase.model.value.QuantityValue;
import org.entitybase.model.value.TimeValue;

/**
 * Local names of RDF full-value nodes {@code wdv:<md5>} (HASHES.md §5.1): MD5 of the data-value pre-image for time
 * and quantity, and MD5 of {@code lat|lon|precision|globe} with PHP's 14-digit double strings for globe coordinates.
 * The same rule names normalized quantity nodes when given the converted value (§5.2).
 */
public final class ValueNodeHasher {
    private ValueNodeHasher() {}

    /** The wdv local name of a time, quantity or globecoordinate value; other value types have no value node. */
    public static String hash(DataValue value) {
        if (value instanceof GlobeCoordinateValue g) {
            return globeCoordinateHash(g);
        }
        if (!(value instanceof TimeValue) && !(value instanceof QuantityValue)) {
            throw new IllegalArgumentException("only time, quantity and globecoordinate have wdv nodes: " + value);
        }
        HashScratch scratch = HashScratch.get();
        PreImageWriter.writeDataValue(scratch.start(), value, SnakHashVariant.CURRENT);
        return scratch.md5Hex();
    }

    /** Whether {@link #hash} applies (the value types that get a {@code psv:}/{@code pqv:}/{@code prv:} node). */
    public static boolean hasValueNode(DataValue value) {
        return value instanceof TimeValue || value instanceof QuantityValue || value instanceof GlobeCoordinateValue;
    }

    /** The data-value pre-image ({@code DV} of HASHES.md §3) that time and quantity node names hash. */
    public static byte[] dataValuePreImage(DataValue value) {
        HashScratch scratch = HashScratch.get();
        PreImageWriter.writeDataValue(scratch.start(), value, SnakHashVariant.CURRENT);
        return scratch.buffer.toByteArray();
    }

    /** {@code lat|lon|precision|globe}: 14-digit PHP strings, empty precision when null, the globe URI unescaped. */
    public static String globeCoordinatePreImage(GlobeCoordinateValue g) {
        StringBuilder sb = new StringBuilder(96);
        sb.append(PhpNumbers.phpString14(g.latitude())).append('|');
        sb.append(PhpNumbers.phpString14(g.longitude())).append('|');
        if (g.precision() != null) {
            sb.append(PhpNumbers.phpString14(g.precision()));
        }
        sb.append('|').append(g.globe() == null ? GlobeCoordinateValue.EARTH : g.globe());
        return sb.toString();
    }

    private static String globeCoordinateHash(GlobeCoordinateValue g) {
        HashScratch scratch = HashScratch.get();
        scratch.start().utf8(globeCoordinatePreImage(g));
        return scratch.md5Hex();
    }
}
