package org.entitybase.model.hash.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entitybase.model.json.PhpNumbers;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS) over Jackson trees: object members sorted by the UTF-16 code units of
 * their names, no whitespace, numbers as ECMAScript {@code Number.prototype.toString}, strings escaped as
 * ECMAScript {@code JSON.stringify} does, output in UTF-8. The canonical bytes are what content addresses hash.
 *
 * <p>Integers outside ±2^53 are rejected rather than rounded to a double (as RFC 8785 would do): for content
 * addressing, two different inputs must never canonicalize to the same bytes.
 */
public final class JsonCanonicalizer {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long MAX_SAFE_INTEGER = (1L << 53);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static final int MAX_DEPTH = 32;

    private byte[] out = new byte[256];
    private int length;
    // streaming writer state: per open object/array, whether a member was written and (objects) the last name
    private final boolean[] started = new boolean[MAX_DEPTH];
    private final String[] lastName = new String[MAX_DEPTH];
    private int depth;
    private boolean afterName;

    private JsonCanonicalizer() {}

    /**
     * A writer of canonical JSON straight from values, without building a tree: the caller writes each object's
     * members in canonical order (by UTF-16 code units of their names; a name out of order throws), numbers and
     * strings are written as {@link #canonicalize(JsonNode)} writes them. The split of an entity writes its leaves
     * so (docs/BENCHMARKS.md: writing each leaf as Wikibase JSON and parsing it back cost most of the split's
     * allocation). Not thread-safe; {@link #reset} between documents.
     */
    public static JsonCanonicalizer writer() {
        return new JsonCanonicalizer();
    }

    /** Forgets what was written; the buffer is kept. */
    public JsonCanonicalizer reset() {
        length = 0;
        depth = 0;
        afterName = false;
        return this;
    }

    /** The canonical bytes written since the last {@link #reset}. */
    public byte[] toBytes() {
        if (depth != 0) {
            throw new IllegalStateException("unclosed object or array");
        }
        return Arrays.copyOf(out, length);
    }

    public void startObject() {
        beforeValue();
        put((byte) '{');
        open();
    }

    public void endObject() {
        depth--;
        put((byte) '}');
    }

    public void startArray() {
        beforeValue();
        put((byte) '[');
        open();
    }

    public void endArray() {
        depth--;
        put((byte) ']');
    }

    /** The next member's name: must sort after the previous member's of the same object. */
    public void name(String name) {
        String previous = lastName[depth - 1];
        if (previous != null && previous.compareTo(name) >= 0) {
            throw new IllegalStateException("member " + name + " written after " + previous + ": not canonical order");
        }
        lastName[depth - 1] = name;
        if (started[depth - 1]) {
            put((byte) ',');
        }
        started[depth - 1] = true;
        writeString(name);
        put((byte) ':');
        afterName = true;
    }

    public void string(String value) {
        beforeValue();
        writeString(value);
    }

    /** An integer: as a tree's integral number (beyond ±2^53 rejected). */
    public void integer(long value) {
        beforeValue();
        writeLong(value);
    }

    /**
     * A number given as JSON text (e.g. {@code PhpNumbers.jsonEncodeDouble}): canonical exactly as when the text is
     * parsed into a tree first, integral text as an integer, any other as a double.
     */
    public void number(String json) {
        beforeValue();
        boolean integral = true;
        for (int i = 0; i < json.length() && integral; i++) {
            char c = json.charAt(i);
            integral = c != '.' && c != 'e' && c != 'E';
        }
        if (!integral) {
            ascii(formatNumber(Double.parseDouble(json)));
            return;
        }
        long v;
        try {
            v = Long.parseLong(json);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("integer beyond ±2^53 has no exact JCS form: " + json, e);
        }
        writeLong(v);
    }

    public void nullValue() {
        beforeValue();
        ascii("null");
    }

