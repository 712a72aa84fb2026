package org.entitybase.entity.rest;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.repository.LexemeTermRepository.Match;
import org.entitybase.entity.repository.LexemeTermRepository.Query;
import org.entitybase.entity.repository.LexemeTermRepository.SearchCursor;
import org.entitybase.entity.service.EntityTerms;
import org.entitybase.entity.service.LexemeSearch;
import org.entitybase.model.json.WikibaseSyntax;
import org.entitybase.runtime.rest.ApiException;

/**
 * {@code GET /lexemes}: lexemes by lemma ({@code ?lemma=}) or by a form's representation ({@code ?representation=}),
 * from {@code lexeme_terms} (the head revision of every live lexeme). Exact by default, {@code prefix=true} for
 * terms that start with the text; case-sensitive (binary collation), as Wikidata's lemma lookups. Optional
 * {@code language} (term language code) and {@code category} (lexical category item). Ordered by text, lexeme, form
 * and language; {@code limit} (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}) with the opaque cursor
 * {@code next} for {@code after}.
 *
 * <p>Answer: {@code {"lexemes": [{"id": "L42", "form": "L42-F2" (representations only), "language": "en",
 * "value": "answers"}], "next": "…"|null}}.
 */
@Path("/lexemes")
@Produces(MediaType.APPLICATION_JSON)
public class LexemeSearchResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final LexemeSearch search;

    LexemeSearchResource(LexemeSearch search) {
        this.search = search;
    }

    @GET
    public Uni<Response> search(
            @QueryParam("lemma") String lemma,
            @QueryParam("representation") String representation,
            @QueryParam("language") String language,
            @QueryParam("category") String category,
            @QueryParam("prefix") String prefix,
            @QueryParam("limit") String limit,
            @QueryParam("after") String after) {
        if ((lemma == null) == (representation == null)) {
            throw new ApiException(
                    400,
                    "invalid-parameter",
                    "give exactly one of lemma= and representation=",
                    Map.of("parameter", "lemma"));
        }
        String text = lemma != null ? lemma : representation;
        if (text.isEmpty()) {
            throw new ApiException(
                    400,
                    "invalid-parameter",
                    "the text to look up is empty",
                    Map.of("parameter", lemma != null ? "lemma" : "representation"));
        }
        if (category != null && !WikibaseSyntax.isItemId(category)) {
            throw new ApiException(
                    400,
                    "invalid-parameter",
                    "category must be an item id (the lexical category), not " + category,
                    Map.of("parameter", "category"));
        }
        boolean byPrefix = flag(prefix);
        int size = limit == null ? DEFAULT_LIMIT : (int) Math.min(MAX_LIMIT, EditRequests.positive(limit, "limit"));
        Query query = new Query(
                lemma != null ? Query.LEMMA : Query.REPRESENTATION,
                text,
                byPrefix,
                language == null ? null : EntityTerms.language(language),
                category,
                after == null ? null : SearchCursor.decode(after),
                size);
        return search.find(query).map(page -> {
            ObjectNode out = EntityResponses.object();
            ArrayNode list = out.putArray("lexemes");
            for (Match m : page.matches()) {
                ObjectNode row = list.addObject().put("id", m.lexemeId());
                if (!m.owner().equals(m.lexemeId())) {
                    row.put("form", m.owner());
                }
                row.put("language", m.language()).put("value", m.text());
            }
            out.put("next", page.next() == null ? null : page.next().encode());
            return Response.ok(out).build();
        });
    }

    private static boolean flag(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new ApiException(
                400, "invalid-parameter", "prefix must be true or false, not " + value, Map.of("parameter", "prefix"));
    }
}
