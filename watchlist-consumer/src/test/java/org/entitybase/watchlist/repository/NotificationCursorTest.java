package org.entitybase.watchlist.repository;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationCursorTest {

    @Test
    void roundTripsToTheMicrosecond() {
        NotificationCursor cursor = new NotificationCursor(Instant.parse("2026-12-07T10:11:12.123456Z"), 42);
        assertThat(cursor.encode()).isEqualTo("1796638272123456.42");
        assertThat(NotificationCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void anythingElseIsNoCursor() {
        assertThat(NotificationCursor.decode("yesterday")).isNull();
        assertThat(NotificationCursor.decode("1.2.3")).isNull();
        assertThat(NotificationCursor.decode("1.99999999999999999999")).isNull();
        assertThat(NotificationCursor.decode(null)).isNull();
    }
}
