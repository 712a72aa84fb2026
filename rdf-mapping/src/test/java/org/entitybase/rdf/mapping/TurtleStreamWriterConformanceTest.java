package org.entitybase.rdf.mapping;

import java.io.OutputStream;

import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;

/** The conformance suite through {@link TurtleStreamWriter}, parsed back by RDF4J's Turtle parser. */
class TurtleStreamWriterConformanceTest extends AbstractEntityRdfConformanceTest {
    TurtleStreamWriterConformanceTest() {
        super(RDFFormat.TURTLE);
    }

    @Override
    protected RDFWriter createWriter(OutputStream out) {
        return new TurtleStreamWriter(out);
    }
}
