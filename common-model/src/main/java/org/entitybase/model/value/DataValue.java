package org.entitybase.model.value;

/** A Wikibase data value: the {@code datavalue} of a value snak. */
public sealed interface DataValue
        permits StringValue, MonolingualTextValue, EntityIdValue, TimeValue, QuantityValue, GlobeCoordinateValue {

    /** The JSON {@code datavalue.type}. */
    DataValueType type();
}
