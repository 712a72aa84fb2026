package org.entitybase.rdf.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * What an RDF document contains: Wikibase's {@code RdfProducer} flags. The bit values are Wikibase's, so a mask from
 * its tests or configuration means the same here.
 */
public final class Flavor {

    /** One aspect of the output. */
    enum Part {
        /** {@code wdt:} direct claims for best-rank statements (and {@code wdtn:} for external ids). */
        TRUTHY_STATEMENTS(1),
        /** {@code p:}/{@code ps:} statement nodes with ranks. */
        ALL_STATEMENTS(2),
        /** {@code pq:} qualifiers, with {@link #ALL_STATEMENTS}. */
        QUALIFIERS(4),
        /** {@code prov:wasDerivedFrom} and {@code wdref:} reference nodes, with {@link #ALL_STATEMENTS}. */
        REFERENCES(8),
        /** {@code schema:Article} nodes for sitelinks, with badges. */
        SITELINKS(16),
        /** Stubs (terms, predicates, {@code wdno:} class) for properties used in snaks. */
        PROPERTIES(32),
        /** {@code psv:}/{@code pqv:}/{@code prv:} value nodes ({@code wdv:}). */
        FULL_VALUES(64),
        /** License and software version on {@code schema:Dataset} nodes. */
        VERSION_INFO(128),
        /** Stubs (labels, descriptions) for entities used as values. */
        RESOLVED_ENTITIES(256),
        /** Normalized quantity value nodes ({@code psn:}, {@code wikibase:quantityNormalized}). */
        NORMALIZED_VALUES(512),
        /** Page properties such as {@code wikibase:statements} on the data node. */
        PAGE_PROPS(1024);

        private final int bit;

        Part(int bit) {
            this.bit = bit;
        }

        int bit() {
            return bit;
        }
    }

    /** Everything: what Special:EntityData serves by default ({@code RdfProducer::PRODUCE_ALL}). */
    public static final Flavor FULL = new Flavor(0xFFFF);

    /** The {@code full-dump} flavor of Wikibase's RDF dumps (version info goes in the dump header instead). */
    public static final Flavor FULL_DUMP = of(
            Part.ALL_STATEMENTS,
            Part.TRUTHY_STATEMENTS,
            Part.QUALIFIERS,
            Part.REFERENCES,
            Part.SITELINKS,
            Part.FULL_VALUES,
            Part.PAGE_PROPS,
            Part.NORMALIZED_VALUES);

    /** The {@code truthy-dump} flavor: direct claims and terms only. */
    static final Flavor TRUTHY_DUMP = of(Part.TRUTHY_STATEMENTS);

    private final int mask;

    private Flavor(int mask) {
        this.mask = mask;
    }

    /** The flavor of a Wikibase {@code RdfProducer} bit mask. */
    static Flavor ofMask(int mask) {
        if (mask < 0 || mask > 0xFFFF) {
            throw new IllegalArgumentException("not an RdfProducer mask: " + mask);
        }
        return new Flavor(mask);
    }

    static Flavor of(Part... parts) {
        int mask = 0;
        for (Part part : parts) {
            mask |= part.bit;
        }
        return new Flavor(mask);
    }

    boolean has(Part part) {
        return (mask & part.bit) != 0;
    }

    int mask() {
        return mask;
    }

    Flavor with(Part part) {
        return new Flavor(mask | part.bit);
    }

    Flavor without(Part part) {
        return new Flavor(mask & ~part.bit);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Flavor f && f.mask == mask;
    }

    @Override
    public int hashCode() {
        return mask;
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (Part part : Part.values()) {
            if (has(part)) {
                names.add(part.name());
            }
        }
        return "Flavor" + names;
    }
}
