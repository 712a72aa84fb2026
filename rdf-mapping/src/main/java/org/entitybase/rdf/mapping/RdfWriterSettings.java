package org.entitybase.rdf.mapping;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.WriterConfig;
import org.eclipse.rdf4j.rio.helpers.BasicWriterSettings;
import org.eclipse.rdf4j.rio.turtle.TurtleWriterSettings;

/**
 * Writers for {@link EntityRdfWriter} output. For RDF4J's writers two settings matter: Wikibase writes decimals and doubles in their
 * own lexical forms ({@code "+0.70"^^xsd:decimal}, {@code "2.7777777777778E-5"^^xsd:double}), which Turtle's number
 * shorthand would rewrite into other terms ({@code 0.70}, {@code 2.7777777777778E-5}) and so change the graph; and
 * blank nodes are not inlined, so Turtle streams instead of buffering the document.
 */
public final class RdfWriterSettings {
    private static final int BUFFER_CHARS = 1 << 16;

    private RdfWriterSettings() {}

    /** A new config with these settings, for any format (settings a format does not know are ignored). */
    public static WriterConfig writerConfig() {
        WriterConfig config = new WriterConfig();
        config.set(TurtleWriterSettings.ABBREVIATE_NUMBERS, false);
        config.set(BasicWriterSettings.INLINE_BLANK_NODES, false);
        return config;
    }

    /**
     * The writer for {@code format} over {@code out}: our streaming writers for N-Triples ({@link NTriplesStreamWriter})
     * and Turtle ({@link TurtleStreamWriter}), several times faster than RDF4J's and free of its Turtle settings'
     * pitfalls; RDF4J's writer ({@link #createRioWriter}) for every other format. The writer flushes at
     * {@code endRDF}; closing {@code out} stays with the caller.
     */
    public static RDFWriter createWriter(RDFFormat format, OutputStream out) {
        if (RDFFormat.NTRIPLES.equals(format)) {
            return new NTriplesStreamWriter(out);
        }
        if (RDFFormat.TURTLE.equals(format)) {
            return new TurtleStreamWriter(out);
        }
        return createRioWriter(format, out);
    }

    /**
     * RDF4J's Rio writer of {@code format} over {@code out} with {@link #writerConfig()}, buffered: Rio's writers
     * encode character by character, which over an unbuffered stream costs several times the mapping itself. The
     * writer flushes at {@code endRDF}; closing {@code out} stays with the caller.
     */
    public static RDFWriter createRioWriter(RDFFormat format, OutputStream out) {
        RDFWriter writer = Rio.createWriter(
                format, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS));
        writer.setWriterConfig(writerConfig());
        return writer;
    }
}
