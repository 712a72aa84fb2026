package org.entitybase.entity.repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.vertx.mutiny.sqlclient.Row;

import org.entitybase.model.content.ContentKind;
import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.id.EntityId;

/** Column conversions shared by the repositories. Times are UTC {@code DATETIME(6)} (see V1). */
final class Rows {

    private Rows() {}

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(Row row, String column) {
        LocalDateTime value = row.getLocalDateTime(column);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** BOOLEAN is TINYINT(1): the client hands out a number. */
    static boolean flag(Row row, String column) {
        Object value = row.getValue(column);
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null && ((Number) value).intValue() != 0;
    }

    static EntityId entityId(Row row, String column) {
        String value = row.getString(column);
        return value == null ? null : EntityId.parse(value);
    }

    static ContentAddress revision(Row row, String column) {
        return ContentKind.REVISION.address(row.getString(column));
    }

    static Long nullableLong(Row row, String column) {
        Object value = row.getValue(column);
        return value == null ? null : ((Number) value).longValue();
    }
}
