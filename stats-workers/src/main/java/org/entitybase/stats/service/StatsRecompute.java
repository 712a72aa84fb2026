package org.entitybase.stats.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.entitybase.model.event.ChangeType;
import org.entitybase.stats.repository.DailyFigures;
import org.entitybase.stats.repository.RevisionRow;
import org.entitybase.stats.repository.UserDay;
import org.entitybase.stats.service.EntityFigures.TotalsDelta;

/**
 * Every derived figure from scratch, as a pure function of the revision log and each revision's figures (read again
 * from S3): each entity's revisions replayed in revision order give each revision's change of the totals and the
 * entity's head; the log grouped by day gives the per-user rows and the wiki-wide days, finalised through
 * {@code lastDay}. The rebuild compares this with the tables; the daily stats IT compares it with what the consumer and
 * the jobs kept.
 */
public final class StatsRecompute {

    /** An entity's counted head. */
    public record Head(String entityType, long revisionId, EntityFigures figures) {}

    /**
     * @param revisions the log with each revision's change of the totals recomputed
     * @param heads each entity's newest revision and its figures
     * @param userDays per (day, user, entity type)
     * @param days wiki-wide, first logged day through {@code lastDay} (totals carried over days without revisions)
     */
    public record Result(
            List<RevisionRow> revisions, Map<String, Head> heads, List<UserDay> userDays, List<DailyFigures> days) {}

    private StatsRecompute() {}

    /**
     * @param log every logged revision (any order)
     * @param figures each revision's figures, by {@link #key}
     * @param lastDay the last day to finalise (yesterday); days after it are left out of {@code days}
     */
    public static Result of(List<RevisionRow> log, Map<String, EntityFigures> figures, LocalDate lastDay) {
        List<RevisionRow> ordered = new ArrayList<>(log);
        ordered.sort(Comparator.comparing(RevisionRow::entityId).thenComparingLong(RevisionRow::revisionId));
        List<RevisionRow> revisions = new ArrayList<>();
        Map<String, Head> heads = new LinkedHashMap<>();
        for (RevisionRow row : ordered) {
            EntityFigures after = figures.get(key(row.entityId(), row.revisionId()));
            if (after == null) {
                throw new IllegalArgumentException("no figures for " + key(row.entityId(), row.revisionId()));
            }
            Head before = heads.get(row.entityId());
            revisions.add(row.withDelta(EntityFigures.change(before == null ? null : before.figures(), after)));
            heads.put(row.entityId(), new Head(row.entityType(), row.revisionId(), after));
        }
        return new Result(revisions, heads, userDays(revisions), days(revisions, lastDay));
    }

    public static String key(String entityId, long revisionId) {
        return entityId + "/" + revisionId;
    }

    private static List<UserDay> userDays(List<RevisionRow> revisions) {
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, RevisionRow> first = new HashMap<>();
        for (RevisionRow r : revisions) {
            String k = r.day() + "/" + r.userId() + "/" + r.entityType();
            first.putIfAbsent(k, r);
            long[] s = sums.computeIfAbsent(k, x -> new long[5]);
            s[0]++;
            s[1] += ChangeKinds.isEdit(r.changeType()) ? 1 : 0;
            s[2] += r.changeType() == ChangeType.CREATE ? 1 : 0;
            s[3] += r.statementsAdded();
            s[4] += r.statementsRemoved();
        }
        List<UserDay> days = new ArrayList<>();
        sums.forEach((k, s) -> {
            RevisionRow r = first.get(k);
            days.add(new UserDay(r.day(), r.userId(), r.entityType(), s[0], s[1], s[2], s[3], s[4]));
        });
        return days;
    }

    private static List<DailyFigures> days(List<RevisionRow> revisions, LocalDate lastDay) {
        if (revisions.isEmpty()) {
            return List.of();
        }
        Map<LocalDate, List<RevisionRow>> byDay = new TreeMap<>();
        Map<Long, LocalDate> firstDayOfUser = new HashMap<>();
        for (RevisionRow r : revisions) {
            byDay.computeIfAbsent(r.day(), d -> new ArrayList<>()).add(r);
            firstDayOfUser.merge(r.userId(), r.day(), (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<LocalDate, Long> newUsers = new HashMap<>();
        firstDayOfUser.forEach((user, day) -> {
            if (user > 0) {
                newUsers.merge(day, 1L, Long::sum);
            }
        });
        LocalDate first = byDay.keySet().iterator().next();
        List<DailyFigures> days = new ArrayList<>();
        DailyFigures previous = DayActivity.zero(first.minusDays(1));
        for (LocalDate day = first; !day.isAfter(lastDay); day = day.plusDays(1)) {
            DayActivity activity = activity(byDay.getOrDefault(day, List.of()), newUsers.getOrDefault(day, 0L));
            previous = activity.after(previous, day);
            days.add(previous);
        }
        return days;
    }

    private static DayActivity activity(List<RevisionRow> revisions, long newUsers) {
        long edits = 0, created = 0, deletions = 0, redirected = 0;
        long[] entities = new long[4];
        long statements = 0, sitelinks = 0, redirects = 0, deleted = 0;
        Set<Long> users = new HashSet<>();
        for (RevisionRow r : revisions) {
            edits += ChangeKinds.isEdit(r.changeType()) ? 1 : 0;
            created += r.changeType() == ChangeType.CREATE ? 1 : 0;
            deletions += r.changeType() == ChangeType.DELETE ? 1 : 0;
            redirected += r.changeType() == ChangeType.REDIRECT ? 1 : 0;
            if (r.userId() > 0) {
                users.add(r.userId());
            }
            TotalsDelta d = r.delta();
            int type = switch (r.entityType()) {
                case "item" -> 0;
                case "property" -> 1;
                case "lexeme" -> 2;
                default -> 3;
            };
            entities[type] += d.entities();
            statements += d.statements();
            sitelinks += d.sitelinks();
            redirects += d.redirects();
            deleted += d.deleted();
        }
        return new DayActivity(
                revisions.size(),
                edits,
                created,
                deletions,
                redirected,
                users.size(),
                newUsers,
                entities[0],
                entities[1],
                entities[2],
                entities[3],
                statements,
                sitelinks,
                redirects,
                deleted);
    }
}
