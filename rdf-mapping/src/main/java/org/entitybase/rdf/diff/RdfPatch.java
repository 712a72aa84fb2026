package org.entitybase.rdf.diff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.helpers.NTriplesUtil;

import org.entitybase.rdf.mapping.RdfVocabulary;

/**
 * The difference between the triples of two revisions, split as WDQS splits it: triples about value ({@code wdv:}) and
 * reference ({@code wdref:}) nodes are shared with other entities, so they are "linked" and "unlinked" rather than
 * added and deleted. Each list is sorted by its N-Triples form, so the same revisions always give the same patch.
 * Blank nodes are compared by label: the mapping names every blank node from a hash of what it stands for (somevalue
 * snaks, {@code wdno:} classes), which makes the labels canonical.
 */
public record RdfPatch(
        List<Statement> added, List<Statement> deleted, List<Statement> linkedShared, List<Statement> unlinkedShared) {

    static final Comparator<Statement> ORDER = Comparator.comparing(RdfPatch::ntriples);

    public RdfPatch {
        added = List.copyOf(added);
        deleted = List.copyOf(deleted);
        linkedShared = List.copyOf(linkedShared);
        unlinkedShared = List.copyOf(unlinkedShared);
    }

    /** What turns {@code before} into {@code after} (either may be empty). */
    public static RdfPatch diff(Collection<Statement> before, Collection<Statement> after, RdfVocabulary vocabulary) {
        Set<Statement> old = new HashSet<>(before);
        Set<Statement> now = new HashSet<>(after);
        Shared shared = new Shared(vocabulary);
        List<Statement> added = new ArrayList<>();
        List<Statement> linked = new ArrayList<>();
        for (Statement s : now) {
            if (!old.contains(s)) {
                (shared.test(s) ? linked : added).add(s);
            }
        }
        List<Statement> deleted = new ArrayList<>();
        List<Statement> unlinked = new ArrayList<>();
        for (Statement s : old) {
            if (!now.contains(s)) {
                (shared.test(s) ? unlinked : deleted).add(s);
            }
        }
        return new RdfPatch(sorted(added), sorted(deleted), sorted(linked), sorted(unlinked));
    }

    int size() {
        return added.size() + deleted.size() + linkedShared.size() + unlinkedShared.size();
    }

    static List<Statement> sorted(List<Statement> statements) {
        statements.sort(ORDER);
        return statements;
    }

    static String ntriples(Statement s) {
        return NTriplesUtil.toNTriplesString(s.getSubject())
                + ' '
                + NTriplesUtil.toNTriplesString(s.getPredicate())
                + ' '
                + NTriplesUtil.toNTriplesString(s.getObject());
    }

    /** Is a triple about a value or reference node? */
    private static final class Shared {
        private final String values;
        private final String references;

        Shared(RdfVocabulary vocabulary) {
            this.values = vocabulary.prefixes().get("wdv");
            this.references = vocabulary.prefixes().get("wdref");
            if (values == null || references == null) {
                throw new IllegalArgumentException("the vocabulary has no wdv:/wdref: namespaces");
            }
        }

        boolean test(Statement s) {
            return s.getSubject() instanceof IRI iri
                    && (iri.stringValue().startsWith(values)
                            || iri.stringValue().startsWith(references));
        }
    }
}
