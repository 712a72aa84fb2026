package org.entitybase.model.json;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.error.WikibaseJsonException;
import org.entitybase.model.error.WikibaseJsonException.Kind;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.lexeme.Sense;
import org.entitybase.model.sitelink.Sitelink;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.statement.Reference;
import org.entitybase.model.statement.Statement;
import org.entitybase.model.term.Term;
import org.entitybase.model.value.DataValue;

/**
 * Canonical Wikibase JSON → model, by streaming (no tree, no databind), validating as it reads. Every fault, including
 * malformed JSON, surfaces as a {@link WikibaseJsonException} with the path of the offending value; no other
 * exception escapes except {@link UncheckedIOException} for a failing {@link InputStream}.
 *
 * <p>Input: an entity object as in a dump line or Special:EntityData (items, properties, lexemes with forms and
 * senses, mediainfo), or one of the parts the REST API takes alone. Legacy shapes are normalized as described in
 * {@code docs/JSON-NORMALIZATION.md}; unknown keys are ignored.
 *
 * <p>Both modes refuse text that cannot be stored: invalid UTF-8, raw control characters and lone UTF-16 surrogates
 * in any string or key (see {@code StrictJsonParser}), with the path of the bad value.
 *
 * <p>Two modes. {@link #strict()} is for input to be stored: in addition it requires snak and reference hashes to be
 * 40 lowercase hex digits, statement ids to name their own entity (or form/sense), and statement ids to be unique in
 * the document. {@link #lenient()} is for content already stored or imported from old fixtures, which break those
 * three rules in the wild. Both instances are immutable and thread-safe.
 */
public final class WikibaseJsonReader {
    private static final WikibaseJsonReader STRICT = new WikibaseJsonReader(true);
    private static final WikibaseJsonReader LENIENT = new WikibaseJsonReader(false);

    /** Jackson's stand-in for the input in nested locations; we never include the source. */
    private static final String REDACTED_SOURCE =
            "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ";

    private final boolean strict;

    private WikibaseJsonReader(boolean strict) {
        this.strict = strict;
    }

    /** The reader for new input (REST bodies, imports to be validated). */
    public static WikibaseJsonReader strict() {
        return STRICT;
    }

    /** The reader for stored and legacy content (see the class comment for what it tolerates). */
    public static WikibaseJsonReader lenient() {
        return LENIENT;
    }

    public boolean isStrict() {
        return strict;
    }

    @FunctionalInterface
    private interface Source {
        JsonParser open() throws IOException;
    }

    @FunctionalInterface
    private interface Part<T> {
        T read(EntityJsonParser parser) throws IOException;
    }

    private static Source bytes(byte[] json) {
        return () -> {
            Utf8Check.requireValid(json); // Jackson does not check the bytes of keys
            return JsonFactories.FACTORY.createParser(json);
        };
    }

    private static Source text(String json) {
        return () -> JsonFactories.FACTORY.createParser(json);
    }

    // ---------------------------------------------------------------- entities

    public Entity readEntity(byte[] json) {
        return readEntity(json, null);
    }

    public Entity readEntity(String json) {
        return read(text(json), "an entity object", JsonToken.START_OBJECT, ep -> ep.entity(null));
    }

    /** An entity that must be of {@code expectedType} (nullable); a missing {@code type} field defaults to it. */
    public Entity readEntity(byte[] json, EntityType expectedType) {
        return read(bytes(json), "an entity object", JsonToken.START_OBJECT, ep -> ep.entity(expectedType));
    }

    /** Reads one entity; the stream is not closed. */
    public Entity readEntity(InputStream json) {
        Source source = () -> {
            JsonParser parser = JsonFactories.FACTORY.createParser(json);
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            return parser;
        };
        return read(source, "an entity object", JsonToken.START_OBJECT, ep -> ep.entity(null));
    }

