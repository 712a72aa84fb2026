package org.entitybase.rdf.mapping;

import org.eclipse.rdf4j.rio.RDFFormat;

/** The conformance suite through RDF4J's Turtle writer and parser. */
class TurtleEntityRdfConformanceTest extends AbstractEntityRdfConformanceTest {
    TurtleEntityRdfConformanceTest() {
        super(RDFFormat.TURTLE);
    }
}
