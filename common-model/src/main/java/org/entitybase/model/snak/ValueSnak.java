package org.entitybase.model.snak;

import org.entitybase.model.value.DataValue;

public record ValueSnak(String property, String datatype, DataValue value, String hash) implements Snak {
    @Override
    public SnakType snakType() {
        return SnakType.VALUE;
    }

    @Override
    public ValueSnak withHash(String hash) {
        return new ValueSnak(property, datatype, value, hash);
    }
}
