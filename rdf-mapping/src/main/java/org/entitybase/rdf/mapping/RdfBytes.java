package org.entitybase.rdf.mapping;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.base.CoreDatatype;
import org.eclipse.rdf4j.rio.RDFHandlerException;

/**
 * The byte level of {@link NTriplesStreamWriter} and {@link TurtleStreamWriter}: UTF-8 straight into a buffer over the
 * output stream, escaping strings as RDF 1.2's canonical N-Triples does (which Turtle shares for short strings) and
 * percent-encoding what IRIs may not hold. Terms are encoded char by char from their strings, so writing a triple allocates nothing.
 *
 * <p>Unpaired surrogates (which UTF-8 cannot encode) are written as {@code ?}, as Java's UTF-8 encoder and so RDF4J's
 * writers do.
 */
final class RdfBytes {
    private static final int BUFFER_BYTES = 1 << 15;

    /** Chars encoded per capacity check; at most 6 bytes each ({@code \u005Cu00XX}), plus a surrogate pair's slack. */
    private static final int CHUNK_CHARS = 1 << 10;

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /** ASCII chars written as they are inside an IRI ({@code <…>}): not controls, space or {@code <>"{}|^`\}. */
    private static final boolean[] IRI_PLAIN = new boolean[128];

    /** ASCII chars written as they are inside a quoted string: not controls, DEL, {@code "} or {@code \}. */
    private static final boolean[] STRING_PLAIN = new boolean[128];

    /** ASCII chars of blank node labels (and Turtle local names) written as they are: {@code [A-Za-z0-9_-]}. */
    private static final boolean[] NAME_CHAR = new boolean[128];

    /** The letter of each ECHAR escape in strings ({@code \\n} → {@code n}), 0 where a UCHAR is written. */
    private static final byte[] ECHAR = new byte[128];

    static {
        ECHAR['\b'] = 'b';
        ECHAR['\t'] = 't';
        ECHAR['\n'] = 'n';
        ECHAR['\f'] = 'f';
        ECHAR['\r'] = 'r';
        ECHAR['"'] = '"';
        ECHAR['\\'] = '\\';
        for (int c = 0x21; c < 0x7F; c++) {
            IRI_PLAIN[c] = "<>\"{}|^`\\".indexOf(c) < 0;
        }
        for (int c = 0x20; c < 0x7F; c++) {
            STRING_PLAIN[c] = c != '"' && c != '\\';
        }
        for (int c = 0; c < 128; c++) {
            NAME_CHAR[c] =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        }
    }

    /** Slots of the term cache, a power of two. */
    private static final int CACHE_SLOTS = 256;

