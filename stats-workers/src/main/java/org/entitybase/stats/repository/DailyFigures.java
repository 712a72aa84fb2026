package org.entitybase.stats.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.vertx.mutiny.sqlclient.Row;

/**
 * One row of {@code general_daily_stats}: the day's activity (revisions, edits, entities created, deletions, redirects
 * created, active users, new users) and the totals at the end of the day (live entities by type, statements,
 * sitelinks, redirects, deleted entities). {@code finalizedAt} is null while the day is still counted live.
 */
public record DailyFigures(
        LocalDate day,
        long revisions,
        long edits,
        long entitiesCreated,
        long deletions,
        long redirectsCreated,
        long activeUsers,
        long newUsers,
        long items,
        long properties,
        long lexemes,
        long mediainfo,
        long statements,
        long sitelinks,
        long redirects,
        long deleted,
        Instant finalizedAt) {

    static DailyFigures of(Row row) {
        LocalDateTime finalized = row.getLocalDateTime("finalized_at");
        return new DailyFigures(
                row.getLocalDate("stat_date"),
                row.getLong("revision_count"),
                row.getLong("edit_count"),
                row.getLong("entities_created"),
                row.getLong("entities_deleted"),
                row.getLong("redirects_created"),
                row.getLong("active_users"),
                row.getLong("new_users"),
                row.getLong("total_items"),
                row.getLong("total_properties"),
                row.getLong("total_lexemes"),
                row.getLong("total_mediainfo"),
                row.getLong("total_statements"),
                row.getLong("total_sitelinks"),
                row.getLong("total_redirects"),
                row.getLong("total_deleted"),
                finalized == null ? null : finalized.toInstant(ZoneOffset.UTC));
    }

    /** The same figures without the moment they were finalised: what a rebuild compares. */
    public DailyFigures withoutFinalizedAt() {
        return new DailyFigures(
                day,
                revisions,
                edits,
                entitiesCreated,
                deletions,
                redirectsCreated,
                activeUsers,
                newUsers,
                items,
                properties,
                lexemes,
                mediainfo,
                statements,
                sitelinks,
                redirects,
                deleted,
                null);
    }
}
