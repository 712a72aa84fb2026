package org.entitybase.model.snak;

/** "Some value": the property has a value that is not known. */
public record SomeValueSnak(String property, String datatype, String hash) implements Snak {
    @Override
    public SnakType snakType() {
        return SnakType.SOME_VALUE;
    }

    @Override
    public SomeValueSnak withHash(String hash) {
        return new SomeValueSnak(property, datatype, hash);
    }
}
