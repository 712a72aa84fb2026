package org.entitybase.entity.restv1.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entitybase.entity.service.EntityErrors;
import org.entitybase.entity.service.EntitySitelinks;
import org.entitybase.entity.service.EntityTerms;
import org.entitybase.entity.service.EntityTerms.Kind;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.PropertyDatatype;
import org.entitybase.model.error.WikibaseJsonException;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.json.WikibaseJsonWriter;
import org.entitybase.model.statement.Statement;
import org.entitybase.runtime.rest.ApiException;

/**
 * The one translator between the Wikibase REST API v1 data format (flat terms, {@code property: {id, data_type}},
 * {@code value: {type, content}}, statements keyed by property) and our Wikibase JSON model. Reads go model → Wikibase
 * JSON → v1; writes go v1 → Wikibase JSON → the strict reader, so a v1 write is checked exactly as any other write.
 *
 * <p>v1 drops what Wikibase JSON has beyond it (snak hashes, {@code qualifiers-order}, a time's {@code timezone},
 * {@code before}, {@code after}, a coordinate's {@code altitude}); a v1 write fills in Wikibase's defaults (0, 0, 0,
 * null). So that an edit never rewrites what it did not touch, {@link #statements(JsonNode, Map, Entity)} keeps every
 * statement whose v1 form is unchanged as it is stored.
 */
public final class RestV1Json {

    private static final ObjectMapper TREES = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final WikibaseJsonWriter WRITER = new WikibaseJsonWriter();

    private RestV1Json() {}

    // ---------------------------------------------------------------- model → v1

    /** An item or property in v1 form: {@code id, type, [data_type,] labels, descriptions, aliases, statements…}. */
    public static ObjectNode entity(Entity entity) {
        JsonNode json = tree(WRITER.toBytes(entity));
        ObjectNode out = NODES.objectNode();
        out.put("id", json.path("id").asText());
        out.put("type", json.path("type").asText());
        if (json.has("datatype")) {
            out.put("data_type", json.get("datatype").asText());
        }
        out.set("labels", terms(json.path("labels")));
        out.set("descriptions", terms(json.path("descriptions")));
        out.set("aliases", aliases(json.path("aliases")));
        out.set("statements", statements(json.path("claims")));
        if (!"property".equals(out.get("type").asText())) {
            out.set("sitelinks", sitelinks(json.path("sitelinks")));
        }
        return out;
    }

    /** The labels or descriptions of an item or property: {@code {"en": "…"}}. */
    public static ObjectNode terms(Entity entity, Kind kind) {
        return terms(tree(WRITER.termsToBytes(EntityTerms.terms(entity, kind))));
    }

    public static ObjectNode aliases(Entity entity) {
        return aliases(tree(WRITER.aliasesToBytes(EntityTerms.of(entity).aliases())));
    }

    public static ObjectNode sitelinks(Entity entity) {
        return sitelinks(tree(WRITER.sitelinksToBytes(EntitySitelinks.of(entity))));
    }

    public static ObjectNode statements(Entity entity) {
        return statements(tree(WRITER.statementsToBytes(entity.claims())));
    }

    /** One statement in v1 form. */
    public static ObjectNode statement(Statement statement) {
        return statement(tree(WRITER.toBytes(statement)));
    }

    /** {@code {"en": "Douglas Adams"}} from Wikibase's {@code {"en": {"language": "en", "value": …}}}. */
    private static ObjectNode terms(JsonNode terms) {
        ObjectNode out = NODES.objectNode();
        terms.properties()
                .forEach(e -> out.put(e.getKey(), e.getValue().path("value").asText()));
        return out;
    }

    private static ObjectNode aliases(JsonNode aliases) {
        ObjectNode out = NODES.objectNode();
        aliases.properties().forEach(e -> {
            ArrayNode values = out.putArray(e.getKey());
            e.getValue().forEach(term -> values.add(term.path("value").asText()));
        });
        return out;
    }

    private static ObjectNode sitelinks(JsonNode sitelinks) {
        ObjectNode out = NODES.objectNode();
        sitelinks.properties().forEach(e -> out.set(e.getKey(), sitelink(e.getValue())));
        return out;
    }