    /** Longest encoding the term cache keeps. */
    private static final int CACHE_MAX_BYTES = 512;

    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER_BYTES];
    private int pos;

    /** Times the buffer went to the stream: a mark taken before the last drain no longer points at the bytes. */
    private int drains;

    private int markDrains;

    /**
     * Encoded terms by identity, direct-mapped: predicates ({@link PropertyIris}, {@link Iris}) are a few hundred
     * long-lived IRIs written again and again; the mapping passes a node's subject IRI as the same object for all
     * its triples, so the last subject (and object) is kept apart.
     */
    private final Object[] cachedTerms = new Object[CACHE_SLOTS];

    private final byte[][] cachedBytes = new byte[CACHE_SLOTS][];
    private Object lastSubject;
    private byte[] lastSubjectBytes;

    /** The last object, kept too: a label is one literal written with three predicates in a row. */
    private Object lastObject;

    private byte[] lastObjectBytes;

    RdfBytes(OutputStream out) {
        this.out = out;
    }

    // ---------------------------------------------------------------- terms

    /** An N-Triples term: {@code <iri>}, {@code _:label} or a literal with its language tag or datatype IRI. */
    void ntTerm(Value value) {
        if (value instanceof IRI iri) {
            iri(iri.stringValue());
        } else if (value instanceof Literal literal) {
            literalWithoutDatatype(literal);
            if (hasDatatype(literal)) {
                ascii('^');
                ascii('^');
                iri(literal.getDatatype().stringValue());
            }
        } else if (value instanceof BNode bnode) {
            bnode(bnode.getID());
        } else {
            throw new RDFHandlerException("not writable as N-Triples: " + value);
        }
    }

    /** {@code <iri>}, percent-encoding the ASCII chars IRIREF does not allow. */
    void iri(String iri) {
        ascii('<');
        escaped(iri, IRI_PLAIN);
        ascii('>');
    }

    /** The quoted lexical form and, for language-tagged strings, {@code @tag}. */
    void literalWithoutDatatype(Literal literal) {
        ascii('"');
        escaped(literal.getLabel(), STRING_PLAIN);
        ascii('"');
        if (literal.getCoreDatatype() == CoreDatatype.RDF.LANGSTRING) {
            ascii('@');
            escaped(literal.getLanguage().orElse(""), STRING_PLAIN);
        }
    }

    /** True when the literal's datatype is written: neither a language-tagged string nor an {@code xsd:string}. */
    static boolean hasDatatype(Literal literal) {
        CoreDatatype core = literal.getCoreDatatype();
        return core != CoreDatatype.RDF.LANGSTRING && core != CoreDatatype.XSD.STRING;
    }

    /**
     * {@code _:label}. Labels outside {@code [A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?} (valid in both N-Triples and
     * Turtle) are written as {@code b·} and the hex of their UTF-8 bytes: the middle dot never appears in a label
     * written as it is, so distinct labels stay distinct.
     */
    void bnode(String id) {
        ascii('_');
        ascii(':');
        if (plainLabel(id)) {
            asciiString(id);
            return;
        }
        ascii('b');
        utf8Char('\u00B7');
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            ensure(2);
            buf[pos++] = HEX[(b >> 4) & 0xF];
            buf[pos++] = HEX[b & 0xF];
        }
    }

    private static boolean plainLabel(String id) {
        int n = id.length();
        if (n == 0) {
            return false;
        }
        char first = id.charAt(0);
        if (first >= 128 || !NAME_CHAR[first] || first == '-') {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = id.charAt(i);
            if (c >= 128 || !(NAME_CHAR[c] || (c == '.' && i < n - 1))) {
                return false;
            }
        }
        return true;
    }

    /** A Turtle local name written as it is: {@code [A-Za-z0-9_]?[A-Za-z0-9_-]*} from {@code from} to the end. */
    static boolean plainLocalName(String s, int from) {
        int n = s.length();
        if (from < n) {
            char first = s.charAt(from);
            if (first >= 128 || !NAME_CHAR[first] || first == '-') {
                return false;
            }
        }
        for (int i = from + 1; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 128 || !NAME_CHAR[c]) {
                return false;
            }
        }
        return true;
    }

    /** A statement as one N-Triples line. */
    void ntLine(Resource subject, IRI predicate, Value object) {
        if (subject == lastSubject) {
            bytes(lastSubjectBytes);
        } else {
            int mark = mark();
            ntTerm(subject);
            lastSubjectBytes = since(mark);
            lastSubject = lastSubjectBytes == null ? null : subject;
        }
        ascii(' ');
        if (!cached(predicate)) {
            int mark = mark();
            iri(predicate.stringValue());
            remember(predicate, mark);
        }
        ascii(' ');
        if (object == lastObject) {
            bytes(lastObjectBytes);
        } else {
            int mark = mark();
            ntTerm(object);
            lastObjectBytes = since(mark);
            lastObject = lastObjectBytes == null ? null : object;
        }
        ascii(' ');
        ascii('.');
        ascii('\n');
    }

    void ntLine(Statement statement) {
        ntLine(statement.getSubject(), statement.getPredicate(), statement.getObject());
    }

    /** {@code # text} lines, one per line of {@code text}. */
    void comment(String text) {
        for (String line : text.split("\r\n|\r|\n", -1)) {
            ascii('#');
            ascii(' ');
            escaped(line, STRING_PLAIN);
            ascii('\n');
        }
    }

    // ---------------------------------------------------------------- term cache

    /** Writes what was remembered for {@code term} (this very object), if it still is; false otherwise. */
    boolean cached(Object term) {
        int slot = System.identityHashCode(term) & (CACHE_SLOTS - 1);
        if (cachedTerms[slot] != term) {
            return false;
        }
        bytes(cachedBytes[slot]);
        return true;
    }

    /** Remembers the bytes written for {@code term} since {@code mark}. */
    void remember(Object term, int mark) {
        byte[] encoded = since(mark);
        if (encoded != null) {
            int slot = System.identityHashCode(term) & (CACHE_SLOTS - 1);
            cachedTerms[slot] = term;
            cachedBytes[slot] = encoded;
        }
    }

    /** Forgets every remembered term (their encoding changed, as Turtle's does with new prefixes). */
    void clearCache() {
        Arrays.fill(cachedTerms, null);
        Arrays.fill(cachedBytes, null);
        lastSubject = null;
        lastSubjectBytes = null;
        lastObject = null;
        lastObjectBytes = null;
    }

    int mark() {
        markDrains = drains;
        return pos;
    }

    /** A copy of the bytes written since {@code mark}; null if they already went to the stream or are too many. */
    private byte[] since(int mark) {
        if (drains != markDrains || pos - mark > CACHE_MAX_BYTES) {
            return null;
        }
        return Arrays.copyOfRange(buf, mark, pos);
    }

    // ---------------------------------------------------------------- bytes

    private void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    /** One ASCII char, unescaped. */
    void ascii(char c) {
        if (pos == buf.length) {
            drain();
        }
        buf[pos++] = (byte) c;
    }

    /** Chars known to be ASCII and to need no escaping (prefix names, validated labels and local names). */
    void asciiString(String s) {
        asciiString(s, 0, s.length());
    }

    void asciiString(String s, int from, int to) {
        int i = from;
        while (i < to) {
            int n = Math.min(to - i, buf.length);
            ensure(n);
            for (int end = i + n; i < end; i++) {
                buf[pos++] = (byte) s.charAt(i);
            }
        }
    }

    private void utf8Char(char c) {
        ensure(3);
        pos = encode(buf, pos, c);
    }

    /** {@code s} as UTF-8, ASCII chars not in {@code plain} escaped. */
    private void escaped(String s, boolean[] plain) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            int end = Math.min(n, i + CHUNK_CHARS);
            ensure((end - i) * 6 + 8);
            byte[] b = buf;
            int p = pos;
            for (; i < end; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    if (plain[c]) {
                        b[p++] = (byte) c;
                    } else {
                        p = escape(b, p, c, plain == IRI_PLAIN);
                    }
                } else if (!Character.isSurrogate(c)) {
                    p = encode(b, p, c);
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[p++] = (byte) (0xF0 | (cp >> 18));
                    b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    b[p++] = '?';
                }
            }
            pos = p;
        }
    }

    /** A BMP char that is not a surrogate, as UTF-8. */
    private static int encode(byte[] b, int p, char c) {
        if (c < 0x80) {
            b[p++] = (byte) c;
        } else if (c < 0x800) {
            b[p++] = (byte) (0xC0 | (c >> 6));
            b[p++] = (byte) (0x80 | (c & 0x3F));
        } else {
            b[p++] = (byte) (0xE0 | (c >> 12));
            b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            b[p++] = (byte) (0x80 | (c & 0x3F));
        }
        return p;
    }

    /**
     * Strings: RDF 1.2's canonical escapes, ECHAR for the named controls, quote and backslash, UCHAR for the other
     * controls. IRIs: percent-encoding, as Wikibase's writer (and RDF4J's) does, so the IRI written is a valid one.
     */
    private static int escape(byte[] b, int p, char c, boolean inIri) {
        byte echar = inIri ? 0 : ECHAR[c];
        if (echar != 0) {
            b[p++] = '\\';
            b[p++] = echar;
            return p;
        }
        if (inIri) {
            b[p++] = '%';
        } else {
            b[p++] = '\\';
            b[p++] = 'u';
            b[p++] = '0';
            b[p++] = '0';
        }
        b[p++] = HEX[c >> 4];
        b[p++] = HEX[c & 0xF];
        return p;
    }

    private void ensure(int bytes) {
        if (buf.length - pos < bytes) {
            drain();
        }
    }

    private void drain() {
        try {
            out.write(buf, 0, pos);
        } catch (IOException e) {
            throw new RDFHandlerException(e);
        }
        pos = 0;
        drains++;
    }

    /** Writes the buffer and flushes the stream (closing it stays with the caller). */
    void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new RDFHandlerException(e);
        }
    }
}
