package org.entitybase.model.lexeme;

import java.util.List;
import java.util.Map;

import org.entitybase.model.Immutables;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.statement.Statement;
import org.entitybase.model.term.Term;

/** A lexeme form ({@code L42-F1}): representations, grammatical features (item ids) and statements. */
public record Form(
        EntityId id,
        Map<String, Term> representations,
        List<String> grammaticalFeatures,
        Map<String, List<Statement>> claims) {
    public Form {
        representations = Immutables.orderedMap(representations);
        grammaticalFeatures = Immutables.list(grammaticalFeatures);
        claims = Immutables.orderedMultimap(claims);
    }
}
