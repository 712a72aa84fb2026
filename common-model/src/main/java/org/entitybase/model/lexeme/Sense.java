package org.entitybase.model.lexeme;

import java.util.List;
import java.util.Map;

import org.entitybase.model.Immutables;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.statement.Statement;
import org.entitybase.model.term.Term;

/** A lexeme sense ({@code L42-S1}): glosses and statements. */
public record Sense(EntityId id, Map<String, Term> glosses, Map<String, List<Statement>> claims) {
    public Sense {
        glosses = Immutables.orderedMap(glosses);
        claims = Immutables.orderedMultimap(claims);
    }
}
