package org.entitybase.model.hash.wikibase;

import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.snak.SnakType;
import org.entitybase.model.snak.ValueSnak;
import org.entitybase.model.value.DataValue;
import org.entitybase.model.value.EntityIdValue;
import org.entitybase.model.value.GlobeCoordinateValue;
import org.entitybase.model.value.MonolingualTextValue;
import org.entitybase.model.value.QuantityValue;
import org.entitybase.model.value.StringValue;
import org.entitybase.model.value.TimeValue;

/** Writes snak and data-value pre-images (HASHES.md §2–§3, and the old formats of §7) into a buffer. */
final class PreImageWriter {
    private static final byte[] VALUE_SNAK =
            PhpSerialBuffer.classHeader("Wikibase\\DataModel\\Snak\\PropertyValueSnak");
    private static final byte[] NO_VALUE_SNAK =
            PhpSerialBuffer.classHeader("Wikibase\\DataModel\\Snak\\PropertyNoValueSnak");
    private static final byte[] SOME_VALUE_SNAK =
            PhpSerialBuffer.classHeader("Wikibase\\DataModel\\Snak\\PropertySomeValueSnak");
    private static final byte[] STRING_VALUE = PhpSerialBuffer.classHeader("DataValues\\StringValue");
    private static final byte[] MONOLINGUAL_TEXT_VALUE =
            PhpSerialBuffer.classHeader("DataValues\\MonolingualTextValue");
    private static final byte[] TIME_VALUE = PhpSerialBuffer.classHeader("DataValues\\TimeValue");
    private static final byte[] QUANTITY_VALUE = PhpSerialBuffer.classHeader("DataValues\\QuantityValue");
    private static final byte[] UNBOUNDED_QUANTITY_VALUE =
            PhpSerialBuffer.classHeader("DataValues\\UnboundedQuantityValue");
    private static final byte[] DECIMAL_VALUE = PhpSerialBuffer.classHeader("DataValues\\DecimalValue");
    private static final byte[] GLOBE_COORDINATE_VALUE =
            PhpSerialBuffer.classHeader("DataValues\\Geo\\Values\\GlobeCoordinateValue");
    private static final byte[] ENTITY_ID_VALUE =
            PhpSerialBuffer.classHeader("Wikibase\\DataModel\\Entity\\EntityIdValue");
    private static final byte[] ITEM_ID = PhpSerialBuffer.classHeader("Wikibase\\DataModel\\Entity\\ItemId");
    private static final byte[] NUMERIC_PROPERTY_ID =
            PhpSerialBuffer.classHeader("Wikibase\\DataModel\\Entity\\NumericPropertyId");
    private static final byte[] LEGACY_PROPERTY_ID =
            PhpSerialBuffer.classHeader("Wikibase\\DataModel\\Entity\\PropertyId");
    private static final byte[] LEXEME_ID = PhpSerialBuffer.classHeader("Wikibase\\Lexeme\\Domain\\Model\\LexemeId");
    private static final byte[] FORM_ID = PhpSerialBuffer.classHeader("Wikibase\\Lexeme\\Domain\\Model\\FormId");
    private static final byte[] SENSE_ID = PhpSerialBuffer.classHeader("Wikibase\\Lexeme\\Domain\\Model\\SenseId");
    private static final byte[] MEDIA_INFO_ID =
            PhpSerialBuffer.classHeader("Wikibase\\MediaInfo\\DataModel\\MediaInfoId");
    private static final byte[] ENTITY_SCHEMA_VALUE =
            PhpSerialBuffer.classHeader("EntitySchema\\Wikibase\\DataValues\\EntitySchemaValue");
    private static final String ENTITY_SCHEMA_ID_CLASS = "EntitySchema\\Domain\\Model\\EntitySchemaId";
    /** PHP's native serialization of the private property {@code id} of EntitySchemaId: NUL class NUL name. */
    private static final String ENTITY_SCHEMA_ID_FIELD = "\0" + ENTITY_SCHEMA_ID_CLASS + "\0id";