    /**
     * Reads the entity object at the parser's current token (or the next one, if the parser has none yet), e.g. inside
     * a Special:EntityData envelope; leaves the parser at the object's end. Paths are relative to the parser's root.
     */
    public Entity readEntity(JsonParser source) {
        JsonParser parser = new StrictJsonParser(source);
        EntityJsonParser ep = new EntityJsonParser(parser, strict);
        try {
            JsonToken t = parser.currentToken() == null ? parser.nextToken() : parser.currentToken();
            if (t != JsonToken.START_OBJECT) {
                throw ep.cursor().wrongType(t, "an entity object");
            }
            return ep.entity(null);
        } catch (Exception e) {
            throw located(e, parser);
        }
    }

    // ---------------------------------------------------------------- statements, snaks, values

    /** A statement object; in strict mode a statement id must name {@code subject} when that is given. */
    public Statement readStatement(byte[] json, EntityId subject) {
        return read(bytes(json), "a statement object", JsonToken.START_OBJECT, ep -> ep.statementOf(subject));
    }

    public Statement readStatement(String json, EntityId subject) {
        return read(text(json), "a statement object", JsonToken.START_OBJECT, ep -> ep.statementOf(subject));
    }

    /** A JSON array of statements (of any properties). */
    public List<Statement> readStatementList(byte[] json, EntityId subject) {
        return read(bytes(json), "an array of statements", JsonToken.START_ARRAY, ep -> ep.statementList(subject));
    }

    public List<Statement> readStatementList(String json, EntityId subject) {
        return read(text(json), "an array of statements", JsonToken.START_ARRAY, ep -> ep.statementList(subject));
    }

    /** Statements grouped by property, as in {@code claims}. */
    public Map<String, List<Statement>> readStatements(byte[] json, EntityId subject) {
        return read(
                bytes(json),
                "an object of statements by property",
                null,
                ep -> map(ep, () -> ep.statementMapOf(subject)));
    }

    public Map<String, List<Statement>> readStatements(String json, EntityId subject) {
        return read(
                text(json),
                "an object of statements by property",
                null,
                ep -> map(ep, () -> ep.statementMapOf(subject)));
    }

    public Snak readSnak(byte[] json) {
        return read(bytes(json), "a snak object", JsonToken.START_OBJECT, EntityJsonParser::snak);
    }

    public Snak readSnak(String json) {
        return read(text(json), "a snak object", JsonToken.START_OBJECT, EntityJsonParser::snak);
    }

    public Reference readReference(byte[] json) {
        return read(bytes(json), "a reference object", JsonToken.START_OBJECT, EntityJsonParser::reference);
    }

    public Reference readReference(String json) {
        return read(text(json), "a reference object", JsonToken.START_OBJECT, EntityJsonParser::reference);
    }

    /** A {@code datavalue} object: {@code {"value": …, "type": …}}. */
    public DataValue readDataValue(byte[] json) {
        return read(bytes(json), "a datavalue object", JsonToken.START_OBJECT, EntityJsonParser::dataValue);
    }

    public DataValue readDataValue(String json) {
        return read(text(json), "a datavalue object", JsonToken.START_OBJECT, EntityJsonParser::dataValue);
    }

    // ---------------------------------------------------------------- terms and sitelinks

    public Term readTerm(byte[] json) {
        return read(bytes(json), "a term object", JsonToken.START_OBJECT, EntityJsonParser::term);
    }

    public Term readTerm(String json) {
        return read(text(json), "a term object", JsonToken.START_OBJECT, EntityJsonParser::term);
    }

    /** A term map as {@code labels}, {@code descriptions}, {@code lemmas}, … hold it: language → term. */
    public Map<String, Term> readTerms(byte[] json) {
        return read(bytes(json), "an object of terms by language", null, ep -> map(ep, ep::termMap));
    }

    public Map<String, Term> readTerms(String json) {
        return read(text(json), "an object of terms by language", null, ep -> map(ep, ep::termMap));
    }

    /** An alias map: language → terms. */
    public Map<String, List<Term>> readAliases(byte[] json) {
        return read(bytes(json), "an object of alias lists by language", null, ep -> map(ep, ep::aliases));
    }

    public Map<String, List<Term>> readAliases(String json) {
        return read(text(json), "an object of alias lists by language", null, ep -> map(ep, ep::aliases));
    }

