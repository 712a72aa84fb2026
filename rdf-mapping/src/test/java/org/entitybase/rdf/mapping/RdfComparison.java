package org.entitybase.rdf.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.util.Models;

/**
 * How the pair conformance compares a document with Wikidata's: graph isomorphism ({@link Models#isomorphic}), and
 * when it fails, the triples without blank nodes only one side has.
 */
public final class RdfComparison {
    private RdfComparison() {}

    public static boolean isomorphic(Model actual, Model expected) {
        return Models.isomorphic(actual, expected);
    }

    /** Triples without blank nodes that only one side has (blank-node triples are left to the isomorphism check). */
    public static String groundDiff(Model expected, Model actual) {
        return TripleLines.diff(ground(expected), ground(actual), 40);
    }

    private static Set<String> ground(Model model) {
        List<Statement> ground = new ArrayList<>();
        for (Statement s : model) {
            if (!(s.getSubject() instanceof BNode) && !(s.getObject() instanceof BNode)) {
                ground.add(s);
            }
        }
        return new TreeSet<>(TripleLines.of(ground));
    }
}
