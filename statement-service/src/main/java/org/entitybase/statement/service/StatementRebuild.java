package org.entitybase.statement.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.model.event.ChangeType;
import org.entitybase.statement.repository.AccountingRepository;
import org.entitybase.statement.repository.AccountingRepository.SeenRevision;
import org.entitybase.statement.repository.BacklinkRepository;
import org.entitybase.statement.repository.StatementRepository;
import org.entitybase.statement.repository.StatementRow;

/**
 * Recomputes every count from the revisions: each revision in {@code seen_revisions} is read again from its pack in
 * S3 (by its content hash: no entity-service call); ref_count = revisions holding the address, head_ref_count = heads (newest revision per entity)
 * holding it, backlinks = links of the heads. Reports where the incremental state differs and, with {@code apply},
 * makes it equal. Holds the whole state in memory: an operator's tool for a check or a repair, not for every day.
 */
@ApplicationScoped
public class StatementRebuild {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FETCH_CONCURRENCY = 4;

    private final Pool pool;
    private final RevisionLoader loader;
    private final StatementRepository statements;
    private final BacklinkRepository backlinks;
    private final AccountingRepository accounting;

    StatementRebuild(
            Pool pool,
            RevisionLoader loader,
            StatementRepository statements,
            BacklinkRepository backlinks,
            AccountingRepository accounting) {
        this.pool = pool;
        this.loader = loader;
        this.statements = statements;
        this.backlinks = backlinks;
        this.accounting = accounting;
    }

    private record Loaded(SeenRevision seen, RevisionStatements statements) {}

    /** The state recomputed from the revisions. */
    record Expected(
            int revisions,
            Map<String, StatementRow> rows,
            Map<String, Long> heads,
            Map<String, Map<String, Integer>> headStatements,
            Set<Backlink> backlinks) {}

    public Uni<ObjectNode> run(boolean apply) {
        return accounting
                .allSeen(pool)
                .flatMap(seen -> Multi.createFrom()
                        .iterable(seen)
                        .onItem()
                        .transformToUni(s -> loader.load(s.contentHash(), null, ChangeType.fromJsonName(s.changeType()))
                                .map(r -> new Loaded(s, r)))
                        .merge(FETCH_CONCURRENCY)
                        .collect()
                        .asList()
                        .map(StatementRebuild::expected)
                        .flatMap(expected -> compare(expected, apply)));
    }

    private static Expected expected(List<Loaded> loaded) {
        Map<String, Loaded> heads = new HashMap<>();
        Map<String, long[]> refs = new TreeMap<>();
        Map<String, String> properties = new HashMap<>();
        for (Loaded l : loaded) {
            l.statements().statements().forEach((hash, content) -> {
                refs.computeIfAbsent(hash, h -> new long[2])[0]++;
                properties.put(hash, content.property());
            });
            heads.merge(
                    l.seen().entityId(),
                    l,
                    (a, b) -> a.seen().revisionId() >= b.seen().revisionId() ? a : b);
        }
        Map<String, Long> headRevisions = new HashMap<>();
        Map<String, Map<String, Integer>> headStatements = new HashMap<>();
        Set<Backlink> links = new TreeSet<>();
        heads.forEach((entity, l) -> {
            headRevisions.put(entity, l.seen().revisionId());
            if (!l.statements().occurrences().isEmpty()) {
                headStatements.put(entity, l.statements().occurrences());
            }
            l.statements().occurrences().keySet().forEach(h -> refs.get(h)[1]++);
            links.addAll(l.statements().backlinks());
        });
        Map<String, StatementRow> rows = new TreeMap<>();
        refs.forEach((hash, c) -> rows.put(hash, new StatementRow(hash, properties.get(hash), c[0], c[1])));
        return new Expected(loaded.size(), rows, headRevisions, headStatements, links);
    }

    /** The incremental state as the tables hold it. */
    record Actual(
            List<StatementRow> rows,
            List<Backlink> backlinks,
            Map<String, Long> heads,
            Map<String, Map<String, Integer>> headStatements) {}

    /**
     * Where the tables differ from the recomputation: the report's {@code differences} and what makes them equal
     * (rows with the expected counts, backlinks to add and delete, entities whose head to set).
     */
    record Diff(
            ArrayNode differences,
            int statementsChecked,
            int entitiesChecked,
            List<StatementRow> fixRows,
            List<Backlink> missingLinks,
            List<Backlink> extraLinks,
            List<String> fixHeads) {}

    private Uni<ObjectNode> compare(Expected expected, boolean apply) {
        return load().flatMap(actual -> {
            Diff diff = diff(expected, actual);
            ObjectNode report = JSON.createObjectNode()
                    .put("apply", apply)
                    .put("revisions_checked", expected.revisions())
                    .put("statements_checked", diff.statementsChecked());
            report.set("differences", diff.differences());
            report.put("entities_checked", diff.entitiesChecked());
            if (!apply || diff.differences().isEmpty()) {
                return Uni.createFrom().item(report);
            }
            return repair(expected, diff).replaceWith(report);
        });
    }

