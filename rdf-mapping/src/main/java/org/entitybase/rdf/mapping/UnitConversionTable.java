package org.entitybase.rdf.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

import org.entitybase.model.value.QuantityValue;

/**
 * Wikibase's {@code UnitConverter} over a conversion table in the shape of its unit storage: unit item id → (factor,
 * standard unit item id); a unit that converts to itself is a standard ("primary") unit. Conversions multiply with
 * exact decimal arithmetic and round bounded quantities to their uncertainty, as DataValues' {@code DecimalMath} and
 * {@code QuantityValue::transform} do, so the converted value names the same {@code wdv:} node as on Wikidata.
 *
 * <p>Wikidata generates its table from the "conversion to SI unit" statements of unit items; this repository does not
 * have it, so callers supply the entries they need.
 */
final class UnitConversionTable implements UnitConverter {

    private record Conversion(String factor, String unit) {}

    private final String conceptBase;
    private final Map<String, Conversion> conversions;

    private UnitConversionTable(String conceptBase, Map<String, Conversion> conversions) {
        this.conceptBase = conceptBase;
        this.conversions = Map.copyOf(conversions);
    }

    /** A table for units that are entities under {@code conceptBase} ({@code http://www.wikidata.org/entity/}). */
    public static Builder builder(String conceptBase) {
        return new Builder(conceptBase);
    }

    @Override
    public QuantityValue toStandardUnits(QuantityValue value) {
        String fromUnit = value.unit();
        if ("1".equals(fromUnit)) {
            return null; // unit-less values are not converted
        }
        String unitId = fromUnit.startsWith(conceptBase) ? fromUnit.substring(conceptBase.length()) : fromUnit;
        Conversion conversion = conversions.get(unitId);
        if (conversion == null) {
            return null;
        }
        if (conversion.unit.equals(unitId)) {
            return value; // a primary unit: no conversion needed
        }
        String targetUnit = conversion.unit.startsWith(conceptBase) ? conversion.unit : conceptBase + conversion.unit;
        if (targetUnit.equals(fromUnit)) {
            return value;
        }
        String factor = conversion.factor.startsWith("+") || conversion.factor.startsWith("-")
                ? conversion.factor
                : "+" + conversion.factor;
        if (factor.startsWith("-") || DecimalMath.isZero(factor)) {
            return null; // Wikibase refuses negative and zero factors
        }
        if (!value.hasBounds()) {
            return new QuantityValue(DecimalMath.product(value.amount(), factor), targetUnit, null, null);
        }
        String amount = DecimalMath.product(value.amount(), factor);
        String upper = DecimalMath.product(value.upperBound(), factor);
        String lower = DecimalMath.product(value.lowerBound(), factor);
        int exponent = DecimalMath.orderOfUncertainty(amount, upper, lower);
        return new QuantityValue(
                DecimalMath.roundToExponent(amount, exponent),
                targetUnit,
                DecimalMath.roundToExponent(upper, exponent),
                DecimalMath.roundToExponent(lower, exponent));
    }

    public static final class Builder {
        private final String conceptBase;
        private final Map<String, Conversion> conversions = new LinkedHashMap<>();

        private Builder(String conceptBase) {
            this.conceptBase = conceptBase;
        }

        /** {@code unit} (e.g. {@code Q11573}) is a standard unit: values in it are their own normalization. */
        public Builder standardUnit(String unit) {
            conversions.put(unit, new Conversion("1", unit));
            return this;
        }

        /** One {@code unit} is {@code factor} (a decimal string) {@code standardUnit}. */
        public Builder conversion(String unit, String factor, String standardUnit) {
            conversions.put(unit, new Conversion(factor, standardUnit));
            return this;
        }

        public UnitConversionTable build() {
            return new UnitConversionTable(conceptBase, conversions);
        }
    }
}
