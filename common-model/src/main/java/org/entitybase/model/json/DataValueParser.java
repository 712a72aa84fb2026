package org.entitybase.model.json;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.value.DataValue;
import org.entitybase.model.value.DataValueType;
import org.entitybase.model.value.EntityIdValue;
import org.entitybase.model.value.GlobeCoordinateValue;
import org.entitybase.model.value.MonolingualTextValue;
import org.entitybase.model.value.QuantityValue;
import org.entitybase.model.value.StringValue;
import org.entitybase.model.value.TimeValue;

/**
 * Reads a {@code datavalue} object. Wikibase writes {@code value} before {@code type}, so the fields of the value are
 * first collected into fixed slots (one reusable holder, no tree), then checked against the type once it is known.
 * Errors are raised after the datavalue object has closed, so their paths are relative to it
 * ({@code value.precision}).
 */
final class DataValueParser {
    private static final int TIME = 0;
    private static final int TIMEZONE = 1;
    private static final int BEFORE = 2;
    private static final int AFTER = 3;
    private static final int PRECISION = 4;
    private static final int CALENDARMODEL = 5;
    private static final int AMOUNT = 6;
    private static final int UNIT = 7;
    private static final int UPPER_BOUND = 8;
    private static final int LOWER_BOUND = 9;
    private static final int LATITUDE = 10;
    private static final int LONGITUDE = 11;
    private static final int ALTITUDE = 12;
    private static final int GLOBE = 13;
    private static final int TEXT = 14;
    private static final int LANGUAGE = 15;
    private static final int ENTITY_TYPE = 16;
    private static final int NUMERIC_ID = 17;
    private static final int ID = 18;
    private static final String[] NAMES = {
        "time",
        "timezone",
        "before",
        "after",
        "precision",
        "calendarmodel",
        "amount",
        "unit",
        "upperBound",
        "lowerBound",
        "latitude",
        "longitude",
        "altitude",
        "globe",
        "text",
        "language",
        "entity-type",
        "numeric-id",
        "id"
    };

    private final JsonCursor c;

    // The value being read: either a string, or the scalar fields of an object.
    private String scalar;
    private boolean isObject;
    private JsonToken valueToken;
    private int present;
    private final JsonToken[] tokens = new JsonToken[NAMES.length];
    private final String[] strings = new String[NAMES.length];
    private final long[] longs = new long[NAMES.length];
    private final boolean[] fitsLong = new boolean[NAMES.length];
    private final double[] doubles = new double[NAMES.length];

    DataValueParser(JsonCursor cursor) {
        this.c = cursor;
    }

    private static int slot(String field) {
        return switch (field) {
            case "time" -> TIME;
            case "timezone" -> TIMEZONE;
            case "before" -> BEFORE;
            case "after" -> AFTER;
            case "precision" -> PRECISION;
            case "calendarmodel" -> CALENDARMODEL;
            case "amount" -> AMOUNT;
            case "unit" -> UNIT;
            case "upperBound" -> UPPER_BOUND;
            case "lowerBound" -> LOWER_BOUND;
            case "latitude" -> LATITUDE;
            case "longitude" -> LONGITUDE;
            case "altitude" -> ALTITUDE;
            case "globe" -> GLOBE;
            case "text" -> TEXT;
            case "language" -> LANGUAGE;
            case "entity-type" -> ENTITY_TYPE;
            case "numeric-id" -> NUMERIC_ID;
            case "id" -> ID;
            default -> -1;
        };
    }

