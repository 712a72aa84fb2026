package org.entitybase.rdf.mapping;

import java.io.OutputStream;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;

/**
 * An N-Triples {@link RDFWriter} that encodes UTF-8 straight into a buffer over the stream, in RDF 1.2's canonical form
 * (non-ASCII characters as they are, {@code xsd:string} literals without datatype). Several times faster than RDF4J's
 * writer, which goes through a {@code Writer} char by char; its output parses to the same graph. Contexts are ignored
 * (N-Triples has none); RDF-star triple terms are not supported.
 *
 * <p>Buffered: everything reaches the stream at {@link #endRDF()} (or when the buffer fills), which flushes but does
 * not close it. Not thread-safe.
 */
public final class NTriplesStreamWriter extends StreamWriterBase {

    public NTriplesStreamWriter(OutputStream out) {
        super(out);
    }

    @Override
    public RDFFormat getRDFFormat() {
        return RDFFormat.NTRIPLES;
    }

    @Override
    public void endRDF() {
        bytes.flush();
    }

    /** N-Triples has no prefixes. */
    @Override
    public void handleNamespace(String prefix, String uri) {}

    @Override
    public void handleStatement(Statement statement) {
        bytes.ntLine(statement);
    }

    @Override
    public void triple(Resource subject, IRI predicate, Value object) {
        bytes.ntLine(subject, predicate, object);
    }

    @Override
    public void handleComment(String comment) {
        bytes.comment(comment);
    }
}
