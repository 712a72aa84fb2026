package org.entitybase.model.statement;

import java.util.List;
import java.util.Map;

import org.entitybase.model.Immutables;
import org.entitybase.model.snak.Snak;

/** A reference: snaks grouped by property in JSON order, {@code snaks-order}, and its Wikibase hash as read. */
public record Reference(String hash, Map<String, List<Snak>> snaks, List<String> snaksOrder) {
    public Reference {
        snaks = Immutables.orderedMultimap(snaks);
        snaksOrder = Immutables.list(snaksOrder);
    }

    public Reference withHash(String hash) {
        return new Reference(hash, snaks, snaksOrder);
    }
}