    /** Reads the datavalue object the parser is at ({@code START_OBJECT}); returns with the parser at its end. */
    DataValue read() throws IOException {
        JsonParser p = c.p;
        scalar = null;
        isObject = false;
        valueToken = null;
        present = 0;
        String type = null;
        int seen = 0;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            switch (field) {
                case "value" -> {
                    seen = c.once(seen, 1);
                    readValue();
                }
                case "type" -> {
                    seen = c.once(seen, 2);
                    type = c.nextString();
                }
                default -> c.skipValue();
            }
        }
        if (valueToken == null) {
            throw c.missing("value", "a datavalue needs a value");
        }
        if (type == null) {
            throw c.missing("type", "a datavalue needs a type");
        }
        DataValueType valueType = DataValueType.fromJsonName(type);
        if (valueType == null) {
            throw c.invalid(
                    "type",
                    "unknown datavalue type '" + type
                            + "'; expected string, monolingualtext, wikibase-entityid, time, quantity or globecoordinate");
        }
        if (valueType == DataValueType.STRING) {
            if (scalar == null) {
                throw c.invalid(
                        "value", "must be a string for datavalue type string, not " + JsonCursor.describe(valueToken));
            }
            return new StringValue(scalar);
        }
        if (!isObject) {
            throw c.invalid(
                    "value",
                    "must be an object for datavalue type " + type + ", not " + JsonCursor.describe(valueToken));
        }
        return switch (valueType) {
            case MONOLINGUAL_TEXT -> monolingualText();
            case ENTITY_ID -> entityId();
            case TIME -> time();
            case QUANTITY -> quantity();
            case GLOBE_COORDINATE -> globeCoordinate();
            default -> throw new IllegalStateException(valueType.name());
        };
    }

    private void readValue() throws IOException {
        JsonParser p = c.p;
        valueToken = p.nextToken();
        if (valueToken == JsonToken.VALUE_STRING) {
            scalar = p.getText();
            return;
        }
        if (valueToken != JsonToken.START_OBJECT) {
            throw c.wrongType(valueToken, "a string or an object");
        }
        isObject = true;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            int slot = slot(field);
            if (slot < 0) {
                c.skipValue();
                continue;
            }
            present = c.once(present, 1 << slot);
            JsonToken t = p.nextToken();
            tokens[slot] = t;
            switch (t) {
                case VALUE_STRING -> strings[slot] = p.getText();
                case VALUE_NUMBER_INT -> {
                    JsonParser.NumberType numberType = p.getNumberType();
                    fitsLong[slot] =
                            numberType == JsonParser.NumberType.INT || numberType == JsonParser.NumberType.LONG;
                    longs[slot] = fitsLong[slot] ? p.getLongValue() : 0;
                    doubles[slot] = p.getDoubleValue();
                }
                case VALUE_NUMBER_FLOAT -> doubles[slot] = p.getDoubleValue();
                case START_OBJECT, START_ARRAY -> p.skipChildren();
                default -> {}
            }
        }
    }

    // ---------------------------------------------------------------- the value types

    private MonolingualTextValue monolingualText() {
        String text = requiredString(TEXT, "monolingualtext");
        String language = requiredString(LANGUAGE, "monolingualtext");
        if (!WikibaseSyntax.isLanguageCode(language)) {
            throw c.invalid("value.language", "'" + language + "' is not a valid language code");
        }
        return new MonolingualTextValue(text, language);
    }

    private EntityIdValue entityId() {
        String typeName = requiredString(ENTITY_TYPE, "wikibase-entityid");
        EntityType type = EntityType.fromJsonName(typeName);
        if (type == null) {
            throw c.invalid("value.entity-type", "unknown entity type '" + typeName + "'");
        }
        boolean hasNumeric = has(NUMERIC_ID);
        long numeric = 0;
        if (hasNumeric) {
            if (tokens[NUMERIC_ID] != JsonToken.VALUE_NUMBER_INT || !fitsLong[NUMERIC_ID] || longs[NUMERIC_ID] < 1) {
                throw c.invalid("value.numeric-id", "must be a positive integer");
            }
            numeric = longs[NUMERIC_ID];
            if (type.prefix() == null) {
                throw c.invalid("value.numeric-id", "entity type " + typeName + " has no numeric id; give id only");
            }
        }
        if (!has(ID)) {
            if (!hasNumeric) {
                throw c.missing("value.id", "an entity id value needs id (or, in legacy JSON, numeric-id)");
            }
            EntityId id = WikibaseSyntax.parseEntityId(type.prefix() + numeric);
            if (id == null) {
                throw c.invalid("value.numeric-id", numeric + " is too large for an entity id");
            }
            return new EntityIdValue(id, true);
        }
        String idText = requiredString(ID, "wikibase-entityid");
        EntityId id = WikibaseSyntax.parseEntityId(idText);
        if (id == null) {
            throw c.invalid("value.id", "'" + idText + "' is not a valid entity id");
        }
        if (id.type() != type) {
            throw c.inconsistent("value.id", idText + " is not of entity-type " + typeName);
        }
        if (hasNumeric && id.numericId() != numeric) {
            throw c.inconsistent("value.numeric-id", numeric + " does not match id " + idText);
        }
        return new EntityIdValue(id, hasNumeric);
    }

    private TimeValue time() {
        String time = requiredString(TIME, "time");
        String problem = WikibaseSyntax.timeProblem(time);
        if (problem != null) {
            throw c.invalid("value.time", "'" + time + "' " + problem);
        }
        int timezone = requiredInt(TIMEZONE, -12 * 60, 14 * 60);
        int before = requiredInt(BEFORE, 0, Integer.MAX_VALUE);
        int after = requiredInt(AFTER, 0, Integer.MAX_VALUE);
        int precision = requiredInt(PRECISION, 0, 14);
        String calendar = requiredString(CALENDARMODEL, "time");
        if (!WikibaseSyntax.isHttpUri(calendar)) {
            throw c.invalid("value.calendarmodel", "must be an entity URI, not '" + calendar + "'");
        }
        return new TimeValue(time, timezone, before, after, precision, calendar);
    }

    private QuantityValue quantity() {
        String amount = decimal(AMOUNT, true);
        String unit = requiredString(UNIT, "quantity");
        if (!unit.equals("1") && !WikibaseSyntax.isHttpUri(unit)) {
            throw c.invalid("value.unit", "must be \"1\" or an entity URI, not '" + unit + "'");
        }
        String upper = decimal(UPPER_BOUND, false);
        String lower = decimal(LOWER_BOUND, false);
        if ((upper == null) != (lower == null)) {
            int missing = upper == null ? UPPER_BOUND : LOWER_BOUND;
            throw c.missing("value." + NAMES[missing], "quantity bounds must be given both or neither");
        }
        if (upper != null) {
            BigDecimal a = new BigDecimal(amount);
            if (new BigDecimal(lower).compareTo(a) > 0) {
                throw c.inconsistent("value.lowerBound", lower + " is greater than the amount " + amount);
            }
            if (new BigDecimal(upper).compareTo(a) < 0) {
                throw c.inconsistent("value.upperBound", upper + " is less than the amount " + amount);
            }
        }
        return new QuantityValue(amount, unit, upper, lower);
    }

    private String decimal(int slot, boolean required) {
        if (!required && !has(slot)) {
            return null;
        }
        String s = requiredString(slot, "quantity");
        if (!WikibaseSyntax.isDecimal(s)) {
            throw c.invalid(
                    "value." + NAMES[slot], "'" + s + "' is not a decimal like +1.5 (sign required, no exponent)");
        }
        return s;
    }

    private GlobeCoordinateValue globeCoordinate() {
        double latitude = requiredNumber(LATITUDE, -90, 90);
        double longitude = requiredNumber(LONGITUDE, -360, 360);
        Double altitude = optionalNumber(ALTITUDE, -Double.MAX_VALUE, Double.MAX_VALUE);
        Double precision = optionalNumber(PRECISION, 0, 360);
        String globe = GlobeCoordinateValue.EARTH;
        if (has(GLOBE) && tokens[GLOBE] != JsonToken.VALUE_NULL) {
            globe = requiredString(GLOBE, "globecoordinate");
            if (!WikibaseSyntax.isHttpUri(globe)) {
                throw c.invalid("value.globe", "must be an entity URI, not '" + globe + "'");
            }
        }
        return new GlobeCoordinateValue(latitude, longitude, altitude, precision, globe);
    }

    // ---------------------------------------------------------------- slot access

    private boolean has(int slot) {
        return (present & (1 << slot)) != 0;
    }

    private String requiredString(int slot, String valueType) {
        if (!has(slot)) {
            throw c.missing("value." + NAMES[slot], "required for datavalue type " + valueType);
        }
        if (tokens[slot] != JsonToken.VALUE_STRING) {
            throw c.invalid("value." + NAMES[slot], "must be a string, not " + JsonCursor.describe(tokens[slot]));
        }
        return strings[slot];
    }

    private int requiredInt(int slot, int min, int max) {
        if (!has(slot)) {
            throw c.missing("value." + NAMES[slot], "required for datavalue type time");
        }
        if (tokens[slot] != JsonToken.VALUE_NUMBER_INT) {
            throw c.invalid("value." + NAMES[slot], "must be an integer, not " + JsonCursor.describe(tokens[slot]));
        }
        if (!fitsLong[slot] || longs[slot] < min || longs[slot] > max) {
            throw c.invalid("value." + NAMES[slot], "must be an integer from " + min + " to " + max);
        }
        return (int) longs[slot];
    }

    private double requiredNumber(int slot, double min, double max) {
        if (!has(slot)) {
            throw c.missing("value." + NAMES[slot], "required for datavalue type globecoordinate");
        }
        Double d = optionalNumber(slot, min, max);
        if (d == null) {
            throw c.invalid("value." + NAMES[slot], "must be a number, not null");
        }
        return d;
    }

    /** A number within [min, max], or null when absent or JSON null. */
    private Double optionalNumber(int slot, double min, double max) {
        if (!has(slot) || tokens[slot] == JsonToken.VALUE_NULL) {
            return null;
        }
        JsonToken t = tokens[slot];
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw c.invalid("value." + NAMES[slot], "must be a number, not " + JsonCursor.describe(t));
        }
        double d = doubles[slot];
        if (!(d >= min && d <= max)) {
            throw c.invalid(
                    "value." + NAMES[slot],
                    "must be from " + PhpNumbers.jsonEncodeDouble(min) + " to " + PhpNumbers.jsonEncodeDouble(max)
                            + ", not " + (Double.isFinite(d) ? PhpNumbers.jsonEncodeDouble(d) : "out of range"));
        }
        return d;
    }
}
