package org.entitybase.rdf.mapping;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFHandlerException;
import org.eclipse.rdf4j.rio.RDFWriter;

/**
 * A streaming Turtle {@link RDFWriter} in the shape of Wikidata's Turtle: the namespaces handed to it as
 * {@code @prefix} lines, IRIs abbreviated to prefixed names where the local name is plain ({@code wd:Q42}), {@code a}
 * for {@code rdf:type}, consecutive triples of one subject grouped with {@code ;} and of one subject and predicate with
 * {@code ,}. Nothing is buffered beyond the current line: blank nodes are written as labels, never inlined, and numbers
 * keep their datatype ({@code "+1"^^xsd:decimal}), so the lexical forms Wikibase chose survive. UTF-8 goes straight
 * into a buffer over the stream, as in {@link NTriplesStreamWriter}.
 *
 * <p>Buffered: everything reaches the stream at {@link #endRDF()} (or when the buffer fills), which flushes but does
 * not close it. Not thread-safe.
 */
final class TurtleStreamWriter extends StreamWriterBase {
    private static final String RDF_TYPE = Iris.RDF + "type";

    /** Declared prefixes in order (prefix → namespace); {@link #table} is rebuilt from it. */
    private final Map<String, String> declared = new LinkedHashMap<>();

    private final NamespaceTable table = new NamespaceTable();
    private Resource subject;
    private IRI predicate;
    private boolean blankLineDue;

    public TurtleStreamWriter(OutputStream out) {
        super(out);
    }

    @Override
    public RDFFormat getRDFFormat() {
        return RDFFormat.TURTLE;
    }

    @Override
    public void endRDF() {
        closeSubject();
        bytes.flush();
    }

    /** {@code @prefix prefix: <uri> .}, also between statements; prefixes Turtle cannot name are left out. */
    @Override
    public void handleNamespace(String prefix, String uri) {
        if (!validPrefix(prefix)) {
            return;
        }
        closeSubject();
        bytes.asciiString("@prefix ");
        bytes.asciiString(prefix);
        bytes.asciiString(": ");
        bytes.iri(uri);
        bytes.asciiString(" .\n");
        declared.remove(prefix); // re-declared: moves last, so it wins for its namespace
        declared.put(prefix, uri);
        table.rebuild(declared);
        bytes.clearCache(); // names written before may now have a prefix
        blankLineDue = true;
    }

    @Override
    public void handleStatement(Statement statement) {
        triple(statement.getSubject(), statement.getPredicate(), statement.getObject());
    }

    @Override
    public void triple(Resource s, IRI p, Value o) {
        if (subject != null && (s == subject || s.equals(subject))) {
            if (p == predicate || p.equals(predicate)) {
                bytes.asciiString(", ");
            } else {
                bytes.asciiString(" ;\n\t");
                predicate(p);
                bytes.ascii(' ');
            }
        } else {
            if (subject != null) {
                bytes.asciiString(" .\n\n");
            } else if (blankLineDue) {
                bytes.ascii('\n');
            }
            blankLineDue = false;
            resource(s);
            bytes.ascii(' ');
            predicate(p);
            bytes.ascii(' ');
        }
        if (o instanceof Literal literal) {
            bytes.literalWithoutDatatype(literal);
            if (RdfBytes.hasDatatype(literal)) {
                bytes.ascii('^');
                bytes.ascii('^');
                iri(literal.getDatatype());
            }
        } else {
            resource((Resource) o);
        }
        subject = s;
        predicate = p;
    }

    @Override
    public void handleComment(String comment) {
        closeSubject();
        bytes.comment(comment);
    }

    private void closeSubject() {
        if (subject != null) {
            bytes.asciiString(" .\n");
            subject = null;
            predicate = null;
            blankLineDue = true;
        }
    }

    private void predicate(IRI p) {
        if (p == Iris.RDF_TYPE || RDF_TYPE.equals(p.stringValue())) {
            bytes.ascii('a');
        } else if (!bytes.cached(p)) {
            int mark = bytes.mark();
            iri(p);
            bytes.remember(p, mark);
        }
    }

    private void resource(Resource r) {
        if (r instanceof IRI iri) {
            iri(iri);
        } else if (r instanceof BNode bnode) {
            bytes.bnode(bnode.getID());
        } else {
            throw new RDFHandlerException("not writable as Turtle: " + r);
        }
    }

    /** {@code prefix:local} when a declared namespace ends at the last {@code /} or {@code #}, else {@code <iri>}. */
    private void iri(IRI iri) {
        String s = iri.stringValue();
        int split = Math.max(s.lastIndexOf('/'), s.lastIndexOf('#')) + 1;
        if (split > 0) {
            String prefix = table.prefixOf(s, split);
            if (prefix != null && RdfBytes.plainLocalName(s, split)) {
                bytes.asciiString(prefix);
                bytes.ascii(':');
                bytes.asciiString(s, split, s.length());
                return;
            }
        }
        bytes.iri(s);
    }

    /** Turtle's PN_PREFIX, ASCII only: empty, or a letter then {@code [A-Za-z0-9_.-]}, not ending with {@code .}. */
    private static boolean validPrefix(String prefix) {
        int n = prefix.length();
        if (n == 0) {
            return true;
        }
        char first = prefix.charAt(0);
        if (!((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z'))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = prefix.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '-'
                    || (c == '.' && i < n - 1);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Namespace → prefix, looked up by a prefix of an IRI string without cutting it out: open addressing over
     * {@link String#hashCode()}'s polynomial, computed on the region.
     */
    private static final class NamespaceTable {
        private String[] namespaces = new String[16];
        private String[] prefixes = new String[16];

        void rebuild(Map<String, String> declared) {
            int capacity = 16;
            while (capacity < declared.size() * 4) {
                capacity <<= 1;
            }
            namespaces = new String[capacity];
            prefixes = new String[capacity];
            declared.forEach((prefix, namespace) -> {
                int i = slot(namespace.hashCode());
                while (namespaces[i] != null && !namespaces[i].equals(namespace)) {
                    i = (i + 1) & (namespaces.length - 1);
                }
                namespaces[i] = namespace;
                prefixes[i] = prefix;
            });
        }

        String prefixOf(String iri, int length) {
            int h = 0;
            for (int i = 0; i < length; i++) {
                h = 31 * h + iri.charAt(i);
            }
            for (int i = slot(h); namespaces[i] != null; i = (i + 1) & (namespaces.length - 1)) {
                String namespace = namespaces[i];
                if (namespace.length() == length && iri.startsWith(namespace)) {
                    return prefixes[i];
                }
            }
            return null;
        }

        private int slot(int hash) {
            return (hash ^ (hash >>> 16)) & (namespaces.length - 1);
        }
    }
}
