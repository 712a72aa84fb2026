package org.entitybase.model.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entitybase.model.entity.PageMetadata;
import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;

import static org.entitybase.model.content.ContentFields.ALIASES;
import static org.entitybase.model.content.ContentFields.CLAIMS;
import static org.entitybase.model.content.ContentFields.DATATYPE;
import static org.entitybase.model.content.ContentFields.DESCRIPTIONS;
import static org.entitybase.model.content.ContentFields.FORMS;
import static org.entitybase.model.content.ContentFields.ID;
import static org.entitybase.model.content.ContentFields.LABELS;
import static org.entitybase.model.content.ContentFields.LANGUAGE;
import static org.entitybase.model.content.ContentFields.LAST_REVISION_ID;
import static org.entitybase.model.content.ContentFields.LEMMAS;
import static org.entitybase.model.content.ContentFields.LEXICAL_CATEGORY;
import static org.entitybase.model.content.ContentFields.MODIFIED;
import static org.entitybase.model.content.ContentFields.NAMESPACE;
import static org.entitybase.model.content.ContentFields.NEXT_FORM_ID;
import static org.entitybase.model.content.ContentFields.NEXT_SENSE_ID;
import static org.entitybase.model.content.ContentFields.PAGE;
import static org.entitybase.model.content.ContentFields.PAGE_ID;
import static org.entitybase.model.content.ContentFields.SCHEMA;
import static org.entitybase.model.content.ContentFields.SENSES;
import static org.entitybase.model.content.ContentFields.SITELINKS;
import static org.entitybase.model.content.ContentFields.TITLE;
import static org.entitybase.model.content.ContentFields.TYPE;

/**
 * Reading and writing the composite shapes of package-info: ordered {@code [key, value]} pair arrays, address lists
 * and the revision manifest. Missing members read as empty/null, mirroring how they are left out on write.
 */
final class CompositeJson {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Tree parsing only (no data binding), so nothing here needs reflection. */
    private static final ObjectMapper TREES = new ObjectMapper();

    private CompositeJson() {}

    static JsonNode parse(byte[] json) {
        try {
            return TREES.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("content object is not JSON", e);
        }
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode a = NODES.arrayNode(values.size());
        values.forEach(a::add);
        return a;
    }

    static List<String> readStrings(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(node.size());
        node.forEach(n -> out.add(n.textValue()));
        return out;
    }

    static ArrayNode addresses(List<ContentAddress> addresses) {
        ArrayNode a = NODES.arrayNode(addresses.size());
        addresses.forEach(x -> a.add(x.sha256()));
        return a;
    }

    static List<ContentAddress> readAddresses(JsonNode node, ContentKind kind) {
        if (node == null) {
            return List.of();
        }
        List<ContentAddress> out = new ArrayList<>(node.size());
        node.forEach(n -> out.add(kind.address(n.textValue())));
        return out;
    }

    /** {@code [[key, hex]…]} in map order. */
    static ArrayNode addressPairs(Map<String, ContentAddress> map) {
        ArrayNode a = NODES.arrayNode(map.size());
        map.forEach((k, v) -> a.addArray().add(k).add(v.sha256()));
        return a;
    }

    static Map<String, ContentAddress> readAddressPairs(JsonNode node, ContentKind kind) {
        Map<String, ContentAddress> out = new LinkedHashMap<>();
        if (node != null) {
            node.forEach(pair ->
                    out.put(pair.get(0).textValue(), kind.address(pair.get(1).textValue())));
        }
        return out;
    }

    /** {@code [[key, [hex…]]…]} in map order. */
    static ArrayNode addressListPairs(Map<String, List<ContentAddress>> map) {
        ArrayNode a = NODES.arrayNode(map.size());
        map.forEach((k, v) -> a.addArray().add(k).add(addresses(v)));
        return a;
    }

    static Map<String, List<ContentAddress>> readAddressListPairs(JsonNode node, ContentKind kind) {
        Map<String, List<ContentAddress>> out = new LinkedHashMap<>();
        if (node != null) {
            node.forEach(pair -> out.put(pair.get(0).textValue(), readAddresses(pair.get(1), kind)));
        }
        return out;
    }

    /** {@code [[pid, [[guid, hex]…]]…]}: statements keep their GUIDs here, not in the statement object. */
    static ArrayNode claimPairs(Map<String, List<StatementRef>> claims) {
        ArrayNode a = NODES.arrayNode(claims.size());
        claims.forEach((property, refs) -> {
            ArrayNode list = a.addArray().add(property).addArray();
            for (StatementRef r : refs) {
                ArrayNode pair = list.addArray();
                if (r.guid() == null) {
                    pair.addNull();
                } else {
                    pair.add(r.guid());
                }
                pair.add(r.statement().sha256());
            }
        });
        return a;
    }

