package org.entitybase.rdf.mapping;

/** Where a snak is written, which decides its predicates: {@code wdt:}, {@code ps:}, {@code pq:} or {@code pr:}. */
enum SnakRole {
    /** Truthy: the entity's {@code wdt:} (and {@code wdtn:}) triples; never value nodes. */
    DIRECT,
    /** A statement's main snak: {@code ps:}, {@code psv:}, {@code psn:}. */
    STATEMENT,
    /** A qualifier: {@code pq:}, {@code pqv:}, {@code pqn:}. */
    QUALIFIER,
    /** A reference snak: {@code pr:}, {@code prv:}, {@code prn:}. */
    REFERENCE
}
