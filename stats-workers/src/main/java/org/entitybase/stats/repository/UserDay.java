package org.entitybase.stats.repository;

import java.time.LocalDate;

import io.vertx.mutiny.sqlclient.Row;

/** One row of {@code user_daily_stats}: a user's revisions of one entity type on one day. */
public record UserDay(
        LocalDate day,
        long userId,
        String entityType,
        long revisions,
        long edits,
        long entitiesCreated,
        long statementsAdded,
        long statementsRemoved) {

    static UserDay of(Row row) {
        return new UserDay(
                row.getLocalDate("stat_date"),
                row.getLong("user_id"),
                row.getString("entity_type"),
                row.getLong("revision_count"),
                row.getLong("edit_count"),
                row.getLong("entities_created"),
                row.getLong("statements_added"),
                row.getLong("statements_removed"));
    }
}
