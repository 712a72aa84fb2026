package org.entitybase.rdf.mapping;

import java.util.Map;

/**
 * The Wikibase datatype id ({@code wikibase-item}, {@code external-id}, …) of a property, for snaks that do not carry
 * their own {@code datatype} and for property stubs. The service gets these from entity-service; tests from {@code
 * properties-datatypes.tsv}.
 */
@FunctionalInterface
public interface PropertyDatatypeLookup {

    /** Knows no property. */
    PropertyDatatypeLookup NONE = propertyId -> null;

    /** The datatype id of {@code propertyId} (e.g. {@code P31}), or null when the property is unknown. */
    String datatypeOf(String propertyId);

    /** A lookup over a fixed map (property id → datatype id). */
    static PropertyDatatypeLookup of(Map<String, String> datatypes) {
        Map<String, String> copy = Map.copyOf(datatypes);
        return copy::get;
    }
}
