package org.entitybase.entity.rest;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.repository.EntityTermRepository;
import org.entitybase.entity.service.EntitySearch;
import org.entitybase.entity.service.EntitySearch.Hit;
import org.entitybase.entity.service.EntitySearch.Query;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.json.WikibaseSyntax;
import org.entitybase.model.term.Term;

/**
 * {@code action=wbsearchentities}: items or properties whose label or alias starts with {@code search} in {@code
 * language} (and its fallback chain unless {@code strictlanguage}), as Wikibase's prefix search answers it, from
 * {@link EntitySearch} (its ranking). {@code limit} 1–50 (default 7, {@code max} 50), {@code continue} the offset,
 * {@code search-continue} the next one when there are more. Each result has Wikibase's fields except {@code pageid}
 * and {@code url} (we keep no page ids or entity pages); {@code concepturi} on Wikidata's concept base, as our RDF.
 */
@ApplicationScoped
class WbSearchEntities {

    static final String ACTION = "wbsearchentities";

    private static final int DEFAULT_LIMIT = 7;
    private static final int MAX_LIMIT = 50;
    private static final String CONCEPT_BASE = "http://www.wikidata.org/entity/";

    private final EntitySearch search;

    WbSearchEntities(EntitySearch search) {
        this.search = search;
    }

    Uni<byte[]> run(ActionApiParams params) {
        String text = params.get("search");
        if (text == null || text.isEmpty()) {
            throw new ActionApiError("missingparam", "The \"search\" parameter must be set.");
        }
        String language = params.get("language");
        if (language == null) {
            throw new ActionApiError("missingparam", "The \"language\" parameter must be set.");
        }
        if (!WikibaseSyntax.isLanguageCode(language)) {
            throw ActionApiError.badValue("language", language);
        }
        EntityType type =
                params.oneOf("type", Set.of("item", "property"), "item").equals("item")
                        ? EntityType.ITEM
                        : EntityType.PROPERTY;
        int limit = limit(params.get("limit"));
        int offset = integer(params.get("continue"), "continue", 0);
        if (offset > EntitySearch.MAX_OFFSET) {
            throw new ActionApiError(
                    "badinteger", "Invalid value \"" + offset + "\" for integer parameter \"continue\".");
        }
        boolean strict = params.get("strictlanguage") != null;
        // one more than asked: whether there is a next page
        Query query = new Query(type, text, language, true, strict, offset, limit + 1);
        return search.find(query).map(hits -> {
            ObjectNode out = EntityResponses.object();
            out.putObject("searchinfo").put("search", text);
            ArrayNode list = out.putArray("search");
            for (Hit hit : hits.subList(0, Math.min(limit, hits.size()))) {
                String id = hit.id().value();
                ObjectNode row = list.addObject()
                        .put("id", id)
                        .put("title", type == EntityType.ITEM ? id : "Property:" + id)
                        .put("repository", "")
                        .put("concepturi", CONCEPT_BASE + id);
                ObjectNode display = row.putObject("display");
                if (hit.label() != null) {
                    display.set("label", term(hit.label()));
                    row.put("label", hit.label().value());
                }
                if (hit.description() != null) {
                    display.set("description", term(hit.description()));
                    row.put("description", hit.description().value());
                }
                row.putObject("match")
                        .put("type", hit.matchType())
                        .put("language", hit.matchLanguage())
                        .put("text", hit.matchText());
                if (hit.matchType().equals(EntityTermRepository.ALIAS)) {
                    row.putArray("aliases").add(hit.matchText());
                }
            }
            if (hits.size() > limit) {
                out.put("search-continue", offset + limit);
            }
            out.put("success", 1);
            return SubResources.bytes(out);
        });
    }

    private static ObjectNode term(Term term) {
        return EntityResponses.object().put("value", term.value()).put("language", term.language());
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (value.equals("max")) {
            return MAX_LIMIT;
        }
        int n = integer(value, "limit", DEFAULT_LIMIT);
        if (n < 1) {
            throw new ActionApiError("badinteger", "Invalid value \"" + value + "\" for integer parameter \"limit\".");
        }
        // MediaWiki lowers a limit over the maximum to it (with a warning)
        return Math.min(n, MAX_LIMIT);
    }

    private static int integer(String value, String parameter, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ActionApiError(
                "badinteger", "Invalid value \"" + value + "\" for integer parameter \"" + parameter + "\".");
    }
}
