package org.entitybase.stats.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.entitybase.model.event.ChangeType;
import org.entitybase.stats.repository.DailyFigures;
import org.entitybase.stats.repository.RevisionRow;
import org.entitybase.stats.repository.UserDay;
import org.entitybase.stats.service.EntityFigures.Status;
import org.entitybase.stats.service.EntityFigures.TotalsDelta;

import static org.assertj.core.api.Assertions.assertThat;

class StatsRecomputeTest {

    private static final LocalDate D1 = LocalDate.parse("2026-12-01");
    private static final LocalDate D2 = D1.plusDays(1);
    private static final LocalDate D3 = D1.plusDays(2);

    private final List<RevisionRow> log = new ArrayList<>();
    private final Map<String, EntityFigures> figures = new HashMap<>();

    private void revision(
            String id,
            long rev,
            String type,
            ChangeType change,
            long user,
            LocalDate day,
            EntityFigures f,
            int added,
            int removed) {
        log.add(new RevisionRow(
                id,
                rev,
                type,
                change,
                user,
                day,
                Instant.parse(day + "T12:00:00Z"),
                "h",
                null,
                added,
                removed,
                TotalsDelta.NONE));
        figures.put(StatsRecompute.key(id, rev), f);
    }

    @Test
    void totalsFollowEachEntitysHeadAndCarryOverQuietDays() {
        revision("Q1", 1, "item", ChangeType.CREATE, 7, D1, new EntityFigures(Status.LIVE, 2, 1), 2, 0);
        revision("Q1", 3, "item", ChangeType.EDIT, 8, D1, new EntityFigures(Status.LIVE, 3, 1), 1, 0);
        revision("P1", 2, "property", ChangeType.CREATE, 8, D1, new EntityFigures(Status.LIVE, 0, 0), 0, 0);
        revision("Q2", 4, "item", ChangeType.CREATE, 0, D1, new EntityFigures(Status.LIVE, 1, 0), 1, 0);
        revision("Q2", 5, "item", ChangeType.REDIRECT, 9, D3, EntityFigures.REDIRECT, 0, 1);
        revision("Q1", 6, "item", ChangeType.DELETE, 7, D3, EntityFigures.DELETED, 0, 3);

        StatsRecompute.Result r = StatsRecompute.of(log, figures, D3);

        assertThat(r.days()).extracting(DailyFigures::day).containsExactly(D1, D2, D3);
        DailyFigures d1 = r.days().get(0);
        assertThat(d1.revisions()).isEqualTo(4);
        assertThat(d1.edits()).isEqualTo(4);
        assertThat(d1.entitiesCreated()).isEqualTo(3);
        assertThat(d1.activeUsers()).as("anonymous is not a user").isEqualTo(2);
        assertThat(d1.newUsers()).isEqualTo(2);
        assertThat(d1.items()).isEqualTo(2);
        assertThat(d1.properties()).isEqualTo(1);
        assertThat(d1.statements()).isEqualTo(4);
        assertThat(d1.sitelinks()).isEqualTo(1);
        DailyFigures d2 = r.days().get(1);
        assertThat(d2.revisions()).isZero();
        assertThat(d2.items()).isEqualTo(2);
        assertThat(d2.statements()).isEqualTo(4);
        DailyFigures d3 = r.days().get(2);
        assertThat(d3.deletions()).isEqualTo(1);
        assertThat(d3.redirectsCreated()).isEqualTo(1);
        assertThat(d3.newUsers()).isEqualTo(1);
        assertThat(d3.activeUsers()).isEqualTo(2);
        assertThat(d3.items()).isZero();
        assertThat(d3.properties()).isEqualTo(1);
        assertThat(d3.statements()).isZero();
        assertThat(d3.sitelinks()).isZero();
        assertThat(d3.redirects()).isEqualTo(1);
        assertThat(d3.deleted()).isEqualTo(1);

        assertThat(r.heads().get("Q1").figures()).isEqualTo(EntityFigures.DELETED);
        assertThat(r.heads().get("Q1").revisionId()).isEqualTo(6);
        assertThat(r.userDays())
                .contains(new UserDay(D1, 8, "item", 1, 1, 0, 1, 0), new UserDay(D1, 8, "property", 1, 1, 1, 0, 0))
                .contains(new UserDay(D3, 7, "item", 1, 0, 0, 0, 3));
    }

    @Test
    void daysAfterTheLastToFinaliseAreLeftOut() {
        revision("Q1", 1, "item", ChangeType.CREATE, 7, D2, new EntityFigures(Status.LIVE, 0, 0), 0, 0);
        assertThat(StatsRecompute.of(log, figures, D1).days()).isEmpty();
        assertThat(StatsRecompute.of(log, figures, D2).days()).hasSize(1);
    }
}
