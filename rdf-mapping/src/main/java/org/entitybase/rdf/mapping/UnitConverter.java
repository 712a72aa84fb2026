package org.entitybase.rdf.mapping;

import org.entitybase.model.value.QuantityValue;

/**
 * Converts quantities to their standard unit, for the normalized value nodes ({@code psn:},
 * {@code wikibase:quantityNormalized}) written with {@link Flavor.Part#NORMALIZED_VALUES}.
 */
@FunctionalInterface
interface UnitConverter {

    /**
     * {@code value} in its standard unit; {@code value} itself when it already is in one; null when it cannot be
     * converted (unit-less quantities, units the converter does not know).
     */
    QuantityValue toStandardUnits(QuantityValue value);
}