    private static final String EARTH = GlobeCoordinateValue.EARTH;

    private PreImageWriter() {}

    static void writeSnak(PhpSerialBuffer out, Snak snak, SnakHashVariant variant) {
        boolean pre2017 = variant == SnakHashVariant.PRE_2017;
        if (snak instanceof ValueSnak v) {
            int mark = out.beginSerializable(VALUE_SNAK);
            out.ascii("a:2:{i:0;");
            if (pre2017) {
                out.phpInt(numericPropertyId(v.property()));
            } else {
                out.phpString(v.property());
            }
            out.ascii("i:1;");
            writeDataValue(out, v.value(), variant);
            out.raw((byte) '}');
            out.endSerializable(mark);
            return;
        }
        int mark = out.beginSerializable(snak.snakType() == SnakType.NO_VALUE ? NO_VALUE_SNAK : SOME_VALUE_SNAK);
        if (pre2017) {
            out.phpInt(numericPropertyId(snak.property()));
        } else {
            // The bare id: PropertyNoValueSnak::serialize returned the id string itself, not S(id).
            out.ascii(snak.property());
        }
        out.endSerializable(mark);
    }

    /** The {@code DV} pre-image (§3); for time and quantity this is also the wdv node pre-image (§5.1). */
    static void writeDataValue(PhpSerialBuffer out, DataValue value, SnakHashVariant variant) {
        if (value instanceof StringValue s) {
            int mark = out.beginSerializable(STRING_VALUE);
            out.utf8(s.value());
            out.endSerializable(mark);
        } else if (value instanceof MonolingualTextValue m) {
            int mark = out.beginSerializable(MONOLINGUAL_TEXT_VALUE);
            out.ascii("a:2:{i:0;").phpString(m.language()).ascii("i:1;").phpString(m.text());
            out.raw((byte) '}');
            out.endSerializable(mark);
        } else if (value instanceof EntityIdValue e) {
            writeEntityIdValue(out, e.id(), variant);
        } else if (value instanceof TimeValue t) {
            int mark = out.beginSerializable(TIME_VALUE);
            out.raw((byte) '[');
            if (variant == SnakHashVariant.PRE_2017) {
                out.jsonString(t.time());
            } else {
                writeNormalizedTimestamp(out, t.time());
            }
            out.raw((byte) ',').decimal(t.timezone());
            out.raw((byte) ',').decimal(t.before());
            out.raw((byte) ',').decimal(t.after());
            out.raw((byte) ',').decimal(t.precision());
            out.raw((byte) ',').jsonString(t.calendarModel());
            out.raw((byte) ']');
            out.endSerializable(mark);
        } else if (value instanceof QuantityValue q) {
            writeQuantity(out, q);
        } else if (value instanceof GlobeCoordinateValue g) {
            int mark = out.beginSerializable(GLOBE_COORDINATE_VALUE);
            out.raw((byte) '[').jsonDouble(g.latitude());
            out.raw((byte) ',').jsonDouble(g.longitude());
            out.ascii(",null,");
            if (g.precision() == null) {
                out.ascii("null");
            } else {
                out.jsonDouble(g.precision());
            }
            out.raw((byte) ',').jsonString(g.globe() == null ? EARTH : g.globe());
            out.raw((byte) ']');
            out.endSerializable(mark);
        } else {
            throw new IllegalArgumentException(
                    "no Wikibase hash for value type " + value.getClass().getName());
        }
    }

    private static void writeQuantity(PhpSerialBuffer out, QuantityValue q) {
        if (!q.hasBounds()) {
            int mark = out.beginSerializable(UNBOUNDED_QUANTITY_VALUE);
            out.ascii("a:2:{i:0;");
            writeDecimal(out, q.amount());
            out.ascii("i:1;").phpString(q.unit()).raw((byte) '}');
            out.endSerializable(mark);
            return;
        }
        if (q.upperBound() == null || q.lowerBound() == null) {
            throw new IllegalArgumentException("quantity has only one bound: " + q);
        }
        int mark = out.beginSerializable(QUANTITY_VALUE);
        out.ascii("a:4:{i:0;");
        writeDecimal(out, q.amount());
        out.ascii("i:1;").phpString(q.unit());
        // Upper before lower: the order of QuantityValue::serialize, not of the JSON.
        out.ascii("i:2;");
        writeDecimal(out, q.upperBound());
        out.ascii("i:3;");
        writeDecimal(out, q.lowerBound());
        out.raw((byte) '}');
        out.endSerializable(mark);
    }

