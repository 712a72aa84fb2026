package org.entitybase.rdf.service;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.rdf.mapping.EntityStub;

/**
 * What RDF needs of an entity it only mentions: its stub (terms or redirect target), and for a property its datatype
 * and external-id URI pattern (the string value of "formatter URI for RDF resource", P1921, best rank first).
 */
public record EntitySummary(EntityStub stub, String datatype, String uriPattern) {

    static final String FORMATTER_URI_FOR_RDF = "P1921";

    static EntitySummary redirect(EntityId id, EntityId target) {
        return new EntitySummary(EntityStub.redirect(id, target), null, null);
    }

    /**
     * The summary of {@code id} from the JSON of the entity holding it: the entity itself, or for a form or sense
     * its lexeme. Null when the lexeme has no such form or sense.
     */
    static EntitySummary of(EntityId id, JsonNode entity) {
        if (id.type() == EntityType.FORM || id.type() == EntityType.SENSE) {
            String list = id.type() == EntityType.FORM ? "forms" : "senses";
            String terms = id.type() == EntityType.FORM ? "representations" : "glosses";
            for (JsonNode sub : entity.path(list)) {
                if (id.value().equals(sub.path("id").asText())) {
                    return new EntitySummary(EntityStub.of(id, texts(sub.path(terms)), Map.of()), null, null);
                }
            }
            return null;
        }
        if (id.type() == EntityType.LEXEME) {
            return new EntitySummary(EntityStub.of(id, texts(entity.path("lemmas")), Map.of()), null, null);
        }
        EntityStub stub = EntityStub.of(id, texts(entity.path("labels")), texts(entity.path("descriptions")));
        String datatype = entity.path("datatype").asText(null);
        return new EntitySummary(stub, datatype, datatype == null ? null : uriPattern(entity));
    }

    /** {@code {"en": {"language": "en", "value": "…"}}} → language → text. */
    private static Map<String, String> texts(JsonNode terms) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = terms.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> term = it.next();
            JsonNode value = term.getValue().path("value");
            if (value.isTextual()) {
                texts.put(term.getKey(), value.textValue());
            }
        }
        return texts;
    }

    /** Wikibase's property info: the first preferred, else the first normal-rank string value of P1921. */
    private static String uriPattern(JsonNode property) {
        JsonNode statements = property.path("claims").path(FORMATTER_URI_FOR_RDF);
        for (String rank : new String[] {"preferred", "normal"}) {
            for (JsonNode statement : statements) {
                JsonNode value = statement.path("mainsnak").path("datavalue").path("value");
                if (rank.equals(statement.path("rank").asText("normal")) && value.isTextual()) {
                    return value.textValue();
                }
            }
        }
        return null;
    }
}
