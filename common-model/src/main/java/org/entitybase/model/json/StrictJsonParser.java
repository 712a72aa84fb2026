package org.entitybase.model.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import org.entitybase.model.error.WikibaseJsonException;
import org.entitybase.model.error.WikibaseJsonException.Kind;

/**
 * A parser that refuses text Jackson lets through: a lone UTF-16 surrogate in a string or key, whether escaped
 * ({@code "\ud800"}) or raw (the 3-byte UTF-8 form of a surrogate, which Jackson decodes without complaint). Such text
 * cannot be stored (it has no UTF-8 form; the canonicalizer refuses it), so it is a 400 with the path of the value.
 * Jackson itself already refuses invalid UTF-8 and raw control characters in strings.
 */
final class StrictJsonParser extends JsonParserDelegate {

    StrictJsonParser(JsonParser d) {
        super(d);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken t = delegate.nextToken();
        if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
            check(t);
        }
        return t;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken t = nextToken();
        return t == JsonToken.FIELD_NAME ? nextToken() : t;
    }

    @Override
    public String nextFieldName() throws IOException {
        return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
    }

    @Override
    public String nextTextValue() throws IOException {
        return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
    }

    private void check(JsonToken t) throws IOException {
        char[] text = delegate.getTextCharacters();
        int start = delegate.getTextOffset();
        int end = start + delegate.getTextLength();
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text[i + 1])) {
                i++; // a pair: one supplementary character
                continue;
            }
            String what = t == JsonToken.FIELD_NAME ? "key" : "string";
            throw new WikibaseJsonException(
                    Kind.SYNTAX,
                    JsonPaths.of(delegate.getParsingContext()),
                    String.format(
                            "%s holds a lone UTF-16 surrogate \\u%04x at character %d: not valid Unicode",
                            what, (int) c, i - start));
        }
    }
}