    private static void writeDecimal(PhpSerialBuffer out, String decimal) {
        int mark = out.beginSerializable(DECIMAL_VALUE);
        out.phpString(decimal);
        out.endSerializable(mark);
    }

    private static void writeEntityIdValue(PhpSerialBuffer out, EntityId id, SnakHashVariant variant) {
        if (id.type() == EntityType.ENTITY_SCHEMA) {
            // Not an EntityIdValue: PHP's native O: serialization of EntitySchemaId, two NUL bytes included.
            int mark = out.beginSerializable(ENTITY_SCHEMA_VALUE);
            out.ascii("O:").decimal(ENTITY_SCHEMA_ID_CLASS.length()).ascii(":\"");
            out.ascii(ENTITY_SCHEMA_ID_CLASS).ascii("\":1:{");
            out.phpString(ENTITY_SCHEMA_ID_FIELD).phpString(id.value()).raw((byte) '}');
            out.endSerializable(mark);
            return;
        }
        int mark = out.beginSerializable(ENTITY_ID_VALUE);
        if (variant == SnakHashVariant.PRE_2017 && id.type().prefix() != null) {
            // EntityIdValue::serialize before DataModel 7: json_encode([entity type, numeric id]).
            out.raw((byte) '[').jsonString(id.type().jsonName()).raw((byte) ',');
            out.decimal(id.numericId()).raw((byte) ']');
        } else {
            int inner = out.beginSerializable(idClassHeader(id, variant));
            out.ascii(id.value());
            out.endSerializable(inner);
        }
        out.endSerializable(mark);
    }

    private static byte[] idClassHeader(EntityId id, SnakHashVariant variant) {
        return switch (id.type()) {
            case ITEM -> ITEM_ID;
            case PROPERTY -> variant == SnakHashVariant.CURRENT ? NUMERIC_PROPERTY_ID : LEGACY_PROPERTY_ID;
            case LEXEME -> LEXEME_ID;
            case FORM -> FORM_ID;
            case SENSE -> SENSE_ID;
            case MEDIAINFO -> MEDIA_INFO_ID;
            case ENTITY_SCHEMA -> throw new IllegalStateException("entity-schema values are not EntityIdValues");
        };
    }

    /**
     * Writes the timestamp as a JSON string with the year normalized as TimeValue does (leading zeros stripped, then
     * padded to 4 digits: {@code +00000001994-…} becomes {@code +1994-…}); anything not of that shape is written as is.
     */
    private static void writeNormalizedTimestamp(PhpSerialBuffer out, String time) {
        int yearEnd = time.indexOf('-', 1);
        boolean signed = !time.isEmpty() && (time.charAt(0) == '+' || time.charAt(0) == '-');
        if (!signed || yearEnd < 2 || !allDigits(time, 1, yearEnd)) {
            out.jsonString(time);
            return;
        }
        int firstSignificant = 1;
        while (firstSignificant < yearEnd - 1 && time.charAt(firstSignificant) == '0') {
            firstSignificant++;
        }
        int yearDigits = yearEnd - firstSignificant;
        if (firstSignificant == 1 && yearDigits >= 4) {
            out.jsonString(time);
            return;
        }
        StringBuilder normalized = new StringBuilder(time.length() + 3).append(time.charAt(0));
        for (int i = yearDigits; i < 4; i++) {
            normalized.append('0');
        }
        normalized.append(time, firstSignificant, time.length());
        out.jsonString(normalized.toString());
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static long numericPropertyId(String property) {
        return Long.parseLong(property, 1, property.length(), 10);
    }
}
