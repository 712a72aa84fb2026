package org.entitybase.model.statement;

import java.util.List;
import java.util.Map;

import org.entitybase.model.Immutables;
import org.entitybase.model.snak.Snak;

/**
 * A statement (claim with rank and references). {@code id} is the GUID ({@code Q42$F078E5B3-…}); it may be null on
 * input, the write path assigns one. Qualifiers are grouped by property in JSON order.
 */
public record Statement(
        String id,
        Snak mainsnak,
        Rank rank,
        Map<String, List<Snak>> qualifiers,
        List<String> qualifiersOrder,
        List<Reference> references) {
    public Statement {
        qualifiers = Immutables.orderedMultimap(qualifiers);
        qualifiersOrder = Immutables.list(qualifiersOrder);
        references = Immutables.list(references);
    }

    public Statement withId(String id) {
        return new Statement(id, mainsnak, rank, qualifiers, qualifiersOrder, references);
    }

    public String property() {
        return mainsnak.property();
    }
}