    /** {@code {title, badges, url}}; the stored url, else the one {@link SiteUrls} derives from the site id. */
    public static ObjectNode sitelink(JsonNode sitelink) {
        ObjectNode out = NODES.objectNode();
        String site = sitelink.path("site").asText();
        String title = sitelink.path("title").asText();
        out.put("title", title);
        ArrayNode badges = out.putArray("badges");
        sitelink.path("badges").forEach(badges::add);
        String url = sitelink.path("url").asText(null);
        out.put("url", url != null ? url : SiteUrls.url(site, title));
        return out;
    }

    private static ObjectNode statements(JsonNode claims) {
        ObjectNode out = NODES.objectNode();
        claims.properties().forEach(e -> {
            ArrayNode list = out.putArray(e.getKey());
            e.getValue().forEach(s -> list.add(statement(s)));
        });
        return out;
    }

    private static ObjectNode statement(JsonNode statement) {
        ObjectNode out = NODES.objectNode();
        out.put("id", statement.path("id").asText());
        out.put("rank", statement.path("rank").asText("normal"));
        part(statement.path("mainsnak"), out);
        ArrayNode qualifiers = out.putArray("qualifiers");
        snaks(statement.path("qualifiers"), statement.path("qualifiers-order"), qualifiers);
        ArrayNode references = out.putArray("references");
        for (JsonNode reference : statement.path("references")) {
            ObjectNode r = references.addObject();
            r.put("hash", reference.path("hash").asText());
            snaks(reference.path("snaks"), reference.path("snaks-order"), r.putArray("parts"));
        }
        return out;
    }

    /** Snaks grouped by property, flattened in {@code order} (then any group it leaves out). */
    private static void snaks(JsonNode groups, JsonNode order, ArrayNode out) {
        Set<String> properties = new LinkedHashSet<>();
        order.forEach(p -> properties.add(p.asText()));
        groups.properties().forEach(e -> properties.add(e.getKey()));
        for (String property : properties) {
            for (JsonNode snak : groups.path(property)) {
                part(snak, out.addObject());
            }
        }
    }

    /** {@code property: {id, data_type}, value: {type[, content]}} of a snak, into {@code out}. */
    private static void part(JsonNode snak, ObjectNode out) {
        ObjectNode property = out.putObject("property");
        property.put("id", snak.path("property").asText());
        if (snak.hasNonNull("datatype")) {
            property.put("data_type", snak.get("datatype").asText());
        } else {
            property.putNull("data_type");
        }
        ObjectNode value = out.putObject("value");
        String type = snak.path("snaktype").asText();
        value.put("type", type);
        if (type.equals("value")) {
            value.set("content", content(snak.path("datavalue")));
        }
    }

    private static JsonNode content(JsonNode datavalue) {
        JsonNode v = datavalue.path("value");
        return switch (datavalue.path("type").asText()) {
            case "wikibase-entityid" -> NODES.textNode(v.path("id").asText());
            case "monolingualtext" ->
                NODES.objectNode()
                        .put("text", v.path("text").asText())
                        .put("language", v.path("language").asText());
            case "quantity" -> {
                ObjectNode q = NODES.objectNode();
                q.set("amount", v.path("amount"));
                q.set("unit", v.path("unit"));
                copyIfPresent(v, q, "upperBound");
                copyIfPresent(v, q, "lowerBound");
                yield q;
            }
            case "time" -> {
                ObjectNode t = NODES.objectNode();
                t.set("time", v.path("time"));
                t.set("precision", v.path("precision"));
                t.set("calendarmodel", v.path("calendarmodel"));
                yield t;
            }
            case "globecoordinate" -> {
                ObjectNode g = NODES.objectNode();
                g.set("latitude", v.path("latitude"));
                g.set("longitude", v.path("longitude"));
                g.set("precision", v.path("precision"));
                g.set("globe", v.path("globe"));
                yield g;
            }
            default -> v; // string
        };
    }