    private void open() {
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException("nested deeper than " + MAX_DEPTH);
        }
        started[depth] = false;
        lastName[depth] = null;
        depth++;
    }

    /** Array elements are separated by commas; a member's value follows its name. */
    private void beforeValue() {
        if (afterName) {
            afterName = false;
        } else if (depth > 0) {
            if (started[depth - 1]) {
                put((byte) ',');
            }
            started[depth - 1] = true;
        }
    }

    /** The canonical UTF-8 bytes of {@code node}. */
    public static byte[] canonicalize(JsonNode node) {
        JsonCanonicalizer c = new JsonCanonicalizer();
        c.write(node);
        return Arrays.copyOf(c.out, c.length);
    }

    /** Parses {@code json} (any JSON text) and returns its canonical bytes. */
    public static byte[] canonicalize(byte[] json) {
        try {
            return canonicalize(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON", e);
        }
    }

    /** ECMAScript {@code Number.prototype.toString(d)} for a finite double: the JCS number form. */
    public static String formatNumber(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("JSON has no form for " + d);
        }
        if (d == 0) {
            return "0"; // -0 too
        }
        // The shortest round-trip digits (closest if several), as ES requires; PHP's json_encode yields exactly
        // those, in a form BigDecimal parses.
        BigDecimal shortest = new BigDecimal(PhpNumbers.jsonEncodeDouble(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = 0.digits × 10^n, ES's n
        StringBuilder sb = new StringBuilder(k + 8);
        if (d < 0) {
            sb.append('-');
        }
        if (k <= n && n <= 21) {
            sb.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            sb.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            sb.append(digits.charAt(0));
            if (k > 1) {
                sb.append('.').append(digits, 1, k);
            }
            sb.append('e').append(n - 1 < 0 ? '-' : '+').append(Math.abs(n - 1));
        }
        return sb.toString();
    }

    private void write(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node);
            case ARRAY -> {
                put((byte) '[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        put((byte) ',');
                    }
                    write(node.get(i));
                }
                put((byte) ']');
            }
            case STRING -> writeString(node.textValue());
            case NUMBER -> writeNumber(node);
            case BOOLEAN -> ascii(node.booleanValue() ? "true" : "false");
            case NULL -> ascii("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private void writeObject(JsonNode node) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.size());
        members.addAll(node.properties());
        // String order is UTF-16 code unit order, which is what RFC 8785 §3.2.3 prescribes.
        Collections.sort(members, Map.Entry.comparingByKey());
        put((byte) '{');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                put((byte) ',');
            }
            writeString(members.get(i).getKey());
            put((byte) ':');
            write(members.get(i).getValue());
        }
        put((byte) '}');
    }

    private void writeNumber(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            writeLong(node.longValue());
        } else if (node.isIntegralNumber()) {
            throw new IllegalArgumentException("integer beyond ±2^53 has no exact JCS form: " + node);
        } else {
            ascii(formatNumber(node.doubleValue()));
        }
    }

    private void writeLong(long v) {
        if (v < -MAX_SAFE_INTEGER || v > MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("integer beyond ±2^53 has no exact JCS form: " + v);
        }
        // An integral double below 1e21 prints as its plain digits in ECMAScript.
        ascii(Long.toString(v));
    }

    /** JSON.stringify escaping: {@code \" \\ \b \f \n \r \t}, other controls as six-character u-escapes (lowercase hex), the rest raw UTF-8. */
    private void writeString(String s) {
        put((byte) '"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> ascii("\\\"");
                case '\\' -> ascii("\\\\");
                case '\b' -> ascii("\\b");
                case '\f' -> ascii("\\f");
                case '\n' -> ascii("\\n");
                case '\r' -> ascii("\\r");
                case '\t' -> ascii("\\t");
                default -> {
                    if (c < 0x20) {
                        ascii("\\u00");
                        put(HEX[c >> 4]);
                        put(HEX[c & 0xF]);
                    } else if (c < 0x80) {
                        put((byte) c);
                    } else if (c < 0x800) {
                        put((byte) (0xC0 | (c >> 6)));
                        put((byte) (0x80 | (c & 0x3F)));
                    } else if (Character.isSurrogate(c)) {
                        if (!Character.isHighSurrogate(c)
                                || i + 1 >= s.length()
                                || !Character.isLowSurrogate(s.charAt(i + 1))) {
                            throw new IllegalArgumentException("lone surrogate in JSON string at index " + i);
                        }
                        int cp = Character.toCodePoint(c, s.charAt(++i));
                        put((byte) (0xF0 | (cp >> 18)));
                        put((byte) (0x80 | ((cp >> 12) & 0x3F)));
                        put((byte) (0x80 | ((cp >> 6) & 0x3F)));
                        put((byte) (0x80 | (cp & 0x3F)));
                    } else {
                        put((byte) (0xE0 | (c >> 12)));
                        put((byte) (0x80 | ((c >> 6) & 0x3F)));
                        put((byte) (0x80 | (c & 0x3F)));
                    }
                }
            }
        }
        put((byte) '"');
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            put((byte) s.charAt(i));
        }
    }

    private void put(byte b) {
        if (length == out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        out[length++] = b;
    }
}
