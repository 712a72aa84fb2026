package org.entitybase.rdf.mapping;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.rio.RDFHandler;

/**
 * Where the mapping's triples go: an RDF4J {@link RDFHandler}, one statement at a time, nothing buffered; our own
 * writers ({@link TripleWriter}) take the terms without a {@code Statement} around them.
 */
final class TripleSink {
    private final RDFHandler handler;
    private final TripleWriter direct;
    private long count;

    TripleSink(RDFHandler handler) {
        this.handler = handler;
        this.direct = handler instanceof TripleWriter writer ? writer : null;
    }

    void emit(Resource subject, IRI predicate, Value object) {
        if (direct != null) {
            direct.triple(subject, predicate, object);
        } else {
            handler.handleStatement(Iris.VF.createStatement(subject, predicate, object));
        }
        count++;
    }

    RDFHandler handler() {
        return handler;
    }

    /** Triples emitted so far (duplicates included). */
    long count() {
        return count;
    }

    static Literal plain(String text) {
        return Iris.VF.createLiteral(text);
    }

    static Literal text(String text, String language) {
        return Iris.VF.createLiteral(text, language);
    }

    static Literal typed(String lexical, IRI datatype) {
        return Iris.VF.createLiteral(lexical, datatype);
    }
}
