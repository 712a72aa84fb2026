package org.entitybase.entity.service;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.entitybase.entity.repository.RevisionRow;
import org.entitybase.model.content.ContentKind;
import org.entitybase.model.event.ChangeType;
import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.model.event.EntityChangeEventCodec;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;

import static org.assertj.core.api.Assertions.assertThat;

class EntityChangeEventsTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final String C = "c".repeat(64);

    @Test
    void carriesTheRevisionAndTheStatementDifference() {
        RevisionRow row = new RevisionRow(
                EntityId.parse("Q42"),
                3,
                2L,
                ContentKind.REVISION.address("d".repeat(64)),
                ContentKind.REVISION.address("e".repeat(64)),
                1,
                77,
                "summary",
                ChangeType.REDIRECT,
                EntityId.parse("Q43"),
                Instant.parse("2025-12-29T00:39:43.123456Z"),
                1234);

        EntityChangeEvent event = EntityChangeEvents.of(row, EntityType.ITEM, Set.of(C, A, B), Set.of(B));
        EntityChangeEvent read =
                EntityChangeEventCodec.read(EntityChangeEvents.payload(event).getBytes());

        assertThat(read).isEqualTo(event);
        assertThat(read.entityId()).isEqualTo("Q42");
        assertThat(read.entityType()).isEqualTo("item");
        assertThat(read.revisionId()).isEqualTo(3);
        assertThat(read.parentRevisionId()).isEqualTo(2);
        assertThat(read.changeType()).isEqualTo(ChangeType.REDIRECT);
        assertThat(read.userId()).isEqualTo(77);
        assertThat(read.timestamp()).isEqualTo("2025-12-29T00:39:43Z");
        assertThat(read.contentHash()).isEqualTo("d".repeat(64));
        assertThat(read.contentCheckpoint()).isEqualTo("e".repeat(64));
        assertThat(read.statementsAdded()).isEmpty();
        assertThat(read.statementsRemoved()).containsExactly(A, C); // sorted
        assertThat(read.redirectTarget()).isEqualTo("Q43");
        assertThat(read.eventId()).hasSize(36);
    }
}
