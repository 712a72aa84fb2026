package org.entitybase.model.value;

/** A string value (datatypes string, external-id, url, commonsMedia, math, musical-notation, geo-shape, tabular-data). */
public record StringValue(String value) implements DataValue {
    public StringValue {
        if (value == null) {
            throw new IllegalArgumentException("string value is null");
        }
    }

    @Override
    public DataValueType type() {
        return DataValueType.STRING;
    }
}
