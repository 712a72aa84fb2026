package org.entitybase.rdf.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.NTriplesUtil;

/**
 * The Wikibase fixtures' comparison (cases.json, "comparison"): a graph as the sorted set of its N-Triples lines with
 * every blank node label replaced by one placeholder. Lines are rendered by RDF4J from parsed statements, so both
 * sides use the same escapes.
 */
final class TripleLines {
    private static final String BLANK = "_:b";

    private TripleLines() {}

    static Set<String> of(Collection<Statement> statements) {
        Set<String> lines = new TreeSet<>();
        for (Statement s : statements) {
            lines.add(term(s.getSubject()) + " " + term(s.getPredicate()) + " " + term(s.getObject()) + " .");
        }
        return lines;
    }

    /** The union of the lines of N-Triples files, as the PHP helper concatenates several expected files. */
    static Set<String> ofNTriplesFiles(List<Path> files) {
        Set<String> lines = new TreeSet<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                Model model = Rio.parse(in, "", RDFFormat.NTRIPLES);
                lines.addAll(of(model));
            } catch (IOException e) {
                throw new UncheckedIOException(file.toString(), e);
            }
        }
        return lines;
    }

    private static String term(Value value) {
        return value instanceof BNode ? BLANK : NTriplesUtil.toNTriplesString(value);
    }

    /** A readable difference: lines only in {@code expected} and lines only in {@code actual}, at most {@code max} each. */
    static String diff(Set<String> expected, Set<String> actual, int max) {
        List<String> missing = new ArrayList<>();
        for (String line : expected) {
            if (!actual.contains(line)) {
                missing.add(line);
            }
        }
        List<String> extra = new ArrayList<>();
        for (String line : actual) {
            if (!expected.contains(line)) {
                extra.add(line);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(missing.size()).append(" missing, ").append(extra.size()).append(" unexpected\n");
        missing.stream().limit(max).forEach(l -> sb.append("  - ").append(l).append('\n'));
        extra.stream().limit(max).forEach(l -> sb.append("  + ").append(l).append('\n'));
        return sb.toString();
    }
}
