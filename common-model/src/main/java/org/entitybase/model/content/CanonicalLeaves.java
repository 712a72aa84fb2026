package org.entitybase.model.content;

import org.entitybase.model.hash.content.JsonCanonicalizer;
import org.entitybase.model.json.PhpNumbers;
import org.entitybase.model.sitelink.Sitelink;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.snak.ValueSnak;
import org.entitybase.model.term.Term;
import org.entitybase.model.value.DataValue;
import org.entitybase.model.value.EntityIdValue;
import org.entitybase.model.value.GlobeCoordinateValue;
import org.entitybase.model.value.MonolingualTextValue;
import org.entitybase.model.value.QuantityValue;
import org.entitybase.model.value.StringValue;
import org.entitybase.model.value.TimeValue;

/**
 * The canonical bytes of the split's leaf objects (snaks, terms, sitelinks) written straight from the model: the
 * same bytes as canonicalizing their Wikibase JSON ({@code WikibaseJsonWriter}), without writing that JSON and parsing
 * it back into a tree (CanonicalLeavesTest checks the equality over every leaf of the real data). Members are
 * written in canonical order, which {@link JsonCanonicalizer#name} enforces. Not thread-safe: one per split.
 */
final class CanonicalLeaves {
    private final JsonCanonicalizer out = JsonCanonicalizer.writer();

    byte[] term(Term term) {
        out.reset();
        out.startObject();
        out.name("language");
        out.string(term.language());
        out.name("value");
        out.string(term.value());
        out.endObject();
        return out.toBytes();
    }

    byte[] sitelink(Sitelink sitelink) {
        out.reset();
        out.startObject();
        out.name("badges");
        out.startArray();
        for (String badge : sitelink.badges()) {
            out.string(badge);
        }
        out.endArray();
        out.name("site");
        out.string(sitelink.site());
        out.name("title");
        out.string(sitelink.title());
        if (sitelink.url() != null) {
            out.name("url");
            out.string(sitelink.url());
        }
        out.endObject();
        return out.toBytes();
    }

    byte[] snak(Snak snak) {
        out.reset();
        out.startObject();
        if (snak.datatype() != null) {
            out.name("datatype");
            out.string(snak.datatype());
        }
        if (snak instanceof ValueSnak valueSnak) {
            out.name("datavalue");
            dataValue(valueSnak.value());
        }
        if (snak.hash() != null) {
            out.name("hash");
            out.string(snak.hash());
        }
        out.name("property");
        out.string(snak.property());
        out.name("snaktype");
        out.string(snak.snakType().jsonName());
        out.endObject();
        return out.toBytes();
    }

    private void dataValue(DataValue value) {
        out.startObject();
        out.name("type");
        out.string(value.type().jsonName());
        out.name("value");
        switch (value.type()) {
            case STRING -> out.string(((StringValue) value).value());
            case MONOLINGUAL_TEXT -> {
                MonolingualTextValue v = (MonolingualTextValue) value;
                out.startObject();
                out.name("language");
                out.string(v.language());
                out.name("text");
                out.string(v.text());
                out.endObject();
            }
            case ENTITY_ID -> {
                EntityIdValue v = (EntityIdValue) value;
                out.startObject();
                out.name("entity-type");
                out.string(v.id().type().jsonName());
                out.name("id");
                out.string(v.id().value());
                if (v.numericIdPresent()) {
                    out.name("numeric-id");
                    out.integer(v.id().numericId());
                }
                out.endObject();
            }
            case TIME -> {
                TimeValue v = (TimeValue) value;
                out.startObject();
                out.name("after");
                out.integer(v.after());
                out.name("before");
                out.integer(v.before());
                out.name("calendarmodel");
                out.string(v.calendarModel());
                out.name("precision");
                out.integer(v.precision());
                out.name("time");
                out.string(v.time());
                out.name("timezone");
                out.integer(v.timezone());
                out.endObject();
            }
            case QUANTITY -> {
                QuantityValue v = (QuantityValue) value;
                out.startObject();
                out.name("amount");
                out.string(v.amount());
                if (v.lowerBound() != null) {
                    out.name("lowerBound");
                    out.string(v.lowerBound());
                }
                out.name("unit");
                out.string(v.unit());
                if (v.upperBound() != null) {
                    out.name("upperBound");
                    out.string(v.upperBound());
                }
                out.endObject();
            }
            case GLOBE_COORDINATE -> {
                GlobeCoordinateValue v = (GlobeCoordinateValue) value;
                out.startObject();
                out.name("altitude");
                nullableDouble(v.altitude());
                out.name("globe");
                out.string(v.globe() == null ? GlobeCoordinateValue.EARTH : v.globe());
                out.name("latitude");
                out.number(PhpNumbers.jsonEncodeDouble(v.latitude()));
                out.name("longitude");
                out.number(PhpNumbers.jsonEncodeDouble(v.longitude()));
                out.name("precision");
                nullableDouble(v.precision());
                out.endObject();
            }
        }
        out.endObject();
    }

    private void nullableDouble(Double d) {
        if (d == null) {
            out.nullValue();
        } else {
            out.number(PhpNumbers.jsonEncodeDouble(d));
        }
    }
}
