package org.entitybase.rdf.mapping;

import java.util.Map;

/**
 * The URI pattern of an external-id property ({@code $1} stands for the id), as Wikibase keeps it in the property
 * info store: on Wikidata the value of "formatter URI for RDF resource" (P1921). External ids of a property with a
 * pattern get {@code wdtn:}/{@code psn:}/{@code pqn:}/{@code prn:} IRIs.
 */
@FunctionalInterface
public interface ExternalIdUriLookup {

    /** No property has a pattern: external ids are written as literals only. */
    ExternalIdUriLookup NONE = propertyId -> null;

    /** The pattern for {@code propertyId}, or null when it has none. */
    String uriPattern(String propertyId);

    static ExternalIdUriLookup of(Map<String, String> patterns) {
        Map<String, String> copy = Map.copyOf(patterns);
        return copy::get;
    }
}
