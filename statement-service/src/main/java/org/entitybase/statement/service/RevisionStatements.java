package org.entitybase.statement.service;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * What statement-service keeps of one revision: its statements by content address (each with its property and its
 * self-contained JSON), how often each address occurs in the revision, and the entity links of its statement values.
 * A delete or redirect revision has none.
 *
 * @param statements address → statement, sorted by address (locks are taken in this order)
 * @param occurrences address → number of statements of the revision with that address (always ≥ 1)
 */
public record RevisionStatements(
        SortedMap<String, StatementContent> statements, Map<String, Integer> occurrences, Set<Backlink> backlinks) {

    public static final RevisionStatements NONE = new RevisionStatements(new java.util.TreeMap<>(), Map.of(), Set.of());

    /** One distinct statement: its main snak's property and its canonical Wikibase JSON without GUID. */
    public record StatementContent(String property, byte[] json) {}
}
