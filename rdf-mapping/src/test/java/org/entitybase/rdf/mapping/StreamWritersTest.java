package org.entitybase.rdf.mapping;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Escaping and shape of {@link NTriplesStreamWriter} and {@link TurtleStreamWriter}: awkward terms are written, parsed
 * back with RDF4J and compared with the statements written and with what RDF4J's own N-Triples writer round-trips.
 */
class StreamWritersTest {
    private static final String EX = "http://example.org/";

    private static IRI iri(String s) {
        return Iris.VF.createIRI(s);
    }

    private static Statement st(String subject, String predicate, Value object) {
        return Iris.VF.createStatement(iri(EX + subject), iri(EX + predicate), object);
    }

    /** Terms every writer must round-trip exactly. */
    private static List<Statement> awkward() {
        return List.of(
                st("s", "unicode", Iris.VF.createLiteral("Ünïcödé 日本語 Ελληνικά")),
                st("s", "astral", Iris.VF.createLiteral("emoji 😀 and 𝄞 clef")),
                st(
                        "s",
                        "controls",
                        Iris.VF.createLiteral(
                                "nul\u0000 soh\u0001 bs\b tab\t lf\n vt\u000B ff\f cr\r us\u001F del\u007F")),
                st("s", "quotes", Iris.VF.createLiteral("say \"hi\" and 'bye'")),
                st("s", "backslashes", Iris.VF.createLiteral("C:\\path\\ and \\u0041 and \\\" and trailing \\")),
                st("s", "empty", Iris.VF.createLiteral("")),
                st("s", "lang", Iris.VF.createLiteral("Douglas Adams", "en")),
                st("s", "lang", Iris.VF.createLiteral("Douglas Adams", "de-x-formal")),
                st("s", "lang", Iris.VF.createLiteral("道格拉斯·亞當斯", "zh-Hant-TW")),
                st("s", "lang", Iris.VF.createLiteral("Дуглас Адамс", "be-tarask")),
                st("s", "typed", Iris.VF.createLiteral("+1.50", XSD.DECIMAL)),
                st("s", "typed", Iris.VF.createLiteral("1.0E-5", XSD.DOUBLE)),
                st("s", "typed", Iris.VF.createLiteral("explicit string", XSD.STRING)),
                st(
                        "s",
                        "typed",
                        Iris.VF.createLiteral("Point(1 2)", iri("http://www.opengis.net/ont/geosparql#wktLiteral"))),
                st("s", "iri", iri("https://zh.wikipedia.org/wiki/道格拉斯·亞當斯")),
                st("s", "iri", iri("https://en.wikipedia.org/wiki/Adams_(name)%20x?y=1&z#frag")),
                st("s", "iri", iri("urn:isbn:0-330-25864-8")),
                st("s", "iri", iri("http://example.org/𝄞")),
                st("ütf/ß", "pütf", iri(EX + "ö")),
                Iris.VF.createStatement(Iris.VF.createBNode("abc123"), RDF.TYPE, iri(EX + "Blank")),
                Iris.VF.createStatement(Iris.VF.createBNode("0a1b.c-d_e"), RDF.TYPE, iri(EX + "Blank")),
                st("s", "blank", Iris.VF.createBNode("d41d8cd98f00b204e9800998ecf8427e")),
                st("s", "local", iri(EX + "9starts-with-digit")),
                st("s", "local", iri(EX + "has.dot")),
                st("s", "local", iri(EX + "paren(s)")),
                st("s", "local", iri(EX)),
                st("other", "local", iri(EX + "-dash")));
    }

    /** IRIs with characters IRIREF does not allow: not IRIs at all, so writers percent-encode those characters. */
    private static List<Statement> invalidIris() {
        return List.of(
                st("s", "iri", iri("http://example.org/a b<c>d\"e{f}g|h^i`j\\k")),
                st("s", "typed", Iris.VF.createLiteral("x", iri(EX + "dt with space/"))));
    }

    /** Labels N-Triples or Turtle cannot hold as they are: rewritten, but each stays a distinct blank node. */
    private static List<Statement> oddBlankNodes() {
        return List.of(
                st("s", "b", Iris.VF.createBNode("a b")),
                st("s", "b", Iris.VF.createBNode("-x")),
                st("s", "b", Iris.VF.createBNode("x.")),
                st("s", "b", Iris.VF.createBNode("ünï")),
                st("s", "b", Iris.VF.createBNode("b·61")), // what "a" would be rewritten to, were it odd
                st("s", "b", Iris.VF.createBNode("a")));
    }

