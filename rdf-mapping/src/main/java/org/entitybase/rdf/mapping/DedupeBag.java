package org.entitybase.rdf.mapping;

/**
 * Remembers which value nodes, reference nodes and site groups were written, so each is described once per document
 * (Wikibase's {@code HashDedupeBag}). Bounded: a direct-mapped table that forgets on collision, so a dump of any size
 * runs in fixed memory; forgetting only means a node is described twice, which RDF readers merge.
 */
final class DedupeBag {
    private final String[] slots;
    private final char[] kinds;
    private final int mask;

    /** A bag of 2^{@code bits} slots. */
    DedupeBag(int bits) {
        if (bits < 4 || bits > 24) {
            throw new IllegalArgumentException("bits must be 4..24: " + bits);
        }
        slots = new String[1 << bits];
        kinds = new char[1 << bits];
        mask = (1 << bits) - 1;
    }

    /** True if {@code key} of {@code kind} was seen (and not forgotten) before; records it either way. */
    boolean alreadySeen(char kind, String key) {
        int h = key.hashCode() * 31 + kind;
        int i = (h ^ (h >>> 16)) & mask;
        if (kinds[i] == kind && key.equals(slots[i])) {
            return true;
        }
        slots[i] = key;
        kinds[i] = kind;
        return false;
    }
}
