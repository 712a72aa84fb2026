package org.entitybase.entity.repository;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;

/**
 * {@code entity_terms}: the labels, aliases and descriptions of current item and property heads, for search and
 * suggest. Labels and aliases carry a {@linkplain #matchKey match key}; descriptions are only shown. Kept in every
 * commit's transaction (deleted and redirected entities have none), each row by its primary key as {@link
 * LexemeTermRepository} does (no gap locks between parallel creates).
 */
@ApplicationScoped
public class EntityTermRepository {

    public static final String LABEL = "label";
    public static final String ALIAS = "alias";
    public static final String DESCRIPTION = "description";

    static final String DELETE = "DELETE FROM entity_terms"
            + " WHERE entity_id = ? AND term_type = ? AND language = ? AND term_position = ?";

    static final String UPSERT = "INSERT INTO entity_terms (entity_id, term_type, language, term_position,"
            + " entity_type, entity_number, term_text, match_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE term_text = VALUES(term_text), match_key = VALUES(match_key)";

    /** One language's matches in rank order: the index is (entity_type, language, match_key, entity_number). */
    static final String MATCH = "SELECT entity_id, term_type, term_text, match_key FROM entity_terms"
            + " WHERE entity_type = ? AND language = ? AND match_key %s ORDER BY match_key, entity_number LIMIT ?";

    static final String SHOWN = "SELECT entity_id, term_type, language, term_text FROM entity_terms"
            + " WHERE entity_id IN (%s) AND term_type IN ('label', 'description') AND term_position = 0";

    /** White space and control characters: one space in a key (so no key character sorts before a space). */
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Cc}]+");

    /** One row: a label or description ({@code position} 0) or the alias at {@code position} of its language. */
    public record EntityTerm(String type, String language, int position, String text) {
        private Key key() {
            return new Key(type, language, position);
        }
    }

    private record Key(String type, String language, int position) {}

    /** A label or alias whose key matched: its entity, type ({@link #LABEL}/{@link #ALIAS}), text and key. */
    public record Match(String entityId, String type, String text, String key) {}

    /** A label or description shown with a result. */
    public record Shown(String entityId, String type, String language, String text) {}

    /**
     * The text as search compares it: Unicode NFKC (compatibility forms folded: full-width letters, ligatures), case
     * folded (upper then lower case, so ß and SS both become ss, final and medial sigma one letter), NFKC again,
     * runs of white space and control characters as one space, trimmed; its first {@value LexemeTermRepository#MAX_TEXT} characters (the
     * column's length).
     */
    public static String matchKey(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT)
                .toLowerCase(Locale.ROOT);
        String key = SPACES.matcher(Normalizer.normalize(folded, Normalizer.Form.NFKC))
                .replaceAll(" ")
                .trim();
        return LexemeTermRepository.truncated(key);
    }

    /**
     * Up to {@code limit} labels and aliases of {@code type} entities in {@code language} whose key is {@code key}
     * ({@code prefix} false) or starts with it, ordered by key, then by the entity's number.
     */
    public Uni<List<Match>> match(Pool pool, EntityType type, String language, String key, boolean prefix, int limit) {
        // a prefix as the range [key, successor): MariaDB 10.11's index range for LIKE 'x%' ends too early when x has
        // a 4-byte character (LIKE '🇺%' did not find 🇺🇸 through the index; without the index it did)
        String condition = prefix ? ">= ? AND match_key < ?" : "= ?";
        Tuple args = prefix
                ? Tuple.of(type.jsonName(), language, key, successor(key), limit)
                : Tuple.of(type.jsonName(), language, key, limit);
        return pool.preparedQuery(MATCH.formatted(condition)).execute(args).map(rows -> {
            List<Match> out = new ArrayList<>();
            for (Row row : rows) {
                out.add(new Match(
                        row.getString("entity_id"),
                        row.getString("term_type"),
                        row.getString("term_text"),
                        row.getString("match_key")));
            }
            return out;
        });
    }

    /**
     * The least string after every string that starts with {@code key} (binary order = code point order): its last
     * code point incremented, past the surrogates; a last U+10FFFF is dropped and the one before it incremented.
     */
    static String successor(String key) {
        int[] points = key.codePoints().toArray();
        for (int i = points.length - 1; i >= 0; i--) {
            if (points[i] < Character.MAX_CODE_POINT) {
                int next = points[i] + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : points[i] + 1;
                StringBuilder out = new StringBuilder();
                for (int j = 0; j < i; j++) {
                    out.appendCodePoint(points[j]);
                }
                return out.appendCodePoint(next).toString();
            }
        }
        return key + Character.toString(Character.MAX_CODE_POINT); // unreachable for real text
    }

    /** The labels and descriptions of {@code ids} (at most {@link SqlLists#MAX}) in every language. */
    public Uni<List<Shown>> shown(Pool pool, List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(SqlLists.sql(SHOWN, ids.size()))
                .execute(SqlLists.tuple(List.of(), ids))
                .map(rows -> {
                    List<Shown> out = new ArrayList<>();
                    for (Row row : rows) {
                        out.add(new Shown(
                                row.getString("entity_id"),
                                row.getString("term_type"),
                                row.getString("language"),
                                row.getString("term_text")));
                    }
                    return out;
                });
    }

    /**
     * The entity's rows go from {@code before} (its head's, empty for a create) to {@code after}, touching only what
     * changed, each row by its primary key.
     */
    public Uni<Void> replace(SqlConnection connection, EntityId id, List<EntityTerm> before, List<EntityTerm> after) {
        Map<Key, String> old = new HashMap<>();
        before.forEach(t -> old.put(t.key(), t.text()));
        Map<Key, String> now = new LinkedHashMap<>();
        after.forEach(t -> now.put(t.key(), t.text()));
        return IndexRowChanges.apply(
                connection,
                old,
                now,
                DELETE,
                key -> Tuple.of(id.value(), key.type(), key.language(), key.position()),
                UPSERT,
                (key, text) -> Tuple.from(Arrays.asList(
                        id.value(),
                        key.type(),
                        key.language(),
                        key.position(),
                        id.type().jsonName(),
                        id.numericId(),
                        text,
                        key.type().equals(DESCRIPTION) ? null : matchKey(text))));
    }
}
