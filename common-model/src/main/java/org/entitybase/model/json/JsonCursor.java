package org.entitybase.model.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.entitybase.model.error.WikibaseJsonException;
import org.entitybase.model.error.WikibaseJsonException.Kind;

/**
 * A Jackson parser with the token checks the codec needs, every failure located by the parser's own context (see
 * {@link JsonPaths#of}). The {@code next*} methods advance to the next token and check it.
 */
final class JsonCursor {
    final JsonParser p;

    JsonCursor(JsonParser p) {
        this.p = p;
    }

    /** The path of the current value (or, just after it closed, of the last object or array). */
    String here() {
        return JsonPaths.of(p.getParsingContext());
    }

    WikibaseJsonException error(Kind kind, String relative, String detail) {
        return new WikibaseJsonException(kind, JsonPaths.join(here(), relative), detail);
    }

    WikibaseJsonException invalid(String relative, String detail) {
        return error(Kind.INVALID_VALUE, relative, detail);
    }

    WikibaseJsonException missing(String relative, String detail) {
        return error(Kind.MISSING_FIELD, relative, detail);
    }

    WikibaseJsonException inconsistent(String relative, String detail) {
        return error(Kind.INCONSISTENT, relative, detail);
    }

    WikibaseJsonException wrongType(JsonToken token, String expected) {
        return invalid("", "must be " + expected + ", not " + describe(token));
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "missing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString();
        };
    }

    /** Marks a fixed field as seen; its second occurrence is an error (Jackson keeps the last one silently). */
    int once(int seen, int bit) {
        if ((seen & bit) != 0) {
            throw invalid("", "duplicate key");
        }
        return seen | bit;
    }

    String nextString() throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.VALUE_STRING) {
            throw wrongType(t, "a string");
        }
        return p.getText();
    }

    String nextNonEmptyString() throws IOException {
        String s = nextString();
        if (s.isEmpty()) {
            throw invalid("", "must not be empty");
        }
        return s;
    }

    /** An integer within [min, max]; a float or an out-of-range integer is an error, never a silent truncation. */
    long nextLong(long min, long max) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType(t, "an integer");
        }
        JsonParser.NumberType type = p.getNumberType();
        if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
            throw invalid("", "must be an integer from " + min + " to " + max + ", not " + p.getText());
        }
        long value = p.getLongValue();
        if (value < min || value > max) {
            throw invalid("", "must be an integer from " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    void nextObject(String expected) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
            throw wrongType(t, expected);
        }
    }

    void nextArray(String expected) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_ARRAY) {
            throw wrongType(t, expected);
        }
    }

    /**
     * Starts a map-valued field: true at {@code {}}'s start, false for {@code []}, which is how PHP encodes an empty
     * map (the array is consumed). A non-empty array is an error.
     */
    boolean nextMap(String expected) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_OBJECT) {
            return true;
        }
        if (t == JsonToken.START_ARRAY) {
            String path = here();
            if (p.nextToken() == JsonToken.END_ARRAY) {
                return false;
            }
            throw new WikibaseJsonException(
                    Kind.INVALID_VALUE,
                    path,
                    "must be " + expected + "; only an empty array may stand for an empty map");
        }
        throw wrongType(t, expected);
    }

    /** Skips the value of a field that the codec does not read. */
    void skipValue() throws IOException {
        p.nextToken();
        p.skipChildren();
    }
}
