package org.entitybase.stats.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import org.entitybase.model.event.ChangeType;
import org.entitybase.stats.service.ChangeKinds;
import org.entitybase.stats.service.DayActivity;
import org.entitybase.stats.service.EntityFigures;
import org.entitybase.stats.service.EntityFigures.TotalsDelta;

/**
 * The {@code stats} keyspace: the revision log, each entity's counted head, the per-day figures and their state.
 * Methods take the connection, so the consumer's one transaction spans an event's every write.
 */
@ApplicationScoped
public class StatsRepository {

    // --- the consumer's writes ----------------------------------------------------------------------------------
    static final String INSERT_REVISION = "INSERT IGNORE INTO stats_revisions (entity_id, revision_id, entity_type,"
            + " change_type, user_id, stat_date, committed_at, content_hash, content_checkpoint, statements_added,"
            + " statements_removed, d_entities, d_statements, d_sitelinks, d_redirects, d_deleted)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String LOCK_STATE =
            "SELECT revision_id, status, statements, sitelinks FROM entity_state WHERE entity_id = ? FOR UPDATE";
    static final String UPSERT_STATE = "INSERT INTO entity_state (entity_id, entity_type, revision_id, status,"
            + " statements, sitelinks) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE revision_id = VALUES(revision_id),"
            + " status = VALUES(status), statements = VALUES(statements), sitelinks = VALUES(sitelinks)";
    static final String ADD_USER_DAY = "INSERT INTO user_daily_stats (stat_date, user_id, entity_type, revision_count,"
            + " edit_count, entities_created, statements_added, statements_removed, updated_at)"
            + " VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE revision_count = revision_count + 1,"
            + " edit_count = edit_count + VALUES(edit_count), entities_created = entities_created + VALUES(entities_created),"
            + " statements_added = statements_added + VALUES(statements_added),"
            + " statements_removed = statements_removed + VALUES(statements_removed), updated_at = VALUES(updated_at)";
    static final String ADD_GENERAL_DAY = "INSERT INTO general_daily_stats (stat_date, revision_count, edit_count,"
            + " entities_created, entities_deleted, redirects_created, computed_at) VALUES (?, 1, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE revision_count = revision_count + 1, edit_count = edit_count + VALUES(edit_count),"
            + " entities_created = entities_created + VALUES(entities_created),"
            + " entities_deleted = entities_deleted + VALUES(entities_deleted),"
            + " redirects_created = redirects_created + VALUES(redirects_created), computed_at = VALUES(computed_at)";
    static final String FIRST_EDIT = "INSERT INTO user_first_edit (user_id, first_date) VALUES (?, ?)"
            + " ON DUPLICATE KEY UPDATE first_date = LEAST(first_date, VALUES(first_date))";
    static final String DAY_CHANGED = "INSERT INTO stats_days (stat_date, changed_at) VALUES (?, ?)"
            + " ON DUPLICATE KEY UPDATE changed_at = VALUES(changed_at)";

    /** The entity's counted head, locked for the transaction; null when none was counted. */
    public record Head(long revisionId, EntityFigures figures) {}

