package org.entitybase.model.value;

/**
 * A quantity. Amount and bounds stay the exact decimal strings of the JSON ({@code "+0.70"}): Wikibase hashes them
 * as strings, so they are never reformatted. Bounds are both null or both set. Unit is {@code "1"} or an entity URI.
 */
public record QuantityValue(String amount, String unit, String upperBound, String lowerBound) implements DataValue {
    public boolean hasBounds() {
        return upperBound != null || lowerBound != null;
    }

    @Override
    public DataValueType type() {
        return DataValueType.QUANTITY;
    }
}
