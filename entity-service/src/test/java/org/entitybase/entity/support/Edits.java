package org.entitybase.entity.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.restassured.response.Response;

import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.model.event.EntityChangeEventCodec;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions the sub-resource ITs share: head revisions, error bodies, entity_change events. */
public final class Edits {

    private Edits() {}

    /** The entity's head revision id, from the database. */
    public static long head(String id) {
        return EntityDatabase.count("SELECT head_revision_id FROM entity_head WHERE entity_id = ?", id);
    }

    public static long revisions(String id) {
        return EntityDatabase.count("SELECT COUNT(*) FROM entity_revisions WHERE entity_id = ?", id);
    }

    /** A write's response: {@code status}, the revision id in the body and as ETag. */
    public static Response written(Response response, int status, long revision) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.header("ETag")).isEqualTo("\"" + revision + "\"");
        assertThat(response.jsonPath().getLong("revision_id")).isEqualTo(revision);
        return response;
    }

    public static void error(Response response, int status, String code) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.jsonPath().getString("code"))
                .as(response.asString())
                .isEqualTo(code);
        assertThat(response.jsonPath().getString("message")).isNotBlank();
    }

    /** Exactly {@code count} events of {@code id} (waits for one more, briefly, to be sure there is none). */
    public static List<EntityChangeEvent> events(EventTap tap, String id, int count) {
        tap.await(id, count, Duration.ofSeconds(30));
        return tap.await(id, count + 1, Duration.ofSeconds(2)).stream()
                .map(r -> EntityChangeEventCodec.read(r.value().getBytes(StandardCharsets.UTF_8)))
                .toList();
    }
}
