package org.entitybase.stats.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import org.entitybase.model.event.ChangeType;
import org.entitybase.stats.service.EntityFigures;
import org.entitybase.stats.service.EntityFigures.TotalsDelta;
import org.entitybase.stats.service.StatsRecompute;

/** Whole-table reads and rewrites of the rebuild ({@code POST /internal/stats/rebuild}). */
@ApplicationScoped
public class RebuildRepository {

    static final String ALL_REVISIONS = "SELECT * FROM stats_revisions";
    static final String ALL_HEADS = "SELECT * FROM entity_state";
    static final String ALL_USER_DAYS = "SELECT * FROM user_daily_stats";
    static final String ALL_FIRST_EDITS = "SELECT user_id, first_date FROM user_first_edit";
    static final String FINALISED_DAYS = "SELECT * FROM general_daily_stats WHERE finalized_at IS NOT NULL";
    static final String SET_DELTA = "UPDATE stats_revisions SET d_entities = ?, d_statements = ?, d_sitelinks = ?,"
            + " d_redirects = ?, d_deleted = ? WHERE entity_id = ? AND revision_id = ?";
    static final String CLEAR_HEADS = "DELETE FROM entity_state";
    static final String INSERT_HEAD = "INSERT INTO entity_state (entity_id, entity_type, revision_id, status,"
            + " statements, sitelinks) VALUES (?, ?, ?, ?, ?, ?)";
    static final String CLEAR_USER_DAYS = "DELETE FROM user_daily_stats";
    static final String INSERT_USER_DAY = "INSERT INTO user_daily_stats (stat_date, user_id, entity_type,"
            + " revision_count, edit_count, entities_created, statements_added, statements_removed, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String CLEAR_FIRST_EDITS = "DELETE FROM user_first_edit";
    static final String INSERT_FIRST_EDITS = "INSERT INTO user_first_edit (user_id, first_date)"
            + " SELECT user_id, MIN(stat_date) FROM stats_revisions GROUP BY user_id";
    /** Every day is finalised again by the next general job run (GeneralStatsJob starts at the first such day). */
    static final String UNFINALISE_DAYS = "UPDATE stats_days SET general_finalized_at = NULL";

    public Uni<List<RevisionRow>> revisions(SqlClient c) {
        return c.query(ALL_REVISIONS).execute().map(rows -> {
            List<RevisionRow> log = new ArrayList<>();
            rows.forEach(r -> log.add(new RevisionRow(
                    r.getString("entity_id"),
                    r.getLong("revision_id"),
                    r.getString("entity_type"),
                    ChangeType.fromJsonName(r.getString("change_type")),
                    r.getLong("user_id"),
                    r.getLocalDate("stat_date"),
                    r.getLocalDateTime("committed_at").toInstant(ZoneOffset.UTC),
                    r.getString("content_hash"),
                    r.getString("content_checkpoint"),
                    r.getInteger("statements_added"),
                    r.getInteger("statements_removed"),
                    new TotalsDelta(
                            r.getInteger("d_entities"),
                            r.getInteger("d_statements"),
                            r.getInteger("d_sitelinks"),
                            r.getInteger("d_redirects"),
                            r.getInteger("d_deleted")))));
            return log;
        });
    }

    public Uni<Map<String, StatsRecompute.Head>> heads(SqlClient c) {
        return c.query(ALL_HEADS).execute().map(rows -> {
            Map<String, StatsRecompute.Head> heads = new HashMap<>();
            rows.forEach(r -> heads.put(r.getString("entity_id"), head(r)));
            return heads;
        });
    }

    private static StatsRecompute.Head head(Row r) {
        return new StatsRecompute.Head(
                r.getString("entity_type"),
                r.getLong("revision_id"),
                new EntityFigures(
                        EntityFigures.Status.ofColumn(r.getString("status")),
                        r.getInteger("statements"),
                        r.getInteger("sitelinks")));
    }

    public Uni<List<UserDay>> userDays(SqlClient c) {
        return c.query(ALL_USER_DAYS).execute().map(rows -> {
            List<UserDay> days = new ArrayList<>();
            rows.forEach(r -> days.add(UserDay.of(r)));
            return days;
        });
    }

    public Uni<Map<Long, LocalDate>> firstEdits(SqlClient c) {
        return c.query(ALL_FIRST_EDITS).execute().map(rows -> {
            Map<Long, LocalDate> first = new HashMap<>();
            rows.forEach(r -> first.put(r.getLong("user_id"), r.getLocalDate("first_date")));
            return first;
        });
    }

    public Uni<List<DailyFigures>> finalisedDays(SqlClient c) {
        return c.query(FINALISED_DAYS).execute().map(rows -> {
            List<DailyFigures> days = new ArrayList<>();
            rows.forEach(r -> days.add(DailyFigures.of(r)));
            return days;
        });
    }

    /**
     * Rewrites the log's changes of the totals, the heads, the per-user days and the users' first days from {@code
     * expected}, and leaves every wiki-wide day to be finalised again.
     */
    public Uni<Void> apply(SqlClient c, StatsRecompute.Result expected, Instant now) {
        List<Tuple> deltas = new ArrayList<>();
        for (RevisionRow r : expected.revisions()) {
            TotalsDelta d = r.delta();
            deltas.add(Tuple.tuple()
                    .addInteger(d.entities())
                    .addInteger(d.statements())
                    .addInteger(d.sitelinks())
                    .addInteger(d.redirects())
                    .addInteger(d.deleted())
                    .addString(r.entityId())
                    .addLong(r.revisionId()));
        }
        List<Tuple> heads = new ArrayList<>();
        expected.heads()
                .forEach((id, h) -> heads.add(Tuple.tuple()
                        .addString(id)
                        .addString(h.entityType())
                        .addLong(h.revisionId())
                        .addString(h.figures().status().column())
                        .addInteger(h.figures().statements())
                        .addInteger(h.figures().sitelinks())));
        List<Tuple> users = new ArrayList<>();
        for (UserDay u : expected.userDays()) {
            users.add(Tuple.tuple()
                    .addLocalDate(u.day())
                    .addLong(u.userId())
                    .addString(u.entityType())
                    .addLong(u.revisions())
                    .addLong(u.edits())
                    .addLong(u.entitiesCreated())
                    .addLong(u.statementsAdded())
                    .addLong(u.statementsRemoved())
                    .addLocalDateTime(StatsRepository.utc(now)));
        }
        return batch(c, SET_DELTA, deltas)
                .flatMap(x -> c.query(CLEAR_HEADS).execute())
                .flatMap(x -> batch(c, INSERT_HEAD, heads))
                .flatMap(x -> c.query(CLEAR_USER_DAYS).execute())
                .flatMap(x -> batch(c, INSERT_USER_DAY, users))
                .flatMap(x -> c.query(CLEAR_FIRST_EDITS).execute())
                .flatMap(x -> c.query(INSERT_FIRST_EDITS).execute())
                .flatMap(x -> c.query(UNFINALISE_DAYS).execute())
                .replaceWithVoid();
    }

    private static Uni<Void> batch(SqlClient c, String sql, List<Tuple> tuples) {
        if (tuples.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery(sql).executeBatch(tuples).replaceWithVoid();
    }
}