    /** The four tables, read one after the other. */
    private Uni<Actual> load() {
        return statements
                .all(pool)
                .flatMap(rows -> backlinks
                        .all(pool)
                        .flatMap(links -> accounting
                                .allHeads(pool)
                                .flatMap(heads -> accounting
                                        .allHeadStatements(pool)
                                        .map(headStatements -> new Actual(rows, links, heads, headStatements)))));
    }

    /** Pure: the differences between the recomputed and the stored state. */
    static Diff diff(Expected expected, Actual actual) {
        ArrayNode differences = JSON.createArrayNode();
        Map<String, StatementRow> actualByHash = new HashMap<>();
        actual.rows().forEach(r -> actualByHash.put(r.hash(), r));
        Set<String> hashes = new TreeSet<>(expected.rows().keySet());
        hashes.addAll(actualByHash.keySet());
        List<StatementRow> fixRows = new ArrayList<>();
        for (String hash : hashes) {
            StatementRow want = expected.rows().get(hash);
            StatementRow have = actualByHash.get(hash);
            long wantRef = want == null ? 0 : want.refCount();
            long wantHead = want == null ? 0 : want.headRefCount();
            long haveRef = have == null ? 0 : have.refCount();
            long haveHead = have == null ? 0 : have.headRefCount();
            if (wantRef != haveRef || wantHead != haveHead) {
                differences
                        .addObject()
                        .put("kind", "statement")
                        .put("hash", hash)
                        .put("expected_ref_count", wantRef)
                        .put("actual_ref_count", haveRef)
                        .put("expected_head_ref_count", wantHead)
                        .put("actual_head_ref_count", haveHead);
                String property = want != null ? want.property() : have.property();
                fixRows.add(new StatementRow(hash, property, wantRef, wantHead));
            }
        }
        Set<Backlink> have = new HashSet<>(actual.backlinks());
        List<Backlink> missingLinks = new ArrayList<>();
        for (Backlink b : expected.backlinks()) {
            if (!have.contains(b)) {
                missingLinks.add(b);
                backlinkDifference(differences, "backlink-missing", b);
            }
        }
        List<Backlink> extraLinks = new ArrayList<>();
        for (Backlink b : new TreeSet<>(actual.backlinks())) {
            if (!expected.backlinks().contains(b)) {
                extraLinks.add(b);
                backlinkDifference(differences, "backlink-extra", b);
            }
        }
        Set<String> entities = new TreeSet<>(expected.heads().keySet());
        entities.addAll(actual.heads().keySet());
        List<String> fixHeads = new ArrayList<>();
        for (String entity : entities) {
            Long wantRev = expected.heads().get(entity);
            Long haveRev = actual.heads().get(entity);
            Map<String, Integer> wantSet = expected.headStatements().getOrDefault(entity, Map.of());
            Map<String, Integer> haveSet = actual.headStatements().getOrDefault(entity, Map.of());
            if (!Objects.equals(wantRev, haveRev) || !wantSet.equals(haveSet)) {
                fixHeads.add(entity);
                differences
                        .addObject()
                        .put("kind", "head")
                        .put("entity_id", entity)
                        .put("expected_revision_id", wantRev)
                        .put("actual_revision_id", haveRev)
                        .put("expected_statements", wantSet.size())
                        .put("actual_statements", haveSet.size());
            }
        }
        return new Diff(
                differences,
                Math.max(expected.rows().size(), actual.rows().size()),
                entities.size(),
                fixRows,
                missingLinks,
                extraLinks,
                fixHeads);
    }

    private static void backlinkDifference(ArrayNode differences, String kind, Backlink b) {
        differences
                .addObject()
                .put("kind", kind)
                .put("target", b.target())
                .put("source", b.source())
                .put("property", b.property());
    }

    /** Makes the tables equal to the recomputation, in one transaction. */
    private Uni<Void> repair(Expected expected, Diff diff) {
        Instant now = Instant.now();
        return pool.withTransaction(c -> {
            Uni<Void> work = statements
                    .setCounts(c, diff.fixRows(), now)
                    .flatMap(x -> backlinks.delete(c, diff.extraLinks()))
                    .flatMap(x -> backlinks.insert(c, diff.missingLinks()));
            for (String entity : diff.fixHeads()) {
                Long rev = expected.heads().get(entity);
                Map<String, Integer> set = expected.headStatements().getOrDefault(entity, Map.of());
                work = work.flatMap(x -> accounting.replaceHeadStatements(c, entity, set))
                        .flatMap(x ->
                                rev == null ? Uni.createFrom().voidItem() : accounting.setHead(c, entity, rev, now));
            }
            return work;
        });
    }
}
