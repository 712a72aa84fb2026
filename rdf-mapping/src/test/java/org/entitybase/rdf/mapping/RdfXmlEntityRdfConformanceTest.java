package org.entitybase.rdf.mapping;

import org.eclipse.rdf4j.rio.RDFFormat;

/** The conformance suite through RDF4J's RDF/XML writer and parser. */
class RdfXmlEntityRdfConformanceTest extends AbstractEntityRdfConformanceTest {
    RdfXmlEntityRdfConformanceTest() {
        super(RDFFormat.RDFXML);
    }
}
