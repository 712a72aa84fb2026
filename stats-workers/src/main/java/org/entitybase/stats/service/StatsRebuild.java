package org.entitybase.stats.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.stats.repository.DailyFigures;
import org.entitybase.stats.repository.RebuildRepository;
import org.entitybase.stats.repository.RevisionRow;
import org.entitybase.stats.repository.UserDay;

/**
 * Recomputes every derived table from the revision log, each revision's figures read again from S3 ({@link
 * StatsRecompute}), and lists where the tables differ: {@code stats_revisions} (changes of the totals),
 * {@code entity_state}, {@code user_daily_stats}, {@code user_first_edit} and the finalised days of
 * {@code general_daily_stats}. With {@code apply} it rewrites the first four; the caller then runs the general job,
 * which finalises every day again.
 */
@ApplicationScoped
public class StatsRebuild {

    /** Differences listed in a report; the count covers all. */
    static final int LISTED = 100;

    private static final int READ_CONCURRENCY = 4;

    /** One table row that differs: its key, what the recomputation gives and what the table holds (null: missing). */
    public record Difference(String table, String key, String expected, String actual) {}

    public record Report(
            int revisionsChecked,
            int entitiesChecked,
            int userDaysChecked,
            int daysChecked,
            int differenceCount,
            List<Difference> differences,
            boolean applied) {}

    private final Pool pool;
    private final RebuildRepository tables;
    private final RevisionFiguresLoader loader;

    StatsRebuild(Pool pool, RebuildRepository tables, RevisionFiguresLoader loader) {
        this.pool = pool;
        this.tables = tables;
        this.loader = loader;
    }

    public Uni<Report> run(boolean apply) {
        LocalDate yesterday = ChangeKinds.day(Instant.now()).minusDays(1);
        return tables.revisions(pool)
                .flatMap(log -> figures(log).flatMap(figures -> {
                    StatsRecompute.Result expected = StatsRecompute.of(log, figures, yesterday);
                    return compare(log, expected).flatMap(report -> {
                        if (!apply || report.differenceCount() == 0) {
                            return Uni.createFrom().item(report);
                        }
                        return pool.withTransaction(c -> tables.apply(c, expected, Instant.now()))
                                .replaceWith(new Report(
                                        report.revisionsChecked(),
                                        report.entitiesChecked(),
                                        report.userDaysChecked(),
                                        report.daysChecked(),
                                        report.differenceCount(),
                                        report.differences(),
                                        true));
                    });
                }));
    }

    private Uni<Map<String, EntityFigures>> figures(List<RevisionRow> log) {
        if (log.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Multi.createFrom()
                .iterable(log)
                .onItem()
                .transformToUni(r -> loader.load(r.changeType(), r.contentHash(), r.contentCheckpoint())
                        .map(f -> Map.entry(StatsRecompute.key(r.entityId(), r.revisionId()), f)))
                .merge(READ_CONCURRENCY)
                .collect()
                .asMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Uni<Report> compare(List<RevisionRow> log, StatsRecompute.Result expected) {
        return tables.heads(pool)
                .flatMap(heads -> tables.userDays(pool)
                        .flatMap(userDays -> tables.firstEdits(pool)
                                .flatMap(firstEdits -> tables.finalisedDays(pool)
                                        .map(days -> {
                                            List<Difference> diffs = new ArrayList<>();
                                            Map<String, RevisionRow> logged = new HashMap<>();
                                            log.forEach(r ->
                                                    logged.put(StatsRecompute.key(r.entityId(), r.revisionId()), r));
                                            for (RevisionRow r : expected.revisions()) {
                                                String key = StatsRecompute.key(r.entityId(), r.revisionId());
                                                differ(
                                                        diffs,
                                                        "stats_revisions",
                                                        key,
                                                        r.delta(),
                                                        logged.get(key).delta());
                                            }
                                            for (String id : new TreeSet<>(
                                                    union(expected.heads().keySet(), heads.keySet()))) {
                                                differ(
                                                        diffs,
                                                        "entity_state",
                                                        id,
                                                        expected.heads().get(id),
                                                        heads.get(id));
                                            }
                                            Map<String, UserDay> actualUsers = byUserKey(userDays);
                                            Map<String, UserDay> expectedUsers = byUserKey(expected.userDays());
                                            for (String key : new TreeSet<>(
                                                    union(expectedUsers.keySet(), actualUsers.keySet()))) {
                                                differ(
                                                        diffs,
                                                        "user_daily_stats",
                                                        key,
                                                        expectedUsers.get(key),
                                                        actualUsers.get(key));
                                            }
                                            Map<Long, LocalDate> expectedFirst = new TreeMap<>();
                                            log.forEach(r -> expectedFirst.merge(
                                                    r.userId(), r.day(), (a, b) -> a.isBefore(b) ? a : b));
                                            for (Long user :
                                                    new TreeSet<>(union(expectedFirst.keySet(), firstEdits.keySet()))) {
                                                differ(
                                                        diffs,
                                                        "user_first_edit",
                                                        String.valueOf(user),
                                                        expectedFirst.get(user),
                                                        firstEdits.get(user));
                                            }
                                            Map<LocalDate, DailyFigures> finalised = new HashMap<>();
                                            days.forEach(d -> finalised.put(d.day(), d.withoutFinalizedAt()));
                                            int daysChecked = 0;
                                            for (DailyFigures day : expected.days()) {
                                                DailyFigures actual = finalised.get(day.day());
                                                if (actual
                                                        != null) { // days not finalised yet are the general job's, not
                                                    // a difference
                                                    daysChecked++;
                                                    differ(
                                                            diffs,
                                                            "general_daily_stats",
                                                            day.day().toString(),
                                                            day,
                                                            actual);
                                                }
                                            }
                                            return new Report(
                                                    log.size(),
                                                    expected.heads().size(),
                                                    expectedUsers.size(),
                                                    daysChecked,
                                                    diffs.size(),
                                                    List.copyOf(diffs.subList(0, Math.min(LISTED, diffs.size()))),
                                                    false);
                                        }))));
    }

    private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
        java.util.Set<T> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, UserDay> byUserKey(List<UserDay> days) {
        Map<String, UserDay> map = new HashMap<>();
        days.forEach(d -> map.put(d.day() + "/" + d.userId() + "/" + d.entityType(), d));
        return map;
    }

    private static void differ(List<Difference> diffs, String table, String key, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            diffs.add(new Difference(
                    table,
                    key,
                    expected == null ? null : expected.toString(),
                    actual == null ? null : actual.toString()));
        }
    }
}
