package org.entitybase.rdf.mapping;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;

/** A handler that takes a triple's terms directly, so {@link TripleSink} need not build a {@code Statement} per triple. */
interface TripleWriter {
    void triple(Resource subject, IRI predicate, Value object);
}