    private static void copyIfPresent(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field));
        }
    }

    // ---------------------------------------------------------------- v1 → Wikibase JSON

    /** Every property a v1 document (entity, statement map, statement list or statement) refers to. */
    public static Set<String> properties(JsonNode v1) {
        Set<String> out = new LinkedHashSet<>();
        collect(v1, out);
        return out;
    }

    private static void collect(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            JsonNode property = node.get("property");
            if (property != null && property.isObject() && property.path("id").isTextual()) {
                out.add(property.get("id").textValue());
            }
            node.forEach(child -> collect(child, out));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, out));
        }
    }

    /**
     * A v1 entity ({@code item} or {@code property} of a create request) as Wikibase JSON bytes for the write path.
     * Read-only fields ({@code id}, {@code type}) are ignored as Wikibase ignores them.
     */
    public static byte[] wikibaseEntity(JsonNode v1, String type, Map<String, String> datatypes) {
        requireObject(v1, "");
        ObjectNode out = NODES.objectNode();
        out.put("type", type);
        if (v1.has("data_type")) {
            out.set("datatype", v1.get("data_type"));
        }
        out.set("labels", wikibaseTerms(v1.path("labels"), "/labels"));
        out.set("descriptions", wikibaseTerms(v1.path("descriptions"), "/descriptions"));
        out.set("aliases", wikibaseAliases(v1.path("aliases"), "/aliases"));
        out.set("claims", wikibaseStatements(v1.path("statements"), "/statements", datatypes));
        if (type.equals("item")) {
            out.set("sitelinks", wikibaseSitelinks(v1.path("sitelinks"), "/sitelinks"));
        }
        return bytes(out);
    }

    /** {@code entity} with its labels or descriptions replaced by v1 {@code terms} (checked by the write path). */
    public static Entity withTerms(Entity entity, String field, JsonNode terms) {
        return with(entity, field, wikibaseTerms(terms, ""));
    }

    public static Entity withAliases(Entity entity, JsonNode aliases) {
        return with(entity, "aliases", wikibaseAliases(aliases, ""));
    }

    public static Entity withSitelinks(Entity entity, JsonNode sitelinks) {
        return with(entity, "sitelinks", wikibaseSitelinks(sitelinks, ""));
    }

    /**
     * {@code entity} with its statements replaced by the v1 {@code statements} map. A statement whose v1 form equals
     * that of the stored statement with its id is kept as stored (nothing v1 cannot express is lost).
     */
    public static Entity withStatements(Entity entity, JsonNode statements, Map<String, String> datatypes) {
        return with(entity, "claims", statements(statements, datatypes, entity));
    }

    private static ObjectNode statements(JsonNode statements, Map<String, String> datatypes, Entity current) {
        requireObject(statements, "");
        JsonNode stored = tree(WRITER.toBytes(current)).path("claims");
        ObjectNode out = NODES.objectNode();
        statements.properties().forEach(group -> {
            String path = "/" + group.getKey();
            requireArray(group.getValue(), path);
            ArrayNode list = out.putArray(group.getKey());
            int i = 0;
            for (JsonNode v1 : group.getValue()) {
                JsonNode original = storedStatement(stored, v1.path("id").asText(null));
                list.add(
                        original != null && statement(original).equals(v1)
                                ? original
                                : wikibaseStatement(v1, path + "/" + i, datatypes));
                i++;
            }
        });
        return out;
    }

    private static JsonNode storedStatement(JsonNode claims, String id) {
        if (id == null) {
            return null;
        }
        for (JsonNode list : claims) {
            for (JsonNode s : list) {
                if (id.equals(s.path("id").asText(null))) {
                    return s;
                }
            }
        }
        return null;
    }

    /** A v1 statement as a {@link Statement} of {@code subject} (strict reading: 400 with the path on bad input). */
    public static Statement readStatement(JsonNode v1, EntityId subject, Map<String, String> datatypes) {
        try {
            return WikibaseJsonReader.strict().readStatement(bytes(wikibaseStatement(v1, "", datatypes)), subject);
        } catch (WikibaseJsonException e) {
            throw EntityErrors.invalidJson(e);
        }
    }

    private static ObjectNode wikibaseStatements(JsonNode statements, String path, Map<String, String> datatypes) {
        ObjectNode out = NODES.objectNode();
        if (statements.isMissingNode()) {
            return out;
        }
        requireObject(statements, path);
        statements.properties().forEach(group -> {
            String groupPath = path + "/" + group.getKey();
            requireArray(group.getValue(), groupPath);
            ArrayNode list = out.putArray(group.getKey());
            int i = 0;
            for (JsonNode v1 : group.getValue()) {
                ObjectNode s = wikibaseStatement(v1, groupPath + "/" + i++, datatypes);
                if (!s.path("mainsnak").path("property").asText().equals(group.getKey())) {
                    throw invalid(groupPath, "a statement under " + group.getKey() + " must be about it");
                }
                list.add(s);
            }
        });
        return out;
    }

    private static ObjectNode wikibaseStatement(JsonNode v1, String path, Map<String, String> datatypes) {
        requireObject(v1, path);
        ObjectNode out = NODES.objectNode();
        out.put("type", "statement");
        if (v1.hasNonNull("id")) {
            out.set("id", v1.get("id"));
        }
        out.set("rank", v1.has("rank") ? v1.get("rank") : NODES.textNode("normal"));
        out.set("mainsnak", snak(v1, path, datatypes));
        JsonNode qualifiers = v1.path("qualifiers");
        if (!qualifiers.isMissingNode()) {
            requireArray(qualifiers, path + "/qualifiers");
            ObjectNode groups = out.putObject("qualifiers");
            ArrayNode order = out.putArray("qualifiers-order");
            groupSnaks(qualifiers, path + "/qualifiers", datatypes, groups, order);
        }
        ArrayNode references = out.putArray("references");
        JsonNode v1References = v1.path("references");
        if (!v1References.isMissingNode()) {
            requireArray(v1References, path + "/references");
            int i = 0;
            for (JsonNode reference : v1References) {
                String referencePath = path + "/references/" + i++;
                requireObject(reference, referencePath);
                requireArray(reference.path("parts"), referencePath + "/parts");
                ObjectNode r = references.addObject();
                groupSnaks(
                        reference.get("parts"),
                        referencePath + "/parts",
                        datatypes,
                        r.putObject("snaks"),
                        r.putArray("snaks-order"));
            }
        }
        return out;
    }

    private static void groupSnaks(
            JsonNode parts, String path, Map<String, String> datatypes, ObjectNode groups, ArrayNode order) {
        int i = 0;
        for (JsonNode part : parts) {
            ObjectNode snak = snak(part, path + "/" + i++, datatypes);
            String property = snak.path("property").asText();
            if (!groups.has(property)) {
                order.add(property);
                groups.putArray(property);
            }
            ((ArrayNode) groups.get(property)).add(snak);
        }
    }

    /** The Wikibase snak of a v1 {@code {property: {id}, value: {type, content}}}. */
    private static ObjectNode snak(JsonNode part, String path, Map<String, String> datatypes) {
        requireObject(part, path);
        JsonNode property = part.path("property");
        if (!property.path("id").isTextual()) {
            throw missing(path + "/property/id");
        }
        String id = property.get("id").textValue();
        String datatype = datatypes.get(id);
        if (datatype == null) {
            throw new ApiException(
                    400,
                    "referenced-resource-not-found",
                    "property " + id + " does not exist",
                    Map.of("path", path + "/property/id"));
        }
        JsonNode value = part.path("value");
        if (!value.path("type").isTextual()) {
            throw missing(path + "/value/type");
        }
        ObjectNode out = NODES.objectNode();
        String type = value.get("type").textValue();
        out.put("snaktype", type);
        out.put("property", id);
        out.put("datatype", datatype);
        switch (type) {
            case "novalue", "somevalue" -> {}
            case "value" -> out.set("datavalue", datavalue(value.path("content"), datatype, path + "/value/content"));
            default -> throw invalid(path + "/value/type", "must be value, somevalue or novalue");
        }
        return out;
    }

    private static ObjectNode datavalue(JsonNode content, String datatype, String path) {
        if (content.isMissingNode() || content.isNull()) {
            throw missing(path);
        }
        PropertyDatatype known = PropertyDatatype.fromId(datatype);
        if (known == null) {
            throw invalid(path, "property datatype " + datatype + " is not supported");
        }
        ObjectNode out = NODES.objectNode();
        out.put("type", known.valueType().jsonName());
        switch (known.valueType()) {
            case ENTITY_ID -> {
                if (!content.isTextual()) {
                    throw invalid(path, "must be an entity id");
                }
                out.putObject("value")
                        .put("entity-type", known.entityType().jsonName())
                        .put("id", content.textValue());
            }
            case STRING -> {
                if (!content.isTextual()) {
                    throw invalid(path, "must be a string");
                }
                out.set("value", content);
            }
            case TIME -> {
                requireObject(content, path);
                ObjectNode v = out.putObject("value");
                v.set("time", content.path("time"));
                v.put("timezone", 0).put("before", 0).put("after", 0);
                v.set("precision", content.path("precision"));
                v.set("calendarmodel", content.path("calendarmodel"));
            }
            case GLOBE_COORDINATE -> {
                requireObject(content, path);
                ObjectNode v = out.putObject("value");
                v.set("latitude", content.path("latitude"));
                v.set("longitude", content.path("longitude"));
                v.putNull("altitude");
                v.set("precision", content.path("precision"));
                v.set("globe", content.path("globe"));
            }
            default -> {
                requireObject(content, path); // monolingualtext, quantity: the same fields as Wikibase JSON
                out.set("value", content);
            }
        }
        return out;
    }

    private static ObjectNode wikibaseTerms(JsonNode terms, String path) {
        ObjectNode out = NODES.objectNode();
        if (terms.isMissingNode()) {
            return out;
        }
        requireObject(terms, path);
        terms.properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
                throw invalid(path + "/" + e.getKey(), "must be a string");
            }
            out.putObject(e.getKey())
                    .put("language", e.getKey())
                    .put("value", e.getValue().textValue());
        });
        return out;
    }

    private static ObjectNode wikibaseAliases(JsonNode aliases, String path) {
        ObjectNode out = NODES.objectNode();
        if (aliases.isMissingNode()) {
            return out;
        }
        requireObject(aliases, path);
        aliases.properties().forEach(e -> {
            String languagePath = path + "/" + e.getKey();
            requireArray(e.getValue(), languagePath);
            ArrayNode list = out.putArray(e.getKey());
            int i = 0;
            for (JsonNode alias : e.getValue()) {
                if (!alias.isTextual()) {
                    throw invalid(languagePath + "/" + i, "must be a string");
                }
                list.addObject().put("language", e.getKey()).put("value", alias.textValue());
                i++;
            }
        });
        return out;
    }

    private static ObjectNode wikibaseSitelinks(JsonNode sitelinks, String path) {
        ObjectNode out = NODES.objectNode();
        if (sitelinks.isMissingNode()) {
            return out;
        }
        requireObject(sitelinks, path);
        sitelinks.properties().forEach(e -> out.set(e.getKey(), wikibaseSitelink(e.getKey(), e.getValue(), path)));
        return out;
    }

    /** A v1 {@code {title, badges}} as Wikibase's {@code {site, title, badges}} (the url is derived, not stored). */
    public static ObjectNode wikibaseSitelink(String site, JsonNode sitelink, String path) {
        String sitePath = path + "/" + site;
        requireObject(sitelink, sitePath);
        if (!sitelink.path("title").isTextual()) {
            throw missing(sitePath + "/title");
        }
        ObjectNode out = NODES.objectNode()
                .put("site", site)
                .put("title", sitelink.get("title").textValue());
        ArrayNode badges = out.putArray("badges");
        JsonNode given = sitelink.path("badges");
        if (!given.isMissingNode()) {
            requireArray(given, sitePath + "/badges");
            given.forEach(badges::add);
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    /** {@code entity} with one top-level Wikibase JSON field replaced, read again strictly. */
    private static Entity with(Entity entity, String field, JsonNode value) {
        ObjectNode json = (ObjectNode) tree(WRITER.toBytes(entity));
        json.set(field, value);
        try {
            return WikibaseJsonReader.strict().readEntity(bytes(json));
        } catch (WikibaseJsonException e) {
            throw EntityErrors.invalidJson(e);
        }
    }

    private static void requireObject(JsonNode node, String path) {
        if (!node.isObject()) {
            throw invalid(path, "must be an object");
        }
    }

    private static void requireArray(JsonNode node, String path) {
        if (!node.isArray()) {
            throw invalid(path, "must be an array");
        }
    }

    private static ApiException invalid(String path, String message) {
        return new ApiException(
                400, "invalid-value", "Invalid value at '" + path + "': " + message, Map.of("path", path));
    }

    private static ApiException missing(String path) {
        return new ApiException(400, "missing-field", "Required field missing: '" + path + "'", Map.of("path", path));
    }

    private static JsonNode tree(byte[] json) {
        try {
            return TREES.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return TREES.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values of a JSON array of strings, or null when {@code node} is not one. */
    public static List<String> strings(JsonNode node) {
        if (!node.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            JsonNode v = it.next();
            if (!v.isTextual()) {
                return null;
            }
            out.add(v.textValue());
        }
        return out;
    }
}
