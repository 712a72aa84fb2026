package org.entitybase.user.events;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.entitybase.model.event.ChangeType;
import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.user.repository.RevisionIndexRepository.Revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserRevisionRecorderTest {

    @Test
    void anEventBecomesTheRowOfItsAuthor() {
        Revision r = UserRevisionRecorder.revision(event(ChangeType.REDIRECT, "merged", "2026-12-07T07:00:01Z", "Q2"));
        assertThat(r)
                .isEqualTo(new Revision(
                        42, "Q1", 7, 6L, "redirect", "merged", "Q2", Instant.parse("2026-12-07T07:00:01Z")));
    }

    @Test
    void anEmptySummaryIsNone() {
        assertThat(UserRevisionRecorder.revision(event(ChangeType.EDIT, "", "2026-12-07T07:00:01Z", null))
                        .editSummary())
                .isNull();
    }

    @Test
    void anUnreadableTimeIsRefused() {
        assertThatThrownBy(() -> UserRevisionRecorder.revision(event(ChangeType.EDIT, "x", "yesterday", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yesterday");
    }

    private static EntityChangeEvent event(ChangeType type, String summary, String timestamp, String redirect) {
        return new EntityChangeEvent(
                "e-1",
                "Q1",
                "item",
                7,
                6L,
                type,
                42,
                summary,
                timestamp,
                "ab".repeat(32),
                null,
                List.of(),
                List.of(),
                redirect,
                false);
    }
}
