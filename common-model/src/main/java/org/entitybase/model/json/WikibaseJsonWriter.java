package org.entitybase.model.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Fingerprint;
import org.entitybase.model.entity.Item;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.entity.MediaInfo;
import org.entitybase.model.entity.PageMetadata;
import org.entitybase.model.entity.Property;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.lexeme.Sense;
import org.entitybase.model.sitelink.Sitelink;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.snak.ValueSnak;
import org.entitybase.model.statement.Reference;
import org.entitybase.model.statement.Statement;
import org.entitybase.model.term.Term;
import org.entitybase.model.value.DataValue;
import org.entitybase.model.value.EntityIdValue;
import org.entitybase.model.value.GlobeCoordinateValue;
import org.entitybase.model.value.MonolingualTextValue;
import org.entitybase.model.value.QuantityValue;
import org.entitybase.model.value.StringValue;
import org.entitybase.model.value.TimeValue;

/**
 * Model → canonical Wikibase JSON, in the field order of Wikidata's Special:EntityData and dumps:
 * <ul>
 *   <li>entity: pageid, ns, title, lastrevid, modified, type, datatype (properties), id, then labels, descriptions,
 *       aliases, claims, sitelinks (items, properties); labels, descriptions, statements (mediainfo); lemmas,
 *       lexicalCategory, language, claims, nextFormId, nextSenseId, forms, senses (lexemes);
 *   <li>statement: mainsnak, type, qualifiers, qualifiers-order, id, rank, references;
 *   <li>snak: snaktype, property, hash, datavalue, datatype; reference: hash, snaks, snaks-order.
 * </ul>
 * Absent optional parts (hash, datatype, page fields, statement id, url) are left out; empty qualifiers and references
 * are left out, as Wikibase does; entity maps are always written, empty as {@code {}}. Strings are written as UTF-8
 * without PHP's {@code \\uXXXX} and {@code \\/} escaping (same JSON value). Globe doubles use {@link PhpNumbers}.
 * Stateless and thread-safe.
 */
public final class WikibaseJsonWriter {
    private static final SerializableString PAGEID = name("pageid");
    private static final SerializableString NS = name("ns");
    private static final SerializableString TITLE = name("title");
    private static final SerializableString LASTREVID = name("lastrevid");
    private static final SerializableString MODIFIED = name("modified");
    private static final SerializableString TYPE = name("type");
    private static final SerializableString DATATYPE = name("datatype");
    private static final SerializableString ID = name("id");
    private static final SerializableString LABELS = name("labels");
    private static final SerializableString DESCRIPTIONS = name("descriptions");
    private static final SerializableString ALIASES = name("aliases");
    private static final SerializableString CLAIMS = name("claims");
    private static final SerializableString STATEMENTS = name("statements");
    private static final SerializableString SITELINKS = name("sitelinks");
    private static final SerializableString LEMMAS = name("lemmas");
    private static final SerializableString LEXICAL_CATEGORY = name("lexicalCategory");
    private static final SerializableString LANGUAGE = name("language");
    private static final SerializableString NEXT_FORM_ID = name("nextFormId");
    private static final SerializableString NEXT_SENSE_ID = name("nextSenseId");
    private static final SerializableString FORMS = name("forms");
    private static final SerializableString SENSES = name("senses");
    private static final SerializableString REPRESENTATIONS = name("representations");
    private static final SerializableString GRAMMATICAL_FEATURES = name("grammaticalFeatures");
    private static final SerializableString GLOSSES = name("glosses");
    private static final SerializableString VALUE = name("value");
    private static final SerializableString SITE = name("site");
    private static final SerializableString BADGES = name("badges");
    private static final SerializableString URL = name("url");
    private static final SerializableString MAINSNAK = name("mainsnak");
    private static final SerializableString QUALIFIERS = name("qualifiers");
    private static final SerializableString QUALIFIERS_ORDER = name("qualifiers-order");
    private static final SerializableString RANK = name("rank");
    private static final SerializableString REFERENCES = name("references");
    private static final SerializableString HASH = name("hash");
    private static final SerializableString SNAKS = name("snaks");
    private static final SerializableString SNAKS_ORDER = name("snaks-order");
    private static final SerializableString SNAKTYPE = name("snaktype");
    private static final SerializableString PROPERTY = name("property");
    private static final SerializableString DATAVALUE = name("datavalue");
    private static final SerializableString TEXT = name("text");
    private static final SerializableString ENTITY_TYPE = name("entity-type");
    private static final SerializableString NUMERIC_ID = name("numeric-id");
    private static final SerializableString TIME = name("time");
    private static final SerializableString TIMEZONE = name("timezone");
    private static final SerializableString BEFORE = name("before");
    private static final SerializableString AFTER = name("after");
    private static final SerializableString PRECISION = name("precision");
    private static final SerializableString CALENDARMODEL = name("calendarmodel");
    private static final SerializableString AMOUNT = name("amount");
    private static final SerializableString UNIT = name("unit");
    private static final SerializableString UPPER_BOUND = name("upperBound");
    private static final SerializableString LOWER_BOUND = name("lowerBound");
    private static final SerializableString LATITUDE = name("latitude");
    private static final SerializableString LONGITUDE = name("longitude");
    private static final SerializableString ALTITUDE = name("altitude");
    private static final SerializableString GLOBE = name("globe");