    @Test
    void nTriplesRoundTripsAwkwardTerms() {
        Model expected = new LinkedHashModel(awkward());
        assertThat(Models.isomorphic(roundTrip(NTriplesStreamWriter::new, RDFFormat.NTRIPLES, awkward()), expected))
                .isTrue();
        assertThat(Models.isomorphic(rio(awkward()), expected)).isTrue();
    }

    @Test
    void turtleRoundTripsAwkwardTerms() {
        Model expected = new LinkedHashModel(awkward());
        Model actual = roundTrip(out -> withPrefixes(new TurtleStreamWriter(out)), RDFFormat.TURTLE, awkward());
        assertThat(Models.isomorphic(actual, expected)).isTrue();
    }

    @Test
    void invalidIrisArePercentEncodedAsRdf4jEncodesThem() {
        Model rio = rio(invalidIris());
        assertThat(Models.objectIRI(rio.filter(null, iri(EX + "iri"), null)))
                .hasValueSatisfying(iri -> assertThat(iri.stringValue())
                        .isEqualTo("http://example.org/a%20b%3Cc%3Ed%22e%7Bf%7Dg%7Ch%5Ei%60j%5Ck"));
        assertThat(roundTrip(NTriplesStreamWriter::new, RDFFormat.NTRIPLES, invalidIris()))
                .isEqualTo(rio);
        assertThat(roundTrip(TurtleStreamWriter::new, RDFFormat.TURTLE, invalidIris()))
                .isEqualTo(rio);
        // RDF4J writes controls below 0x10 with one hex digit ("%9"), which is no percent-encoding
        assertThat(write(NTriplesStreamWriter::new, List.of(st("s", "p", iri(EX + "tab\there\u0001")))))
                .contains("<http://example.org/tab%09here%01>");
    }

    @Test
    void oddBlankNodeLabelsStayDistinct() {
        for (RDFFormat format : List.of(RDFFormat.NTRIPLES, RDFFormat.TURTLE)) {
            Function<OutputStream, RDFWriter> writer =
                    format == RDFFormat.NTRIPLES ? NTriplesStreamWriter::new : TurtleStreamWriter::new;
            Model actual = roundTrip(writer, format, oddBlankNodes());
            assertThat(actual).as(format.getName()).hasSize(oddBlankNodes().size());
            assertThat(Models.isomorphic(actual, new LinkedHashModel(oddBlankNodes())))
                    .as(format.getName())
                    .isTrue();
        }
    }

    @Test
    void unpairedSurrogatesBecomeQuestionMarksAsInRdf4j() {
        List<Statement> lone = List.of(
                st("s", "high", Iris.VF.createLiteral("a\uD83Db")),
                st("s", "low", Iris.VF.createLiteral("a\uDE00b")),
                st("s", "end", Iris.VF.createLiteral("end\uD83D")));
        Model ours = roundTrip(NTriplesStreamWriter::new, RDFFormat.NTRIPLES, lone);
        assertThat(Models.isomorphic(ours, rio(lone))).isTrue();
        assertThat(Models.objectLiterals(ours))
                .extracting(Value::stringValue)
                .containsExactlyInAnyOrder("a?b", "end?"); // a set: both "a?b"
    }

    @Test
    void nTriplesLinesAreCanonical() {
        String text = write(
                NTriplesStreamWriter::new,
                List.of(
                        st("s", "p", Iris.VF.createLiteral("q\"b\\n\nt\tc\u0001d\u007Fé😀")),
                        st("s", "p", Iris.VF.createLiteral("x", "en-GB")),
                        st("s", "p", Iris.VF.createLiteral("x", XSD.STRING)),
                        st("s", "p", Iris.VF.createLiteral("5", XSD.INTEGER)),
                        st("s", "p", iri("http://example.org/a b>ü"))));
        assertThat(text)
                .isEqualTo("<http://example.org/s> <http://example.org/p> \"q\\\"b\\\\n\\nt\\tc\\u0001d\\u007Fé😀\" .\n"
                        + "<http://example.org/s> <http://example.org/p> \"x\"@en-GB .\n"
                        + "<http://example.org/s> <http://example.org/p> \"x\" .\n"
                        + "<http://example.org/s> <http://example.org/p> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
                        + "<http://example.org/s> <http://example.org/p> <http://example.org/a%20b%3Eü> .\n");
    }

