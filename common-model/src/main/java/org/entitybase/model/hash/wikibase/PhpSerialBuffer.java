package org.entitybase.model.hash.wikibase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

import org.entitybase.model.json.PhpNumbers;

/**
 * A reusable, growable byte buffer that writes the pieces of PHP {@code serialize()} (HASHES.md §1) and of PHP
 * {@code json_encode} (§3.7) straight as UTF-8 bytes, so a pre-image is built without intermediate Strings.
 *
 * <p>The {@code C:} form needs the payload's byte length before the payload. {@link #beginSerializable} writes the
 * class part and remembers where the payload starts; {@link #endSerializable} then inserts {@code <len>:{} in front
 * of the payload (one small array shift) and closes it. Nesting works because an inner shift only moves bytes after
 * the outer mark.
 *
 * <p>Not thread-safe: each thread uses its own instance (see {@link HashScratch}).
 */
final class PhpSerialBuffer {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes = new byte[512];
    private int length;

    void reset() {
        length = 0;
    }

    int length() {
        return length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** Feeds the whole content into a digest (which the caller has reset). */
    byte[] digest(MessageDigest digest) {
        digest.update(bytes, 0, length);
        return digest.digest();
    }

    private void ensure(int extra) {
        int needed = length + extra;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }

    PhpSerialBuffer raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
        return this;
    }

    PhpSerialBuffer raw(byte b) {
        ensure(1);
        bytes[length++] = b;
        return this;
    }

    /** Characters known to be ASCII (ids, fixed tokens). */
    PhpSerialBuffer ascii(CharSequence s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
        return this;
    }

    PhpSerialBuffer decimal(long n) {
        if (n < 0) {
            raw((byte) '-');
            if (n == Long.MIN_VALUE) {
                return ascii("9223372036854775808");
            }
            n = -n;
        }
        int digits = decimalDigits(n);
        ensure(digits);
        int end = length + digits;
        for (int i = end - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + (n % 10));
            n /= 10;
        }
        length = end;
        return this;
    }

    private static int decimalDigits(long n) {
        int d = 1;
        while (n >= 10) {
            n /= 10;
            d++;
        }
        return d;
    }

    /** The UTF-8 bytes of {@code s}; unpaired surrogates become '?' as in {@link String#getBytes}. */
    PhpSerialBuffer utf8(String s) {
        int n = s.length();
        ensure(n * 3);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | (c >> 6));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                bytes[length++] = (byte) (0xF0 | (cp >> 18));
                bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                bytes[length++] = (byte) '?';
            } else {
                bytes[length++] = (byte) (0xE0 | (c >> 12));
                bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return this;
    }

    /** {@code S(x)}: {@code s:<byte length>:"<bytes>";}. */
    PhpSerialBuffer phpString(String s) {
        ascii("s:");
        int lengthAt = length;
        // Write the bytes first, then insert the byte length in front: avoids a second pass over the string.
        utf8(s);
        int byteLength = length - lengthAt;
        insertAt(lengthAt, byteLength, ":\"");
        return ascii("\";");
    }

    /** {@code I(n)}: {@code i:<n>;}. */
    PhpSerialBuffer phpInt(long n) {
        return ascii("i:").decimal(n).raw((byte) ';');
    }

    /** Starts {@code C(Class, payload)}; {@code classHeader} is the precomputed {@code C:<len>:"<Class>":}. */
    int beginSerializable(byte[] classHeader) {
        raw(classHeader);
        return length;
    }

    /** Ends the {@code C:} started at {@code mark}: inserts {@code <payload length>:{} and appends {@code }}. */
    void endSerializable(int mark) {
        insertAt(mark, length - mark, ":{");
        raw((byte) '}');
    }

    /** Inserts the decimal {@code n} followed by the ASCII {@code suffix} at {@code at}, shifting what follows. */
    private void insertAt(int at, int n, String suffix) {
        int insert = decimalDigits(n) + suffix.length();
        ensure(insert);
        System.arraycopy(bytes, at, bytes, at + insert, length - at);
        int saved = length;
        length = at;
        decimal(n).ascii(suffix);
        length = saved + insert;
    }

    /** A string as PHP {@code json_encode} writes it with default flags (HASHES.md §3.7). */
    PhpSerialBuffer jsonString(String s) {
        raw((byte) '"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> ascii("\\\"");
                case '\\' -> ascii("\\\\");
                case '/' -> ascii("\\/");
                case '\b' -> ascii("\\b");
                case '\f' -> ascii("\\f");
                case '\n' -> ascii("\\n");
                case '\r' -> ascii("\\r");
                case '\t' -> ascii("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x80) {
                        // Non-ASCII as \\uXXXX per UTF-16 unit (a pair above U+FFFF), lowercase hex, as PHP does.
                        ensure(6);
                        bytes[length++] = '\\';
                        bytes[length++] = 'u';
                        bytes[length++] = HEX[(c >> 12) & 0xF];
                        bytes[length++] = HEX[(c >> 8) & 0xF];
                        bytes[length++] = HEX[(c >> 4) & 0xF];
                        bytes[length++] = HEX[c & 0xF];
                    } else {
                        raw((byte) c);
                    }
                }
            }
        }
        return raw((byte) '"');
    }

    /** A double as PHP {@code json_encode} writes it (shortest round-trip digits, §3.7). */
    PhpSerialBuffer jsonDouble(double d) {
        return ascii(PhpNumbers.jsonEncodeDouble(d));
    }

    /** The precomputed {@code C:<len>:"<Class>":} prefix for a class name. */
    static byte[] classHeader(String className) {
        byte[] name = className.getBytes(StandardCharsets.UTF_8);
        return ("C:" + name.length + ":\"" + className + "\":").getBytes(StandardCharsets.UTF_8);
    }
}
