package org.entitybase.model.json;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.entitybase.model.error.WikibaseJsonException;
import org.entitybase.model.error.WikibaseJsonException.Kind;

/**
 * Request bodies that are plain JSON rather than Wikibase JSON (a redirect, a protection change, a batch of hashes),
 * read as a tree with the same rules as {@link WikibaseJsonReader#strict()}: invalid UTF-8, raw control characters and
 * lone surrogates are a {@link WikibaseJsonException} ({@code invalid-json}) with the path of the bad value, never
 * a tree that fails later. Every JSON request body of every service is read by one of the two.
 */
public final class StrictJson {
    /**
     * Floats as exact BigDecimals: a double would turn {@code 1e400} into Infinity, which Jackson writes back as the
     * string "Infinity", so a number became a valid string once a route re-serialized the tree (found by the fuzz).
     */
    private static final ObjectMapper TREES = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private StrictJson() {}

    /** The body as a tree; an empty body is a {@code SYNTAX} error at the root. */
    public static JsonNode readTree(byte[] body) {
        Utf8Check.requireValid(body); // Jackson does not check the bytes of keys
        JsonParser parser;
        try {
            parser = new StrictJsonParser(JsonFactories.FACTORY.createParser(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (parser) {
            JsonNode tree = TREES.readTree(parser);
            if (tree == null || tree.isMissingNode()) {
                throw new WikibaseJsonException(Kind.SYNTAX, "", "empty body; expected JSON");
            }
            if (parser.nextToken() != null) {
                throw new WikibaseJsonException(Kind.SYNTAX, "", "unexpected content after the JSON value");
            }
            return tree;
        } catch (Exception e) {
            throw WikibaseJsonReader.located(e, parser);
        }
    }
}
