package org.entitybase.entity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.entitybase.entity.support.EntityDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.reader;
import static org.entitybase.entity.support.Api.writer;
import static org.entitybase.entity.support.Edits.error;

/** {@code POST /internal/revisions/committed}: which pack keys committed revisions reference. */
@QuarkusTest
class CommittedRevisionsIT {

    @Test
    void onlyHashesOfCommittedRevisionsAreListed() {
        String id = EntityApiIT.createdId("items", EntityApiIT.item("committed"));
        String content = EntityDatabase.strings(
                        "SELECT content_hash FROM entity_revisions WHERE entity_id = ? AND revision_id = 1", id)
                .get(0);
        // a second revision (a delta or, for an entity this small, a checkpoint of its own)
        Response edited = writer(5).body("\"committed 2\"").put(path("/entities/items/" + id + "/labels/en"));
        assertThat(edited.statusCode()).isEqualTo(200);
        String delta = EntityDatabase.strings(
                        "SELECT content_hash FROM entity_revisions WHERE entity_id = ? AND revision_id = 2", id)
                .get(0);
        String checkpoint = EntityDatabase.strings(
                        "SELECT checkpoint_hash FROM entity_revisions WHERE entity_id = ? AND revision_id = 2", id)
                .get(0);
        String unknown = "0".repeat(63) + "1";

        Response response = committed(List.of(unknown, delta, content, delta, checkpoint));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getList("committed", String.class))
                .as("in request order, once each")
                .containsExactlyElementsOf(new LinkedHashSet<>(List.of(delta, content, checkpoint)));
        assertThat(committed(List.of()).jsonPath().getList("committed")).isEmpty();
        assertThat(committed(List.of(unknown)).jsonPath().getList("committed")).isEmpty();
    }

    @Test
    void badRequestsAre400() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add("%064x".formatted(i));
        }
        error(committed(many), 400, "too-many-hashes");
        error(committed(List.of("ABC")), 400, "invalid-value");
        error(committed(List.of("A".repeat(64))), 400, "invalid-value");
        error(post("{}"), 400, "missing-field");
        error(post("{\"content_hashes\":\"x\"}"), 400, "missing-field");
        error(post("nope"), 400, "invalid-json");
    }

    private static Response committed(List<String> hashes) {
        return reader().contentType("application/json")
                .body(Map.of("content_hashes", hashes))
                .post("/internal/revisions/committed");
    }

    private static Response post(String body) {
        return reader().contentType("application/json").body(body).post("/internal/revisions/committed");
    }
}
