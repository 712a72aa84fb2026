package org.entitybase.user.repository;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CursorTest {

    @Test
    void roundTripsToTheMicrosecond() {
        Cursor c = new Cursor(Instant.parse("2026-12-07T07:00:01.123456Z"), "L12-F3", 99);
        assertThat(Cursor.decode(c.encode())).isEqualTo(c);
    }

    @Test
    void anythingElseIsNotACursor() {
        assertThat(Cursor.decode("nonsense")).isNull();
        assertThat(Cursor.decode("1.Q1")).isNull();
        assertThat(Cursor.decode("1.Q1.x")).isNull();
        assertThat(Cursor.decode("1.q1'--.2")).isNull();
        assertThat(Cursor.decode(null)).isNull();
    }

    @Test
    void theStartIsAfterEveryRow() {
        assertThat(Cursor.START.at()).isAfter(Instant.parse("2999-01-01T00:00:00Z"));
    }
}