    public Sitelink readSitelink(byte[] json) {
        return read(bytes(json), "a sitelink object", JsonToken.START_OBJECT, EntityJsonParser::sitelink);
    }

    public Sitelink readSitelink(String json) {
        return read(text(json), "a sitelink object", JsonToken.START_OBJECT, EntityJsonParser::sitelink);
    }

    public Map<String, Sitelink> readSitelinks(byte[] json) {
        return read(bytes(json), "an object of sitelinks by site", null, ep -> map(ep, ep::sitelinks));
    }

    public Map<String, Sitelink> readSitelinks(String json) {
        return read(text(json), "an object of sitelinks by site", null, ep -> map(ep, ep::sitelinks));
    }

    // ---------------------------------------------------------------- lexeme parts

    /** A form; its id is optional, and must belong to {@code lexemeId} when both are given. */
    public Form readForm(byte[] json, EntityId lexemeId) {
        return read(bytes(json), "a form object", JsonToken.START_OBJECT, ep -> ep.formOf(lexemeId));
    }

    public Form readForm(String json, EntityId lexemeId) {
        return read(text(json), "a form object", JsonToken.START_OBJECT, ep -> ep.formOf(lexemeId));
    }

    /** A sense; its id is optional, and must belong to {@code lexemeId} when both are given. */
    public Sense readSense(byte[] json, EntityId lexemeId) {
        return read(bytes(json), "a sense object", JsonToken.START_OBJECT, ep -> ep.senseOf(lexemeId));
    }

    public Sense readSense(String json, EntityId lexemeId) {
        return read(text(json), "a sense object", JsonToken.START_OBJECT, ep -> ep.senseOf(lexemeId));
    }

    // ---------------------------------------------------------------- machinery

    @FunctionalInterface
    private interface MapPart<M> {
        M read() throws IOException;
    }

    /** A map at the root: an object, or PHP's {@code []} for an empty one. */
    private static <K, V> Map<K, V> map(EntityJsonParser ep, MapPart<Map<K, V>> body) throws IOException {
        JsonParser p = ep.cursor().p;
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            return body.read();
        }
        if (t == JsonToken.START_ARRAY && p.nextToken() == JsonToken.END_ARRAY) {
            return Map.of();
        }
        throw new WikibaseJsonException(
                Kind.INVALID_VALUE, "", "must be an object; only an empty array may stand for an empty map");
    }

    private <T> T read(Source source, String what, JsonToken start, Part<T> part) {
        JsonParser parser;
        try {
            parser = new StrictJsonParser(source.open());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (parser) {
            EntityJsonParser ep = new EntityJsonParser(parser, strict);
            JsonToken t = parser.nextToken();
            if (t == null) {
                throw new WikibaseJsonException(Kind.SYNTAX, "", "empty input; expected " + what);
            }
            if (start != null && t != start) {
                throw ep.cursor().wrongType(t, what);
            }
            T result = part.read(ep);
            if (parser.nextToken() != null) {
                throw new WikibaseJsonException(
                        Kind.SYNTAX, "", "unexpected content after " + what + at(parser.currentLocation()));
            }
            return result;
        } catch (Exception e) {
            throw located(e, parser);
        }
    }

    /** Turns whatever went wrong into a located error; only I/O failures of the source pass as they are. */
    static RuntimeException located(Exception e, JsonParser parser) {
        if (e instanceof WikibaseJsonException w) {
            return w;
        }
        String path = pathOf(parser);
        if (e instanceof JsonProcessingException j) {
            String detail = j.getOriginalMessage().replace(REDACTED_SOURCE, "[");
            return new WikibaseJsonException(Kind.SYNTAX, path, detail + at(j.getLocation()), e);
        }
        if (e instanceof CharConversionException) {
            return new WikibaseJsonException(Kind.SYNTAX, path, "not valid UTF-8: " + e.getMessage(), e);
        }
        if (e instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return new WikibaseJsonException(Kind.INVALID_VALUE, path, "unreadable value: " + e, e);
    }

    private static String pathOf(JsonParser parser) {
        try {
            return JsonPaths.of(parser.getParsingContext());
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