    @Test
    void turtleGroupsBySubjectAndPredicate() {
        String text = write(
                out -> {
                    TurtleStreamWriter writer = new TurtleStreamWriter(out);
                    writer.handleNamespace("ex", EX);
                    writer.handleNamespace("xsd", XSD.NAMESPACE);
                    return writer;
                },
                List.of(
                        st("Q42", "type", iri(EX + "Item")),
                        Iris.VF.createStatement(iri(EX + "Q42"), RDF.TYPE, iri(EX + "A")),
                        Iris.VF.createStatement(iri(EX + "Q42"), RDF.TYPE, iri(EX + "B")),
                        st("Q42", "label", Iris.VF.createLiteral("x", "en")),
                        st("Q42", "amount", Iris.VF.createLiteral("+1", XSD.DECIMAL)),
                        st("Q1", "see", iri("http://other.org/Q1"))));
        assertThat(text)
                .isEqualTo("@prefix ex: <http://example.org/> .\n"
                        + "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
                        + "\n"
                        + "ex:Q42 ex:type ex:Item ;\n"
                        + "\ta ex:A, ex:B ;\n"
                        + "\tex:label \"x\"@en ;\n"
                        + "\tex:amount \"+1\"^^xsd:decimal .\n"
                        + "\n"
                        + "ex:Q1 ex:see <http://other.org/Q1> .\n");
    }

    @Test
    void turtlePrefixesMayComeBetweenStatementsAndBeRedeclared() {
        List<Statement> statements = List.of(st("a", "p", iri(EX + "b")), st("c", "p", iri(EX + "d")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TurtleStreamWriter writer = new TurtleStreamWriter(bytes);
        writer.startRDF();
        writer.handleNamespace("ex", "http://elsewhere.org/");
        writer.handleNamespace("ex", EX);
        writer.handleStatement(statements.get(0));
        writer.handleComment("between\nlines");
        writer.handleNamespace("e2", EX);
        writer.handleNamespace("not a prefix", EX);
        writer.handleStatement(statements.get(1));
        writer.endRDF();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("ex:a ex:p ex:b .\n", "# between\n# lines\n", "e2:c e2:p e2:d .\n");
        assertThat(text).doesNotContain("not a prefix");
        assertThat(Models.isomorphic(parse(text, RDFFormat.TURTLE), new LinkedHashModel(statements)))
                .isTrue();
    }

    @Test
    void createWriterPicksTheStreamWritersAndRio() {
        OutputStream out = OutputStream.nullOutputStream();
        assertThat(RdfWriterSettings.createWriter(RDFFormat.NTRIPLES, out)).isInstanceOf(NTriplesStreamWriter.class);
        assertThat(RdfWriterSettings.createWriter(RDFFormat.TURTLE, out)).isInstanceOf(TurtleStreamWriter.class);
        assertThat(RdfWriterSettings.createWriter(RDFFormat.RDFXML, out).getRDFFormat())
                .isEqualTo(RDFFormat.RDFXML);
    }

    @Test
    void longLiteralsCrossTheBuffer() {
        String big = "ab\"ü😀\n".repeat(40_000); // several buffers, escapes and pairs at every offset
        List<Statement> statements = List.of(st("s", "big", Iris.VF.createLiteral(big, "en")));
        for (RDFFormat format : List.of(RDFFormat.NTRIPLES, RDFFormat.TURTLE)) {
            Function<OutputStream, RDFWriter> writer =
                    format == RDFFormat.NTRIPLES ? NTriplesStreamWriter::new : TurtleStreamWriter::new;
            Model actual = roundTrip(writer, format, statements);
            assertThat(Models.objectLiterals(actual))
                    .extracting(Value::stringValue)
                    .as(format.getName())
                    .containsExactly(big);
        }
    }

    private static TurtleStreamWriter withPrefixes(TurtleStreamWriter writer) {
        writer.handleNamespace("ex", EX);
        writer.handleNamespace("xsd", XSD.NAMESPACE);
        writer.handleNamespace("geo", "http://www.opengis.net/ont/geosparql#");
        writer.handleNamespace("", "https://en.wikipedia.org/wiki/");
        return writer;
    }

    private static String write(Function<OutputStream, RDFWriter> factory, List<Statement> statements) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RDFWriter writer = factory.apply(bytes);
        writer.startRDF();
        statements.forEach(writer::handleStatement);
        writer.endRDF();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Model roundTrip(
            Function<OutputStream, RDFWriter> factory, RDFFormat format, List<Statement> statements) {
        return parse(write(factory, statements), format);
    }

    /** The statements through RDF4J's own (buffered) N-Triples writer and parser. */
    private static Model rio(List<Statement> statements) {
        return roundTrip(
                out -> RdfWriterSettings.createRioWriter(RDFFormat.NTRIPLES, out), RDFFormat.NTRIPLES, statements);
    }

    private static Model parse(String text, RDFFormat format) {
        try {
            return Rio.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "", format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
