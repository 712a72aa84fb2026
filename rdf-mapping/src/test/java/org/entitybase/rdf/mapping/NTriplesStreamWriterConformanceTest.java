package org.entitybase.rdf.mapping;

import java.io.OutputStream;

import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;

/** The conformance suite through {@link NTriplesStreamWriter}, parsed back by RDF4J's N-Triples parser. */
class NTriplesStreamWriterConformanceTest extends AbstractEntityRdfConformanceTest {
    NTriplesStreamWriterConformanceTest() {
        super(RDFFormat.NTRIPLES);
    }

    @Override
    protected RDFWriter createWriter(OutputStream out) {
        return new NTriplesStreamWriter(out);
    }
}
