package org.entitybase.model.snak;

/**
 * A property-value pair (value, somevalue or novalue). {@code datatype} is the property's datatype as the JSON gives
 * it (absent in some legacy JSON). {@code hash} is the snak's Wikibase hash as read (null if absent); the writer emits
 * it when present, and the write path fills in the computed one (see {@code hash.wikibase}).
 */
public sealed interface Snak permits ValueSnak, SomeValueSnak, NoValueSnak {
    String property();

    String datatype();

    String hash();

    SnakType snakType();

    /** The same snak with the given hash. */
    Snak withHash(String hash);
}
