package org.entitybase.entity.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.entity.repository.EntityTermRepository;
import org.entitybase.entity.repository.EntityTermRepository.Match;
import org.entitybase.entity.repository.EntityTermRepository.Shown;
import org.entitybase.entity.restv1.service.LanguageFallback;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.term.Term;

/**
 * Search and suggest over {@code entity_terms} (docs/DECISIONS.md "Search over a terms index"): items or properties
 * whose label or alias, {@linkplain EntityTermRepository#matchKey normalized}, equals the query's (search) or starts
 * with it (suggest), in the language and, unless strict, its fallback chain. Ranked by the matched key (so an exact
 * match comes before longer ones), then the language's place in the chain, then the id's number; an entity is listed
 * once, at its best match (its label before its alias at equal keys). Each result shows the label and description
 * of the first language of the chain that has one.
 */
@ApplicationScoped
public class EntitySearch {

    /** Deeper pages are refused (CirrusSearch behind Wikibase refuses them too): a page costs its offset. */
    public static final int MAX_OFFSET = 10_000;

    /** How many more rows than asked each language's first query reads (an entity matched twice counts once). */
    private static final int SLACK = 2;

    /** A query: {@code offset} results skipped, then at most {@code limit}. */
    public record Query(
            EntityType type, String text, String language, boolean prefix, boolean strict, int offset, int limit) {}

    /** One result: the entity, its best match and what it shows (null: none in the chain). */
    public record Hit(
            EntityId id, String matchType, String matchLanguage, String matchText, Term label, Term description) {}

    private record Ranked(Match match, String language, int languageRank, long number) {}

    private static final Comparator<Ranked> RANK = Comparator.comparing(
                    (Ranked r) -> r.match().key())
            .thenComparingInt(Ranked::languageRank)
            .thenComparingLong(Ranked::number)
            .thenComparing(r -> r.match().type().equals(EntityTermRepository.LABEL) ? 0 : 1);

    private final Pool pool;
    private final EntityTermRepository terms;

    EntitySearch(Pool pool, EntityTermRepository terms) {
        this.pool = pool;
        this.terms = terms;
    }

    /** The results of {@code query}; none when the text has nothing to match (empty once normalized). */
    public Uni<List<Hit>> find(Query query) {
        String key = EntityTermRepository.matchKey(query.text());
        if (key.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> languages = query.strict() ? List.of(query.language()) : LanguageFallback.chain(query.language());
        int wanted = query.offset() + query.limit();
        return ranked(query, key, languages, wanted * SLACK + 1).flatMap(best -> {
            List<Ranked> page = best.subList(Math.min(query.offset(), best.size()), Math.min(wanted, best.size()));
            return terms.shown(
                            pool, page.stream().map(r -> r.match().entityId()).toList())
                    .map(shown -> hits(page, shown, languages));
        });
    }

    /**
     * The best match of each entity, in rank order, at least {@code wanted} of them when there are: every language's
     * matches up to {@code rows}, read again with more rows while a language had more and too few entities came out.
     */
    private Uni<List<Ranked>> ranked(Query query, String key, List<String> languages, int rows) {
        List<Uni<List<Match>>> reads = new ArrayList<>();
        for (String language : languages) {
            reads.add(terms.match(pool, query.type(), language, key, query.prefix(), rows));
        }
        return Uni.join().all(reads).andFailFast().flatMap(perLanguage -> {
            List<Ranked> all = new ArrayList<>();
            List<Ranked> lastOfCut = new ArrayList<>();
            for (int i = 0; i < perLanguage.size(); i++) {
                List<Match> matches = perLanguage.get(i);
                for (Match m : matches) {
                    all.add(new Ranked(
                            m, languages.get(i), i, EntityId.parse(m.entityId()).numericId()));
                }
                if (matches.size() == rows) {
                    lastOfCut.add(all.get(all.size() - 1));
                }
            }
            all.sort(RANK);
            // a language cut at `rows` may have unread matches ranked after its last row read: only what ranks
            // before every other cut language's last row is certain
            Map<String, Ranked> best = new LinkedHashMap<>();
            for (Ranked r : all) {
                boolean certain = lastOfCut.stream()
                        .allMatch(last -> last.languageRank() == r.languageRank() || RANK.compare(r, last) <= 0);
                if (!certain) {
                    break;
                }
                best.putIfAbsent(r.match().entityId(), r);
            }
            int wanted = query.offset() + query.limit();
            if (!lastOfCut.isEmpty() && best.size() < wanted) {
                return ranked(query, key, languages, rows * 4);
            }
            return Uni.createFrom().item(new ArrayList<>(best.values()));
        });
    }

    private static List<Hit> hits(List<Ranked> page, List<Shown> shown, List<String> languages) {
        Map<String, Map<String, Term>> labels = new HashMap<>();
        Map<String, Map<String, Term>> descriptions = new HashMap<>();
        for (Shown s : shown) {
            Map<String, Map<String, Term>> into = s.type().equals(EntityTermRepository.LABEL) ? labels : descriptions;
            into.computeIfAbsent(s.entityId(), id -> new HashMap<>())
                    .put(s.language(), new Term(s.language(), s.text()));
        }
        List<Hit> hits = new ArrayList<>(page.size());
        for (Ranked r : page) {
            String id = r.match().entityId();
            hits.add(new Hit(
                    EntityId.parse(id),
                    r.match().type(),
                    r.language(),
                    r.match().text(),
                    first(labels.get(id), languages),
                    first(descriptions.get(id), languages)));
        }
        return hits;
    }

    private static Term first(Map<String, Term> byLanguage, List<String> languages) {
        if (byLanguage == null) {
            return null;
        }
        for (String language : languages) {
            Term term = byLanguage.get(language);
            if (term != null) {
                return term;
            }
        }
        return null;
    }
}
