package org.entitybase.model.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;

import org.entitybase.model.error.WikibaseJsonException;
import org.entitybase.model.error.WikibaseJsonException.Kind;

/**
 * Well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF) for a whole JSON body, before
 * it is parsed. Jackson checks the bytes of string values but not of keys: a key holding a byte that is never UTF-8
 * passed as some other key (found by the fuzz suite), so the whole input is checked once, up front.
 */
final class Utf8Check {
    private Utf8Check() {}

    /** Throws {@code invalid-json} with the path of the value (or, for a key, of its object) holding the bad byte. */
    static void requireValid(byte[] json) {
        int bad = firstInvalid(json);
        if (bad >= 0) {
            throw new WikibaseJsonException(
                    Kind.SYNTAX, pathAt(json, bad), "not valid UTF-8 at byte " + bad + " of the body");
        }
    }

    /** The offset of the first byte that does not belong to a well-formed sequence, or -1. */
    static int firstInvalid(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min2 = 0x80;
            int max2 = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                if (c == 0xE0) {
                    min2 = 0xA0; // no overlong forms
                } else if (c == 0xED) {
                    max2 = 0x9F; // no surrogates
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                if (c == 0xF0) {
                    min2 = 0x90;
                } else if (c == 0xF4) {
                    max2 = 0x8F; // nothing above U+10FFFF
                }
            } else {
                return i;
            }
            if (i + need >= n) {
                return i; // the sequence runs past the end
            }
            int second = b[i + 1] & 0xFF;
            if (second < min2 || second > max2) {
                return i;
            }
            for (int k = 2; k <= need; k++) {
                int cont = b[i + k] & 0xFF;
                if (cont < 0x80 || cont > 0xBF) {
                    return i;
                }
            }
            i += need + 1;
        }
        return -1;
    }

    /** The path of the token that holds byte {@code offset}: the last one starting at or before it. */
    private static String pathAt(byte[] json, int offset) {
        String path = "";
        JsonParser parser = null;
        try {
            parser = JsonFactories.FACTORY.createParser(json);
            while (parser.nextToken() != null) {
                if (parser.currentTokenLocation().getByteOffset() > offset) {
                    return path;
                }
                path = JsonPaths.of(parser.getParsingContext());
            }
            return path;
        } catch (IOException | RuntimeException e) {
            // Jackson stopped at the bad byte itself (inside a string): its context is the place
            return parser != null ? JsonPaths.of(parser.getParsingContext()) : path;
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException e) {
                    // in-memory input
                }
            }
        }
    }
}
