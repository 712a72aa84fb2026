package org.entitybase.model.event;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.entitybase.model.event.EntityChangeEventCodec.InvalidEventException;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityChangeEventCodecTest {
    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "b".repeat(64);
    private static final String HASH_C = "c".repeat(64);

    private static EntityChangeEvent sample() {
        return new EntityChangeEvent(
                "2b4f1a39-8a4e-4d1c-9f55-0b7f2d9b7d11",
                "Q42",
                "item",
                7,
                6L,
                ChangeType.EDIT,
                12,
                "add P31",
                "2026-11-28T03:00:00Z",
                HASH_A,
                HASH_C,
                List.of(HASH_B),
                List.of(),
                null,
                null);
    }

    @Test
    void writesEveryFieldOfEventsMdAndReadsItBack() {
        byte[] json = EntityChangeEventCodec.write(sample());
        String text = new String(json, UTF_8);
        assertThat(text)
                .startsWith("{\"schema\":\"entitybase/entity_change/1.1.0\",\"event_id\":")
                .contains(
                        "\"parent_revision_id\":6",
                        "\"change_type\":\"edit\"",
                        "\"content_checkpoint\":\"" + HASH_C + "\"",
                        "\"statements_removed\":[]")
                .doesNotContain("redirect_target", "is_bot");
        assertThat(EntityChangeEventCodec.read(json)).isEqualTo(sample());
    }

    @Test
    void keepsOptionalRedirectTargetAndBotFlag() {
        EntityChangeEvent e = new EntityChangeEvent(
                "id", "Q1", "item", 1, null, ChangeType.REDIRECT, 0, null, "t", HASH_A, HASH_A, null, null, "Q2", true);
        EntityChangeEvent back = EntityChangeEventCodec.read(EntityChangeEventCodec.write(e));
        assertThat(back.redirectTarget()).isEqualTo("Q2");
        assertThat(back.isBot()).isTrue();
        assertThat(back.parentRevisionId()).isNull();
        assertThat(back.editSummary()).isEmpty();
    }

    @Test
    void readsA100EventWithoutItsCheckpoint() {
        String json = new String(EntityChangeEventCodec.write(sample()), UTF_8)
                .replace(
                        "\"schema\":\"entitybase/entity_change/1.1.0\"",
                        "\"schema\":\"entitybase/entity_change/1.0.0\"")
                .replace(",\"content_checkpoint\":\"" + HASH_C + "\"", "");
        EntityChangeEvent read = EntityChangeEventCodec.read(json.getBytes(UTF_8));
        assertThat(read.contentCheckpoint()).isNull();
        assertThat(read.contentHash()).isEqualTo(HASH_A);
        assertThat(read.statementsAdded()).containsExactly(HASH_B);
    }

    @Test
    void ignoresFieldsAddedByALaterMinorVersion() {
        String json = new String(EntityChangeEventCodec.write(sample()), UTF_8)
                .replace(
                        "{\"schema\":\"entitybase/entity_change/1.1.0\"",
                        "{\"schema\":\"entitybase/entity_change/1.2.0\",\"extra\":{\"a\":[1]}");
        assertThat(EntityChangeEventCodec.read(json.getBytes(UTF_8)).revisionId())
                .isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "{\"schema\":\"entitybase/entity_change/2.0.0\"}",
                "{\"schema\":\"entitybase/entity_change/1.0.0\",\"event_id\":\"x\"}",
                "{\"schema\":\"entitybase/entity_change/1.0.0\",\"revision_id\":\"7\"}",
                "{\"schema\":\"entitybase/entity_change/1.0.0\",\"change_type\":\"rename\"}",
                "{\"schema\":\"entitybase/entity_change/1.0.0\",\"statements_added\":[1]}",
                "{\"schema\":",
            })
    void rejectsWhatDoesNotFitTheSchema(String json) {
        assertThatThrownBy(() -> EntityChangeEventCodec.read(json.getBytes(UTF_8)))
                .isInstanceOf(InvalidEventException.class);
    }
}
