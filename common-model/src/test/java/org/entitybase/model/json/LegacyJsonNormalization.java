package org.entitybase.model.json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The documented normalizations of docs/JSON-NORMALIZATION.md, applied to input JSON so that it can be compared with
 * what the writer produces. Written independently of the reader: it states the expectation, it does not reuse the
 * code under test.
 */
final class LegacyJsonNormalization {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> PAGE = Set.of("pageid", "ns", "title", "lastrevid", "modified");
    private static final Map<String, List<String>> MAPS = Map.of(
            "item", List.of("labels", "descriptions", "aliases", "claims", "sitelinks"),
            "property", List.of("labels", "descriptions", "aliases", "claims"),
            "lexeme", List.of("lemmas", "claims"),
            "mediainfo", List.of("labels", "descriptions", "statements"));
    private static final Map<String, List<String>> OTHER_FIELDS = Map.of(
            "item", List.of(),
            "property", List.of("datatype"),
            "lexeme", List.of("lexicalCategory", "language", "forms", "senses", "nextFormId", "nextSenseId"),
            "mediainfo", List.of());
    private static final Map<String, Set<String>> VALUE_KEYS = Map.of(
            "monolingualtext", Set.of("text", "language"),
            "wikibase-entityid", Set.of("entity-type", "numeric-id", "id"),
            "time", Set.of("time", "timezone", "before", "after", "precision", "calendarmodel"),
            "quantity", Set.of("amount", "unit", "upperBound", "lowerBound"),
            "globecoordinate", Set.of("latitude", "longitude", "altitude", "precision", "globe"));
    private static final Map<String, String> ID_PREFIX =
            Map.of("item", "Q", "property", "P", "lexeme", "L", "mediainfo", "M", "entity-schema", "E");

    private LegacyJsonNormalization() {}

    /** A copy of {@code entity} in the canonical form the writer produces. */
    static JsonNode canonicalForm(JsonNode entity) {
        ObjectNode e = entity.deepCopy();
        String type = e.path("type").asText();
        List<String> maps = MAPS.get(type);
        Set<String> known = new java.util.HashSet<>(PAGE);
        known.addAll(Set.of("type", "id"));
        known.addAll(maps);
        known.addAll(OTHER_FIELDS.get(type));
        retainOnly(e, known);
        for (String field : maps) {
            emptyArrayOrMissingAsMap(e, field);
        }
        for (String field : List.of("labels", "descriptions", "lemmas")) {
            if (e.has(field)) {
                e.get(field).forEach(term -> retainOnly((ObjectNode) term, Set.of("language", "value")));
            }
        }
        if (e.has("aliases")) {
            e.get("aliases")
                    .forEach(
                            group -> group.forEach(term -> retainOnly((ObjectNode) term, Set.of("language", "value"))));
        }
        if (e.has("sitelinks")) {
            e.get("sitelinks").forEach(link -> {
                ObjectNode sitelink = (ObjectNode) link;
                retainOnly(sitelink, Set.of("site", "title", "badges", "url"));
                if (!sitelink.has("badges")) {
                    sitelink.putArray("badges");
                }
            });
        }
        statements(e.get(type.equals("mediainfo") ? "statements" : "claims"));
        if (type.equals("lexeme")) {
            for (String field : List.of("forms", "senses")) {
                if (!e.has(field)) {
                    e.putArray(field);
                }
            }
            e.get("forms").forEach(form -> lexemePart((ObjectNode) form, "representations", "grammaticalFeatures"));
            e.get("senses").forEach(sense -> lexemePart((ObjectNode) sense, "glosses", null));
        }
        return e;
    }

    private static void lexemePart(ObjectNode part, String termsField, String otherField) {
        retainOnly(
                part,
                otherField == null
                        ? Set.of("id", termsField, "claims")
                        : Set.of("id", termsField, otherField, "claims"));
        emptyArrayOrMissingAsMap(part, termsField);
        emptyArrayOrMissingAsMap(part, "claims");
        part.get(termsField).forEach(term -> retainOnly((ObjectNode) term, Set.of("language", "value")));
        statements(part.get("claims"));
    }

    private static void statements(JsonNode claims) {
        claims.forEach(group -> group.forEach(s -> {
            ObjectNode statement = (ObjectNode) s;
            retainOnly(
                    statement,
                    Set.of("mainsnak", "type", "qualifiers", "qualifiers-order", "id", "rank", "references"));
            statement.put("type", "statement");
            if (!statement.has("rank")) {
                statement.put("rank", "normal");
            }
            snak((ObjectNode) statement.get("mainsnak"));
            if (statement.has("qualifiers") && statement.get("qualifiers").isEmpty()) {
                statement.remove("qualifiers");
                statement.remove("qualifiers-order");
            }
            if (statement.has("qualifiers")) {
                snakMap(statement, "qualifiers", "qualifiers-order");
            }
            if (statement.has("references") && statement.get("references").isEmpty()) {
                statement.remove("references");
            }
            if (statement.has("references")) {
                statement.get("references").forEach(r -> {
                    ObjectNode reference = (ObjectNode) r;
                    retainOnly(reference, Set.of("hash", "snaks", "snaks-order"));
                    emptyArrayOrMissingAsMap(reference, "snaks");
                    snakMap(reference, "snaks", "snaks-order");
                });
            }
        }));
    }

    /** A snak map with its order list: the order defaults to the key order. */
    private static void snakMap(ObjectNode owner, String mapField, String orderField) {
        emptyArrayOrMissingAsMap(owner, mapField);
        if (!owner.has(orderField)) {
            ArrayNode order = owner.putArray(orderField);
            owner.get(mapField).fieldNames().forEachRemaining(order::add);
        }
        owner.get(mapField).forEach(group -> group.forEach(snak -> snak((ObjectNode) snak)));
    }

    private static void snak(ObjectNode snak) {
        retainOnly(snak, Set.of("snaktype", "property", "hash", "datavalue", "datatype"));
        if (!snak.has("datavalue")) {
            return;
        }
        ObjectNode datavalue = (ObjectNode) snak.get("datavalue");
        retainOnly(datavalue, Set.of("value", "type"));
        String type = datavalue.get("type").asText();
        if (!datavalue.get("value").isObject()) {
            return;
        }
        ObjectNode value = (ObjectNode) datavalue.get("value");
        retainOnly(value, VALUE_KEYS.get(type));
        if (type.equals("wikibase-entityid") && !value.has("id")) {
            value.put(
                    "id",
                    ID_PREFIX.get(value.get("entity-type").asText())
                            + value.get("numeric-id").asLong());
        }
        if (type.equals("globecoordinate")) {
            for (String field : List.of("altitude", "precision")) {
                if (!value.has(field)) {
                    value.putNull(field);
                }
            }
            if (!value.hasNonNull("globe")) {
                value.put("globe", "http://www.wikidata.org/entity/Q2");
            }
        }
    }

    /** PHP writes an empty map as {@code []}; an absent map is written as {@code {}}. */
    private static void emptyArrayOrMissingAsMap(ObjectNode owner, String field) {
        JsonNode value = owner.get(field);
        if (value == null || (value.isArray() && value.isEmpty())) {
            owner.set(field, NODES.objectNode());
        }
    }

    private static void retainOnly(ObjectNode node, Set<String> keys) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!keys.contains(name)) {
                unknown.add(name);
            }
        }
        unknown.forEach(node::remove);
    }
}