    private static SerializableString name(String s) {
        return new SerializedString(s);
    }

    /** Writes one JSON value to the generator. */
    @FunctionalInterface
    private interface Part {
        void writeTo(JsonGenerator g) throws IOException;
    }

    // ---------------------------------------------------------------- whole documents

    public byte[] toBytes(Entity entity) {
        return bytes(g -> writeEntity(entity, g));
    }

    public String toJson(Entity entity) {
        return new String(toBytes(entity), StandardCharsets.UTF_8);
    }

    /** Writes the entity as UTF-8 JSON; the stream is flushed, not closed. */
    public void write(Entity entity, OutputStream out) {
        try (JsonGenerator g = JsonFactories.FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            writeEntity(entity, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The length in bytes of {@link #toBytes(Entity)}, counted as written: no copy of the document is kept. */
    public long size(Entity entity) {
        long[] count = {0};
        write(entity, new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count[0] += len;
            }
        });
        return count[0];
    }

    public byte[] toBytes(Statement statement) {
        return bytes(g -> writeStatement(statement, g));
    }

    public byte[] toBytes(Snak snak) {
        return bytes(g -> writeSnak(snak, g));
    }

    public byte[] toBytes(Reference reference) {
        return bytes(g -> writeReference(reference, g));
    }

    public byte[] toBytes(Term term) {
        return bytes(g -> writeTerm(term, g));
    }

    public byte[] toBytes(Sitelink sitelink) {
        return bytes(g -> writeSitelink(sitelink, g));
    }

    public byte[] toBytes(Form form) {
        return bytes(g -> writeForm(form, g));
    }

    public byte[] toBytes(Sense sense) {
        return bytes(g -> writeSense(sense, g));
    }

    /** A {@code datavalue} object: {@code {"value": …, "type": …}}. */
    public byte[] toBytes(DataValue value) {
        return bytes(g -> writeDataValue(value, g));
    }

    /** A statement map as {@code claims} holds it: property id → statements. */
    public byte[] statementsToBytes(Map<String, List<Statement>> statements) {
        return bytes(g -> writeStatementMap(statements, g));
    }

    /** A list of statements as a JSON array. */
    public byte[] statementListToBytes(List<Statement> statements) {
        return bytes(g -> {
            g.writeStartArray();
            for (Statement s : statements) {
                writeStatement(s, g);
            }
            g.writeEndArray();
        });
    }

    /** A term map as {@code labels} holds it: language → term. */
    public byte[] termsToBytes(Map<String, Term> terms) {
        return bytes(g -> writeTermMap(terms, g));
    }

    /** An alias map: language → terms. */
    public byte[] aliasesToBytes(Map<String, List<Term>> aliases) {
        return bytes(g -> writeAliases(aliases, g));
    }

    public byte[] sitelinksToBytes(Map<String, Sitelink> sitelinks) {
        return bytes(g -> writeSitelinks(sitelinks, g));
    }

    private static byte[] bytes(Part part) {
        try (ByteArrayBuilder buffer = new ByteArrayBuilder(JsonFactories.FACTORY._getBufferRecycler());
                JsonGenerator g = JsonFactories.FACTORY.createGenerator(buffer)) {
            part.writeTo(g);
            g.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory", e);
        }
    }

    // ---------------------------------------------------------------- generator-level API

    public void writeEntity(Entity entity, JsonGenerator g) throws IOException {
        g.writeStartObject();
        writePage(entity.page(), g);
        g.writeFieldName(TYPE);
        g.writeString(entity.type().jsonName());
        // Java 17: no pattern switch, so dispatch on the type enum.
        switch (entity.type()) {
            case ITEM -> {
                Item item = (Item) entity;
                writeId(item, g);
                writeFingerprint(item.fingerprint(), true, g);
                g.writeFieldName(CLAIMS);
                writeStatementMap(item.claims(), g);
                g.writeFieldName(SITELINKS);
                writeSitelinks(item.sitelinks(), g);
            }
            case PROPERTY -> {
                Property property = (Property) entity;
                if (property.datatype() != null) {
                    g.writeFieldName(DATATYPE);
                    g.writeString(property.datatype());
                }
                writeId(property, g);
                writeFingerprint(property.fingerprint(), true, g);
                g.writeFieldName(CLAIMS);
                writeStatementMap(property.claims(), g);
            }
            case LEXEME -> writeLexemeBody((Lexeme) entity, g);
            case MEDIAINFO -> {
                MediaInfo mediaInfo = (MediaInfo) entity;
                writeId(mediaInfo, g);
                writeFingerprint(mediaInfo.fingerprint(), false, g);
                g.writeFieldName(STATEMENTS);
                writeStatementMap(mediaInfo.claims(), g);
            }
            default -> throw new IllegalArgumentException("not a top-level entity type: " + entity.type());
        }
        g.writeEndObject();
    }

    private static void writePage(PageMetadata page, JsonGenerator g) throws IOException {
        if (page.pageId() != null) {
            g.writeFieldName(PAGEID);
            g.writeNumber(page.pageId());
        }
        if (page.namespace() != null) {
            g.writeFieldName(NS);
            g.writeNumber(page.namespace());
        }
        if (page.title() != null) {
            g.writeFieldName(TITLE);
            g.writeString(page.title());
        }
        if (page.lastRevisionId() != null) {
            g.writeFieldName(LASTREVID);
            g.writeNumber(page.lastRevisionId());
        }
        if (page.modified() != null) {
            g.writeFieldName(MODIFIED);
            g.writeString(page.modified());
        }
    }

    private static void writeId(Entity entity, JsonGenerator g) throws IOException {
        if (entity.id() != null) {
            g.writeFieldName(ID);
            g.writeString(entity.id().value());
        }
    }

    private void writeFingerprint(Fingerprint fingerprint, boolean withAliases, JsonGenerator g) throws IOException {
        g.writeFieldName(LABELS);
        writeTermMap(fingerprint.labels(), g);
        g.writeFieldName(DESCRIPTIONS);
        writeTermMap(fingerprint.descriptions(), g);
        if (withAliases) {
            g.writeFieldName(ALIASES);
            writeAliases(fingerprint.aliases(), g);
        }
    }

    private void writeLexemeBody(Lexeme lexeme, JsonGenerator g) throws IOException {
        writeId(lexeme, g);
        g.writeFieldName(LEMMAS);
        writeTermMap(lexeme.lemmas(), g);
        if (lexeme.lexicalCategory() != null) {
            g.writeFieldName(LEXICAL_CATEGORY);
            g.writeString(lexeme.lexicalCategory());
        }
        if (lexeme.language() != null) {
            g.writeFieldName(LANGUAGE);
            g.writeString(lexeme.language());
        }
        g.writeFieldName(CLAIMS);
        writeStatementMap(lexeme.claims(), g);
        if (lexeme.nextFormId() != null) {
            g.writeFieldName(NEXT_FORM_ID);
            g.writeNumber(lexeme.nextFormId());
        }
        if (lexeme.nextSenseId() != null) {
            g.writeFieldName(NEXT_SENSE_ID);
            g.writeNumber(lexeme.nextSenseId());
        }
        g.writeFieldName(FORMS);
        g.writeStartArray();
        for (Form form : lexeme.forms()) {
            writeForm(form, g);
        }
        g.writeEndArray();
        g.writeFieldName(SENSES);
        g.writeStartArray();
        for (Sense sense : lexeme.senses()) {
            writeSense(sense, g);
        }
        g.writeEndArray();
    }

    public void writeForm(Form form, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (form.id() != null) {
            g.writeFieldName(ID);
            g.writeString(form.id().value());
        }
        g.writeFieldName(REPRESENTATIONS);
        writeTermMap(form.representations(), g);
        g.writeFieldName(GRAMMATICAL_FEATURES);
        g.writeStartArray();
        for (String feature : form.grammaticalFeatures()) {
            g.writeString(feature);
        }
        g.writeEndArray();
        g.writeFieldName(CLAIMS);
        writeStatementMap(form.claims(), g);
        g.writeEndObject();
    }

    public void writeSense(Sense sense, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (sense.id() != null) {
            g.writeFieldName(ID);
            g.writeString(sense.id().value());
        }
        g.writeFieldName(GLOSSES);
        writeTermMap(sense.glosses(), g);
        g.writeFieldName(CLAIMS);
        writeStatementMap(sense.claims(), g);
        g.writeEndObject();
    }

    public void writeTermMap(Map<String, Term> terms, JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Term> e : terms.entrySet()) {
            g.writeFieldName(e.getKey());
            writeTerm(e.getValue(), g);
        }
        g.writeEndObject();
    }

    public void writeAliases(Map<String, List<Term>> aliases, JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, List<Term>> e : aliases.entrySet()) {
            g.writeFieldName(e.getKey());
            g.writeStartArray();
            for (Term term : e.getValue()) {
                writeTerm(term, g);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    public void writeTerm(Term term, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeFieldName(LANGUAGE);
        g.writeString(term.language());
        g.writeFieldName(VALUE);
        g.writeString(term.value());
        g.writeEndObject();
    }

    public void writeSitelinks(Map<String, Sitelink> sitelinks, JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Sitelink> e : sitelinks.entrySet()) {
            g.writeFieldName(e.getKey());
            writeSitelink(e.getValue(), g);
        }
        g.writeEndObject();
    }

    public void writeSitelink(Sitelink sitelink, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeFieldName(SITE);
        g.writeString(sitelink.site());
        g.writeFieldName(TITLE);
        g.writeString(sitelink.title());
        g.writeFieldName(BADGES);
        g.writeStartArray();
        for (String badge : sitelink.badges()) {
            g.writeString(badge);
        }
        g.writeEndArray();
        if (sitelink.url() != null) {
            g.writeFieldName(URL);
            g.writeString(sitelink.url());
        }
        g.writeEndObject();
    }

    public void writeStatementMap(Map<String, List<Statement>> statements, JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, List<Statement>> e : statements.entrySet()) {
            g.writeFieldName(e.getKey());
            g.writeStartArray();
            for (Statement statement : e.getValue()) {
                writeStatement(statement, g);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    public void writeStatement(Statement statement, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeFieldName(MAINSNAK);
        writeSnak(statement.mainsnak(), g);
        g.writeFieldName(TYPE);
        g.writeString("statement");
        if (!statement.qualifiers().isEmpty()) {
            g.writeFieldName(QUALIFIERS);
            writeSnakMap(statement.qualifiers(), g);
            g.writeFieldName(QUALIFIERS_ORDER);
            writeOrder(statement.qualifiersOrder(), statement.qualifiers(), g);
        }
        if (statement.id() != null) {
            g.writeFieldName(ID);
            g.writeString(statement.id());
        }
        g.writeFieldName(RANK);
        g.writeString(statement.rank().jsonName());
        if (!statement.references().isEmpty()) {
            g.writeFieldName(REFERENCES);
            g.writeStartArray();
            for (Reference reference : statement.references()) {
                writeReference(reference, g);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    public void writeReference(Reference reference, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (reference.hash() != null) {
            g.writeFieldName(HASH);
            g.writeString(reference.hash());
        }
        g.writeFieldName(SNAKS);
        writeSnakMap(reference.snaks(), g);
        g.writeFieldName(SNAKS_ORDER);
        writeOrder(reference.snaksOrder(), reference.snaks(), g);
        g.writeEndObject();
    }

    private void writeSnakMap(Map<String, List<Snak>> snaks, JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, List<Snak>> e : snaks.entrySet()) {
            g.writeFieldName(e.getKey());
            g.writeStartArray();
            for (Snak snak : e.getValue()) {
                writeSnak(snak, g);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** The given order, or the map's key order for a model built without one. */
    private static void writeOrder(List<String> order, Map<String, ?> grouped, JsonGenerator g) throws IOException {
        g.writeStartArray();
        for (String property : order.isEmpty() ? grouped.keySet() : order) {
            g.writeString(property);
        }
        g.writeEndArray();
    }

    public void writeSnak(Snak snak, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeFieldName(SNAKTYPE);
        g.writeString(snak.snakType().jsonName());
        g.writeFieldName(PROPERTY);
        g.writeString(snak.property());
        if (snak.hash() != null) {
            g.writeFieldName(HASH);
            g.writeString(snak.hash());
        }
        if (snak instanceof ValueSnak valueSnak) {
            g.writeFieldName(DATAVALUE);
            writeDataValue(valueSnak.value(), g);
        }
        if (snak.datatype() != null) {
            g.writeFieldName(DATATYPE);
            g.writeString(snak.datatype());
        }
        g.writeEndObject();
    }

    /** A {@code datavalue} object: {@code {"value": …, "type": …}}. */
    public void writeDataValue(DataValue value, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeFieldName(VALUE);
        switch (value.type()) {
            case STRING -> g.writeString(((StringValue) value).value());
            case MONOLINGUAL_TEXT -> {
                MonolingualTextValue v = (MonolingualTextValue) value;
                g.writeStartObject();
                g.writeFieldName(TEXT);
                g.writeString(v.text());
                g.writeFieldName(LANGUAGE);
                g.writeString(v.language());
                g.writeEndObject();
            }
            case ENTITY_ID -> {
                EntityIdValue v = (EntityIdValue) value;
                g.writeStartObject();
                g.writeFieldName(ENTITY_TYPE);
                g.writeString(v.id().type().jsonName());
                if (v.numericIdPresent()) {
                    g.writeFieldName(NUMERIC_ID);
                    g.writeNumber(v.id().numericId());
                }
                g.writeFieldName(ID);
                g.writeString(v.id().value());
                g.writeEndObject();
            }
            case TIME -> {
                TimeValue v = (TimeValue) value;
                g.writeStartObject();
                g.writeFieldName(TIME);
                g.writeString(v.time());
                g.writeFieldName(TIMEZONE);
                g.writeNumber(v.timezone());
                g.writeFieldName(BEFORE);
                g.writeNumber(v.before());
                g.writeFieldName(AFTER);
                g.writeNumber(v.after());
                g.writeFieldName(PRECISION);
                g.writeNumber(v.precision());
                g.writeFieldName(CALENDARMODEL);
                g.writeString(v.calendarModel());
                g.writeEndObject();
            }
            case QUANTITY -> {
                QuantityValue v = (QuantityValue) value;
                g.writeStartObject();
                g.writeFieldName(AMOUNT);
                g.writeString(v.amount());
                g.writeFieldName(UNIT);
                g.writeString(v.unit());
                if (v.upperBound() != null) {
                    g.writeFieldName(UPPER_BOUND);
                    g.writeString(v.upperBound());
                }
                if (v.lowerBound() != null) {
                    g.writeFieldName(LOWER_BOUND);
                    g.writeString(v.lowerBound());
                }
                g.writeEndObject();
            }
            case GLOBE_COORDINATE -> {
                GlobeCoordinateValue v = (GlobeCoordinateValue) value;
                g.writeStartObject();
                g.writeFieldName(LATITUDE);
                g.writeNumber(PhpNumbers.jsonEncodeDouble(v.latitude()));
                g.writeFieldName(LONGITUDE);
                g.writeNumber(PhpNumbers.jsonEncodeDouble(v.longitude()));
                g.writeFieldName(ALTITUDE);
                writeNullableDouble(v.altitude(), g);
                g.writeFieldName(PRECISION);
                writeNullableDouble(v.precision(), g);
                g.writeFieldName(GLOBE);
                g.writeString(v.globe() == null ? GlobeCoordinateValue.EARTH : v.globe());
                g.writeEndObject();
            }
        }
        g.writeFieldName(TYPE);
        g.writeString(value.type().jsonName());
        g.writeEndObject();
    }

    private static void writeNullableDouble(Double d, JsonGenerator g) throws IOException {
        if (d == null) {
            g.writeNull();
        } else {
            g.writeNumber(PhpNumbers.jsonEncodeDouble(d));
        }
    }
}
