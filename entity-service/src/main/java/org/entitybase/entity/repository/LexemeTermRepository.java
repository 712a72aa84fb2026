package org.entitybase.entity.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import org.entitybase.model.id.EntityId;

/**
 * {@code lexeme_terms}: the lemmas and form representations of current lexeme heads, for lookups by text. Rewritten
 * in every lexeme edit's transaction; deleted and redirected lexemes have none.
 */
@ApplicationScoped
public class LexemeTermRepository {

    /** {@code term_text} is VARCHAR(255): longer (imported) terms are indexed by their first 255 characters. */
    static final int MAX_TEXT = 255;

    static final String DELETE = "DELETE FROM lexeme_terms WHERE lexeme_id = ?";

    static final String INSERT = "INSERT INTO lexeme_terms (lexeme_id, term_type, term_owner, language, term_text)"
            + " VALUES (?, ?, ?, ?, ?)";

    /** One row: a lemma ({@code owner} = the lexeme) or a form's representation ({@code owner} = the form). */
    public record LexemeTerm(String type, String owner, String language, String text) {
        public static final String LEMMA = "lemma";
        public static final String REPRESENTATION = "representation";
    }

    /** The lexeme's rows become {@code terms}. */
    public Uni<Void> replace(SqlConnection connection, EntityId lexeme, List<LexemeTerm> terms) {
        Uni<Void> deleted = connection
                .preparedQuery(DELETE)
                .execute(Tuple.of(lexeme.value()))
                .replaceWithVoid();
        if (terms.isEmpty()) {
            return deleted;
        }
        List<Tuple> rows = new ArrayList<>(terms.size());
        for (LexemeTerm t : terms) {
            rows.add(Tuple.of(lexeme.value(), t.type(), t.owner(), t.language(), truncated(t.text())));
        }
        return deleted.flatMap(
                ignored -> connection.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid());
    }

    private static String truncated(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_TEXT));
    }
}
