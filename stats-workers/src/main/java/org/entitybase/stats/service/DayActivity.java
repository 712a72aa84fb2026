package org.entitybase.stats.service;

import java.time.LocalDate;

import org.entitybase.stats.repository.DailyFigures;

/**
 * One day's revisions added up (from the revision log or a rebuild's replay): activity counts and the change of each
 * total. {@link #after} turns them into the day's row, given the totals at the end of the day before.
 */
public record DayActivity(
        long revisions,
        long edits,
        long entitiesCreated,
        long deletions,
        long redirectsCreated,
        long activeUsers,
        long newUsers,
        long dItems,
        long dProperties,
        long dLexemes,
        long dMediainfo,
        long dStatements,
        long dSitelinks,
        long dRedirects,
        long dDeleted) {

    /** No activity: a day without revisions still carries the totals forward. */
    public static final DayActivity NONE = new DayActivity(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The totals before the first day. */
    public static DailyFigures zero(LocalDate day) {
        return new DailyFigures(day, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);
    }

    /** The row of {@code day}: this activity, and {@code previous}'s totals moved by it ({@code finalizedAt} null). */
    public DailyFigures after(DailyFigures previous, LocalDate day) {
        return new DailyFigures(
                day,
                revisions,
                edits,
                entitiesCreated,
                deletions,
                redirectsCreated,
                activeUsers,
                newUsers,
                previous.items() + dItems,
                previous.properties() + dProperties,
                previous.lexemes() + dLexemes,
                previous.mediainfo() + dMediainfo,
                previous.statements() + dStatements,
                previous.sitelinks() + dSitelinks,
                previous.redirects() + dRedirects,
                previous.deleted() + dDeleted,
                null);
    }
}
