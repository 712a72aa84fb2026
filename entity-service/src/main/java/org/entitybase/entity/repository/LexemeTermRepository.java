package org.entitybase.entity.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import org.entitybase.model.id.EntityId;

/**
 * {@code lexeme_terms}: the lemmas and form representations of current lexeme heads, for lookups by text. Kept in
 * every lexeme edit's transaction; deleted and redirected lexemes have none.
 */
@ApplicationScoped
public class LexemeTermRepository {

    /** {@code term_text} is VARCHAR(255): longer (imported) terms are indexed by their first 255 characters. */
    static final int MAX_TEXT = 255;

    /** By primary key: an existing row's record lock only, no gap lock (a gap lock made parallel creates deadlock). */
    static final String DELETE =
            "DELETE FROM lexeme_terms" + " WHERE lexeme_id = ? AND term_type = ? AND term_owner = ? AND language = ?";

    static final String UPSERT = "INSERT INTO lexeme_terms (lexeme_id, term_type, term_owner, language, term_text)"
            + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE term_text = VALUES(term_text)";

    /** One row: a lemma ({@code owner} = the lexeme) or a form's representation ({@code owner} = the form). */
    public record LexemeTerm(String type, String owner, String language, String text) {
        public static final String LEMMA = "lemma";
        public static final String REPRESENTATION = "representation";

        private Key key() {
            return new Key(type, owner, language);
        }
    }

    private record Key(String type, String owner, String language) {}

    /**
     * The lexeme's rows go from {@code before} (its head's, empty for a create) to {@code after}, touching only what
     * changed, each row by its primary key. A {@code DELETE … WHERE lexeme_id = ?} of a new lexeme locked the gap
     * its rows go into, and parallel creates deadlocked on their inserts into that gap (issue 9).
     */
    public Uni<Void> replace(
            SqlConnection connection, EntityId lexeme, List<LexemeTerm> before, List<LexemeTerm> after) {
        Map<Key, String> old = new HashMap<>();
        before.forEach(t -> old.put(t.key(), truncated(t.text())));
        Map<Key, String> now = new LinkedHashMap<>();
        after.forEach(t -> now.put(t.key(), truncated(t.text())));
        List<Tuple> removed = new ArrayList<>();
        old.keySet().stream()
                .filter(key -> !now.containsKey(key))
                .forEach(key -> removed.add(Tuple.of(lexeme.value(), key.type(), key.owner(), key.language())));
        List<Tuple> written = new ArrayList<>();
        now.forEach((key, text) -> {
            if (!text.equals(old.get(key))) {
                written.add(Tuple.of(lexeme.value(), key.type(), key.owner(), key.language(), text));
            }
        });
        Uni<Void> deletes = removed.isEmpty()
                ? Uni.createFrom().voidItem()
                : connection.preparedQuery(DELETE).executeBatch(removed).replaceWithVoid();
        if (written.isEmpty()) {
            return deletes;
        }
        return deletes.flatMap(ignored ->
                connection.preparedQuery(UPSERT).executeBatch(written).replaceWithVoid());
    }

    private static String truncated(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_TEXT));
    }
}
