package org.entitybase.rdf.mapping;

import org.eclipse.rdf4j.rio.RDFFormat;

/** The conformance suite through RDF4J's N-Triples writer and parser. */
class NTriplesEntityRdfConformanceTest extends AbstractEntityRdfConformanceTest {
    NTriplesEntityRdfConformanceTest() {
        super(RDFFormat.NTRIPLES);
    }
}
