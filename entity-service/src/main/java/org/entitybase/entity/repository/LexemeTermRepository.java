package org.entitybase.entity.repository;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import org.entitybase.model.id.EntityId;
import org.entitybase.runtime.rest.ApiException;

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

    static final String UPSERT =
            "INSERT INTO lexeme_terms (lexeme_id, term_type, term_owner, language, term_text, lexical_category)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE term_text = VALUES(term_text),"
                    + " lexical_category = VALUES(lexical_category)";

    static final String SEARCH = "SELECT lexeme_id, term_owner, language, term_text FROM lexeme_terms"
            + " WHERE term_type = ? AND %s%s%s%s ORDER BY term_text, lexeme_id, term_owner, language LIMIT ?";

    /**
     * One row: a lemma ({@code owner} = the lexeme) or a form's representation ({@code owner} = the form), with the
     * lexeme's lexical category (for lookups by category).
     */
    public record LexemeTerm(String type, String owner, String language, String text, String category) {
        public static final String LEMMA = "lemma";
        public static final String REPRESENTATION = "representation";

        private Key key() {
            return new Key(type, owner, language);
        }
    }

    private record Key(String type, String owner, String language) {}

    private record Value(String text, String category) {}

    /**
     * A lookup: {@code type} {@link LexemeTerm#LEMMA} or {@link LexemeTerm#REPRESENTATION}; {@code text} exact or, with
     * {@code prefix}, as the start of the term (binary collation: case-sensitive); {@code language} and
     * {@code category} null for any; {@code after} the cursor of the previous page.
     */
    public record Query(
            String type, String text, boolean prefix, String language, String category, SearchCursor after, int limit) {
        public static final String LEMMA = LexemeTerm.LEMMA;
        public static final String REPRESENTATION = LexemeTerm.REPRESENTATION;
    }

    /** A matching term: the lexeme, the owner (the lexeme for a lemma, the form for a representation). */
    public record Match(String lexemeId, String owner, String language, String text) {}

    /** One page of matches; {@code next} null when there are no more. */
    public record Page(List<Match> matches, SearchCursor next) {}

    /** The sort key of the last match of a page, handed to clients as an opaque string. */
    public record SearchCursor(String text, String lexemeId, String owner, String language) {

        public String encode() {
            String joined = String.join("\u0000", text, lexemeId, owner, language);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
        }

        /** 400 {@code invalid-parameter} for a cursor this service did not hand out. */
        public static SearchCursor decode(String value) {
            try {
                String joined = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
                String[] parts = joined.split("\u0000", -1);
                if (parts.length == 4) {
                    return new SearchCursor(parts[0], parts[1], parts[2], parts[3]);
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw new ApiException(
                    400, "invalid-parameter", "after is not a cursor of this search", Map.of("parameter", "after"));
        }
    }

    /** One page of lexeme terms matching {@code query}, in the order of the cursor. */
    public Uni<Page> search(Pool pool, Query query) {
        List<Object> args = new ArrayList<>();
        args.add(query.type());
        String match;
        if (query.prefix()) {
            // the range [text, successor), as EntityTermRepository#match: MariaDB 10.11's index range for LIKE 'x%'
            // misses matches when x ends in a 4-byte character
            String text = truncated(query.text());
            match = "term_text >= ? AND term_text < ?";
            args.add(text);
            args.add(EntityTermRepository.successor(text));
        } else {
            match = "term_text = ?";
            args.add(truncated(query.text()));
        }
        String language = "";
        if (query.language() != null) {
            language = " AND language = ?";
            args.add(query.language());
        }
        String category = "";
        if (query.category() != null) {
            category = " AND lexical_category = ?";
            args.add(query.category());
        }
        String after = "";
        SearchCursor c = query.after();
        if (c != null) {
            after = " AND (term_text > ? OR (term_text = ? AND (lexeme_id > ? OR (lexeme_id = ? AND (term_owner > ?"
                    + " OR (term_owner = ? AND language > ?))))))";
            args.addAll(List.of(c.text(), c.text(), c.lexemeId(), c.lexemeId(), c.owner(), c.owner(), c.language()));
        }
        args.add(query.limit() + 1);
        return pool.preparedQuery(SEARCH.formatted(match, language, category, after))
                .execute(Tuple.from(args))
                .map(rows -> {
                    List<Match> matches = new ArrayList<>();
                    for (Row row : rows) {
                        matches.add(new Match(
                                row.getString("lexeme_id"),
                                row.getString("term_owner"),
                                row.getString("language"),
                                row.getString("term_text")));
                    }
                    if (matches.size() <= query.limit()) {
                        return new Page(matches, null);
                    }
                    List<Match> page = List.copyOf(matches.subList(0, query.limit()));
                    Match last = page.get(page.size() - 1);
                    return new Page(
                            page, new SearchCursor(last.text(), last.lexemeId(), last.owner(), last.language()));
                });
    }

    /**
     * The lexeme's rows go from {@code before} (its head's, empty for a create) to {@code after}, touching only what
     * changed, each row by its primary key. A {@code DELETE … WHERE lexeme_id = ?} of a new lexeme locked the gap
     * its rows go into, and parallel creates deadlocked on their inserts into that gap (issue 9).
     */
    public Uni<Void> replace(
            SqlConnection connection, EntityId lexeme, List<LexemeTerm> before, List<LexemeTerm> after) {
        Map<Key, Value> old = new HashMap<>();
        before.forEach(t -> old.put(t.key(), new Value(truncated(t.text()), t.category())));
        Map<Key, Value> now = new LinkedHashMap<>();
        after.forEach(t -> now.put(t.key(), new Value(truncated(t.text()), t.category())));
        return IndexRowChanges.apply(
                connection,
                old,
                now,
                DELETE,
                key -> Tuple.of(lexeme.value(), key.type(), key.owner(), key.language()),
                UPSERT,
                (key, value) -> Tuple.from(Arrays.asList(
                        lexeme.value(), key.type(), key.owner(), key.language(), value.text(), value.category())));
    }

    /** The first {@value #MAX_TEXT} characters (code points) of {@code text}. */
    static String truncated(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_TEXT));
    }
}
