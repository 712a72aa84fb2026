package org.entitybase.model.snak;

/** "No value": the property is known to have no value. */
public record NoValueSnak(String property, String datatype, String hash) implements Snak {
    @Override
    public SnakType snakType() {
        return SnakType.NO_VALUE;
    }

    @Override
    public NoValueSnak withHash(String hash) {
        return new NoValueSnak(property, datatype, hash);
    }
}
