package org.entitybase.model.entity;

import java.util.List;
import java.util.Map;

import org.entitybase.model.Immutables;
import org.entitybase.model.term.Term;

/** Labels, descriptions and aliases, keyed by language code in JSON order. */
public record Fingerprint(Map<String, Term> labels, Map<String, Term> descriptions, Map<String, List<Term>> aliases) {
    public static final Fingerprint EMPTY = new Fingerprint(Map.of(), Map.of(), Map.of());

    public Fingerprint {
        labels = Immutables.orderedMap(labels);
        descriptions = Immutables.orderedMap(descriptions);
        aliases = Immutables.orderedMultimap(aliases);
    }
}