    static Map<String, List<StatementRef>> readClaimPairs(JsonNode node) {
        Map<String, List<StatementRef>> out = new LinkedHashMap<>();
        if (node != null) {
            node.forEach(pair -> {
                List<StatementRef> refs = new ArrayList<>(pair.get(1).size());
                pair.get(1)
                        .forEach(r -> refs.add(new StatementRef(
                                r.get(0).textValue(),
                                ContentKind.STATEMENT.address(r.get(1).textValue()))));
                out.put(pair.get(0).textValue(), refs);
            });
        }
        return out;
    }

    static void putIfNotEmpty(ObjectNode o, String field, ArrayNode value) {
        if (!value.isEmpty()) {
            o.set(field, value);
        }
    }

    static void putIfNotNull(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.textValue();
    }

    static ObjectNode manifest(RevisionManifest m) {
        ObjectNode o = object();
        o.put(SCHEMA, m.schemaVersion());
        o.put(TYPE, m.type().jsonName());
        putIfNotNull(o, ID, m.id() == null ? null : m.id().value());
        putIfNotNull(o, DATATYPE, m.datatype());
        putIfNotEmpty(o, LABELS, addressPairs(m.labels()));
        putIfNotEmpty(o, DESCRIPTIONS, addressPairs(m.descriptions()));
        putIfNotEmpty(o, ALIASES, addressListPairs(m.aliases()));
        putIfNotEmpty(o, SITELINKS, addressPairs(m.sitelinks()));
        putIfNotEmpty(o, CLAIMS, claimPairs(m.claims()));
        putIfNotEmpty(o, LEMMAS, addressPairs(m.lemmas()));
        putIfNotNull(o, LEXICAL_CATEGORY, m.lexicalCategory());
        putIfNotNull(o, LANGUAGE, m.language());
        putIfNotEmpty(o, FORMS, addresses(m.forms()));
        putIfNotEmpty(o, SENSES, addresses(m.senses()));
        if (m.nextFormId() != null) {
            o.put(NEXT_FORM_ID, m.nextFormId());
        }
        if (m.nextSenseId() != null) {
            o.put(NEXT_SENSE_ID, m.nextSenseId());
        }
        ObjectNode page = page(m.page());
        if (!page.isEmpty()) {
            o.set(PAGE, page);
        }
        return o;
    }

    static RevisionManifest readManifest(JsonNode o) {
        String typeName = text(o, TYPE);
        EntityType type = EntityType.fromJsonName(typeName);
        if (type == null) {
            throw new IllegalArgumentException("revision object with unknown entity type " + typeName);
        }
        String id = text(o, ID);
        return new RevisionManifest(
                id == null ? null : EntityId.parse(id),
                type,
                text(o, SCHEMA),
                text(o, DATATYPE),
                readAddressPairs(o.get(LABELS), ContentKind.TERM),
                readAddressPairs(o.get(DESCRIPTIONS), ContentKind.TERM),
                readAddressListPairs(o.get(ALIASES), ContentKind.TERM),
                readAddressPairs(o.get(SITELINKS), ContentKind.SITELINK),
                readClaimPairs(o.get(CLAIMS)),
                readAddressPairs(o.get(LEMMAS), ContentKind.TERM),
                text(o, LEXICAL_CATEGORY),
                text(o, LANGUAGE),
                readAddresses(o.get(FORMS), ContentKind.FORM),
                readAddresses(o.get(SENSES), ContentKind.SENSE),
                o.has(NEXT_FORM_ID) ? o.get(NEXT_FORM_ID).intValue() : null,
                o.has(NEXT_SENSE_ID) ? o.get(NEXT_SENSE_ID).intValue() : null,
                readPage(o.get(PAGE)));
    }

    private static ObjectNode page(PageMetadata page) {
        ObjectNode o = object();
        if (page.pageId() != null) {
            o.put(PAGE_ID, page.pageId());
        }
        if (page.namespace() != null) {
            o.put(NAMESPACE, page.namespace());
        }
        putIfNotNull(o, TITLE, page.title());
        if (page.lastRevisionId() != null) {
            o.put(LAST_REVISION_ID, page.lastRevisionId());
        }
        putIfNotNull(o, MODIFIED, page.modified());
        return o;
    }

    private static PageMetadata readPage(JsonNode o) {
        if (o == null) {
            return PageMetadata.NONE;
        }
        return new PageMetadata(
                o.has(PAGE_ID) ? o.get(PAGE_ID).longValue() : null,
                o.has(NAMESPACE) ? o.get(NAMESPACE).intValue() : null,
                text(o, TITLE),
                o.has(LAST_REVISION_ID) ? o.get(LAST_REVISION_ID).longValue() : null,
                text(o, MODIFIED));
    }
}