    public Uni<Head> lockHead(SqlClient c, String entityId) {
        return c.preparedQuery(LOCK_STATE).execute(Tuple.of(entityId)).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return null;
            }
            Row row = it.next();
            return new Head(
                    row.getLong("revision_id"),
                    new EntityFigures(
                            EntityFigures.Status.ofColumn(row.getString("status")),
                            row.getInteger("statements"),
                            row.getInteger("sitelinks")));
        });
    }

    /** Logs the revision; false when it was counted before (another event of the same revision). */
    public Uni<Boolean> insertRevision(SqlClient c, RevisionRow r) {
        TotalsDelta d = r.delta();
        return c.preparedQuery(INSERT_REVISION)
                .execute(Tuple.tuple()
                        .addString(r.entityId())
                        .addLong(r.revisionId())
                        .addString(r.entityType())
                        .addString(r.changeType().jsonName())
                        .addLong(r.userId())
                        .addLocalDate(r.day())
                        .addLocalDateTime(utc(r.committedAt()))
                        .addString(r.contentHash())
                        .addString(r.contentCheckpoint())
                        .addInteger(r.statementsAdded())
                        .addInteger(r.statementsRemoved())
                        .addInteger(d.entities())
                        .addInteger(d.statements())
                        .addInteger(d.sitelinks())
                        .addInteger(d.redirects())
                        .addInteger(d.deleted()))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> setHead(SqlClient c, String entityId, String entityType, long revisionId, EntityFigures f) {
        return c.preparedQuery(UPSERT_STATE)
                .execute(Tuple.tuple()
                        .addString(entityId)
                        .addString(entityType)
                        .addLong(revisionId)
                        .addString(f.status().column())
                        .addInteger(f.statements())
                        .addInteger(f.sitelinks()))
                .replaceWithVoid();
    }

    /** Adds one revision to its user's and the wiki's figures of its day, and marks the day changed. */
    public Uni<Void> addToDay(SqlClient c, RevisionRow r, Instant now) {
        ChangeType type = r.changeType();
        int edit = ChangeKinds.isEdit(type) ? 1 : 0;
        int created = type == ChangeType.CREATE ? 1 : 0;
        Tuple user = Tuple.tuple()
                .addLocalDate(r.day())
                .addLong(r.userId())
                .addString(r.entityType())
                .addInteger(edit)
                .addInteger(created)
                .addInteger(r.statementsAdded())
                .addInteger(r.statementsRemoved())
                .addLocalDateTime(utc(now));
        Tuple general = Tuple.tuple()
                .addLocalDate(r.day())
                .addInteger(edit)
                .addInteger(created)
                .addInteger(type == ChangeType.DELETE ? 1 : 0)
                .addInteger(type == ChangeType.REDIRECT ? 1 : 0)
                .addLocalDateTime(utc(now));
        return c.preparedQuery(ADD_USER_DAY)
                .execute(user)
                .flatMap(x -> c.preparedQuery(ADD_GENERAL_DAY).execute(general))
                .flatMap(x -> c.preparedQuery(FIRST_EDIT).execute(Tuple.of(r.userId(), r.day())))
                .flatMap(x -> c.preparedQuery(DAY_CHANGED).execute(Tuple.of(r.day(), utc(now))))
                .replaceWithVoid();
    }

    // --- the daily jobs ------------------------------------------------------------------------------------------
    static final String USER_DAYS_TO_FINALISE = "SELECT stat_date FROM stats_days WHERE stat_date < ?"
            + " AND (user_finalized_at IS NULL OR user_finalized_at < changed_at) ORDER BY stat_date";
    static final String GENERAL_DAYS_TO_FINALISE = "SELECT stat_date FROM stats_days WHERE stat_date < ?"
            + " AND (general_finalized_at IS NULL OR general_finalized_at < changed_at) ORDER BY stat_date";
    static final String LAST_GENERAL_FINALISED =
            "SELECT MAX(stat_date) AS d FROM general_daily_stats WHERE finalized_at IS NOT NULL";
    static final String FIRST_DAY = "SELECT MIN(stat_date) AS d FROM stats_revisions";
    static final String DELETE_USER_DAY = "DELETE FROM user_daily_stats WHERE stat_date = ?";
    static final String RECOMPUTE_USER_DAY = "INSERT INTO user_daily_stats (stat_date, user_id, entity_type,"
            + " revision_count, edit_count, entities_created, statements_added, statements_removed, updated_at)"
            + " SELECT stat_date, user_id, entity_type, COUNT(*),"
            + " SUM(change_type IN (" + ChangeKinds.editTypesSql() + ")),"
            + " SUM(change_type = 'create'), SUM(statements_added), SUM(statements_removed), ?"
            + " FROM stats_revisions WHERE stat_date = ? GROUP BY stat_date, user_id, entity_type";
    static final String USER_DAY_FINALISED = "UPDATE stats_days SET user_finalized_at = ? WHERE stat_date = ?";
    static final String GENERAL_DAY_FINALISED = "INSERT INTO stats_days (stat_date, changed_at, general_finalized_at)"
            + " VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE general_finalized_at = VALUES(general_finalized_at)";
    static final String DAY_ACTIVITY = "SELECT COUNT(*) AS revisions,"
            + " COALESCE(SUM(change_type IN (" + ChangeKinds.editTypesSql() + ")), 0) AS edits,"
            + " COALESCE(SUM(change_type = 'create'), 0) AS created, COALESCE(SUM(change_type = 'delete'), 0) AS deleted,"
            + " COALESCE(SUM(change_type = 'redirect'), 0) AS redirected,"
            + " COUNT(DISTINCT CASE WHEN user_id > 0 THEN user_id END) AS active_users,"
            + " COALESCE(SUM(CASE WHEN entity_type = 'item' THEN d_entities END), 0) AS d_items,"
            + " COALESCE(SUM(CASE WHEN entity_type = 'property' THEN d_entities END), 0) AS d_properties,"
            + " COALESCE(SUM(CASE WHEN entity_type = 'lexeme' THEN d_entities END), 0) AS d_lexemes,"
            + " COALESCE(SUM(CASE WHEN entity_type = 'mediainfo' THEN d_entities END), 0) AS d_mediainfo,"
            + " COALESCE(SUM(d_statements), 0) AS d_statements, COALESCE(SUM(d_sitelinks), 0) AS d_sitelinks,"
            + " COALESCE(SUM(d_redirects), 0) AS d_redirects, COALESCE(SUM(d_deleted), 0) AS d_deleted"
            + " FROM stats_revisions WHERE stat_date = ?";
    static final String NEW_USERS = "SELECT COUNT(*) AS n FROM user_first_edit WHERE first_date = ? AND user_id > 0";
    static final String GENERAL_DAY = "SELECT * FROM general_daily_stats WHERE stat_date = ?";
    static final String UPSERT_GENERAL_DAY = "INSERT INTO general_daily_stats (stat_date, revision_count, edit_count,"
            + " entities_created, entities_deleted, redirects_created, active_users, new_users, total_items,"
            + " total_properties, total_lexemes, total_mediainfo, total_statements, total_sitelinks, total_redirects,"
            + " total_deleted, computed_at, finalized_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE revision_count = VALUES(revision_count), edit_count = VALUES(edit_count),"
            + " entities_created = VALUES(entities_created), entities_deleted = VALUES(entities_deleted),"
            + " redirects_created = VALUES(redirects_created), active_users = VALUES(active_users),"
            + " new_users = VALUES(new_users), total_items = VALUES(total_items),"
            + " total_properties = VALUES(total_properties), total_lexemes = VALUES(total_lexemes),"
            + " total_mediainfo = VALUES(total_mediainfo), total_statements = VALUES(total_statements),"
            + " total_sitelinks = VALUES(total_sitelinks), total_redirects = VALUES(total_redirects),"
            + " total_deleted = VALUES(total_deleted), computed_at = VALUES(computed_at),"
            + " finalized_at = VALUES(finalized_at)";

    public Uni<List<LocalDate>> userDaysToFinalise(SqlClient c, LocalDate today) {
        return c.preparedQuery(USER_DAYS_TO_FINALISE).execute(Tuple.of(today)).map(StatsRepository::dates);
    }

    public Uni<List<LocalDate>> generalDaysToFinalise(SqlClient c, LocalDate today) {
        return c.preparedQuery(GENERAL_DAYS_TO_FINALISE)
                .execute(Tuple.of(today))
                .map(StatsRepository::dates);
    }

    public Uni<LocalDate> lastGeneralFinalised(SqlClient c) {
        return c.query(LAST_GENERAL_FINALISED)
                .execute()
                .map(rows -> rows.iterator().next().getLocalDate("d"));
    }

    public Uni<LocalDate> firstDay(SqlClient c) {
        return c.query(FIRST_DAY).execute().map(rows -> rows.iterator().next().getLocalDate("d"));
    }

    /** Replaces the day's per-user rows by what its logged revisions add up to. */
    public Uni<Void> finaliseUserDay(SqlClient c, LocalDate day, Instant now) {
        return c.preparedQuery(DELETE_USER_DAY)
                .execute(Tuple.of(day))
                .flatMap(x -> c.preparedQuery(RECOMPUTE_USER_DAY).execute(Tuple.of(utc(now), day)))
                .flatMap(x -> c.preparedQuery(USER_DAY_FINALISED).execute(Tuple.of(utc(now), day)))
                .replaceWithVoid();
    }

    /** The day's activity as its logged revisions and the users' first days add it up. */
    public Uni<DayActivity> dayActivity(SqlClient c, LocalDate day) {
        return c.preparedQuery(NEW_USERS)
                .execute(Tuple.of(day))
                .map(rows -> rows.iterator().next().getLong("n"))
                .flatMap(newUsers -> c.preparedQuery(DAY_ACTIVITY)
                        .execute(Tuple.of(day))
                        .map(rows -> {
                            Row r = rows.iterator().next();
                            return new DayActivity(
                                    r.getLong("revisions"),
                                    longOf(r, "edits"),
                                    longOf(r, "created"),
                                    longOf(r, "deleted"),
                                    longOf(r, "redirected"),
                                    r.getLong("active_users"),
                                    newUsers,
                                    longOf(r, "d_items"),
                                    longOf(r, "d_properties"),
                                    longOf(r, "d_lexemes"),
                                    longOf(r, "d_mediainfo"),
                                    longOf(r, "d_statements"),
                                    longOf(r, "d_sitelinks"),
                                    longOf(r, "d_redirects"),
                                    longOf(r, "d_deleted"));
                        }));
    }

    /** A SUM comes back as a DECIMAL. */
    private static long longOf(Row row, String column) {
        Object value = row.getValue(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    public Uni<DailyFigures> generalDay(SqlClient c, LocalDate day) {
        return c.preparedQuery(GENERAL_DAY).execute(Tuple.of(day)).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? DailyFigures.of(it.next()) : null;
        });
    }

    public Uni<Void> writeGeneralDay(SqlClient c, DailyFigures f, Instant now) {
        return c.preparedQuery(UPSERT_GENERAL_DAY)
                .execute(Tuple.tuple()
                        .addLocalDate(f.day())
                        .addLong(f.revisions())
                        .addLong(f.edits())
                        .addLong(f.entitiesCreated())
                        .addLong(f.deletions())
                        .addLong(f.redirectsCreated())
                        .addLong(f.activeUsers())
                        .addLong(f.newUsers())
                        .addLong(f.items())
                        .addLong(f.properties())
                        .addLong(f.lexemes())
                        .addLong(f.mediainfo())
                        .addLong(f.statements())
                        .addLong(f.sitelinks())
                        .addLong(f.redirects())
                        .addLong(f.deleted())
                        .addLocalDateTime(utc(now))
                        .addLocalDateTime(utc(now)))
                .flatMap(x -> c.preparedQuery(GENERAL_DAY_FINALISED).execute(Tuple.of(f.day(), utc(now), utc(now))))
                .replaceWithVoid();
    }

    // --- reads ---------------------------------------------------------------------------------------------------
    static final String LATEST_FINALISED =
            "SELECT * FROM general_daily_stats WHERE finalized_at IS NOT NULL" + " ORDER BY stat_date DESC LIMIT 1";
    static final String GENERAL_RANGE =
            "SELECT * FROM general_daily_stats WHERE stat_date BETWEEN ? AND ? ORDER BY stat_date";
    static final String USER_RANGE = "SELECT * FROM user_daily_stats WHERE user_id = ? AND stat_date BETWEEN ? AND ?"
            + " ORDER BY stat_date, entity_type";

    public Uni<DailyFigures> latestFinalised(SqlClient c) {
        return c.query(LATEST_FINALISED).execute().map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? DailyFigures.of(it.next()) : null;
        });
    }

    public Uni<List<DailyFigures>> generalRange(SqlClient c, LocalDate from, LocalDate to) {
        return c.preparedQuery(GENERAL_RANGE).execute(Tuple.of(from, to)).map(rows -> {
            List<DailyFigures> days = new ArrayList<>();
            rows.forEach(row -> days.add(DailyFigures.of(row)));
            return days;
        });
    }

    public Uni<List<UserDay>> userRange(SqlClient c, long userId, LocalDate from, LocalDate to) {
        return c.preparedQuery(USER_RANGE).execute(Tuple.of(userId, from, to)).map(rows -> {
            List<UserDay> days = new ArrayList<>();
            rows.forEach(row -> days.add(UserDay.of(row)));
            return days;
        });
    }

    private static List<LocalDate> dates(RowSet<Row> rows) {
        List<LocalDate> dates = new ArrayList<>();
        rows.forEach(row -> dates.add(row.getLocalDate("stat_date")));
        return dates;
    }

    static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
