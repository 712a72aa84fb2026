package org.entitybase.entity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.entitybase.entity.support.EntityDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.writer;

/** {@code lexeme_terms} follows the head of each lexeme: lemmas and form representations, none when deleted. */
@QuarkusTest
class LexemeTermsIT {

    private static final long USER = 15;

    @Test
    void rowsFollowCreateEditDeleteAndRevert() {
        String id = EntityApiIT.createdId("lexemes", lexeme("run", "runs"));
        assertThat(rows(id))
                .containsExactlyInAnyOrder("lemma " + id + " en run", "representation " + id + "-F1 en runs");

        String edited = EntityApiIT.withId(lexeme("sprint", "sprints"), id)
                .replace("\"forms\":[{", "\"forms\":[{\"id\":\"" + id + "-F1\",");
        assertThat(writer(USER)
                        .body(edited)
                        .put(path("/entities/lexemes/" + id))
                        .statusCode())
                .isEqualTo(200);
        assertThat(rows(id))
                .containsExactlyInAnyOrder("lemma " + id + " en sprint", "representation " + id + "-F1 en sprints");

        assertThat(writer(USER).delete(path("/entities/" + id)).statusCode()).isEqualTo(200);
        assertThat(rows(id)).isEmpty();
        assertThat(writer(USER)
                        .body(Map.of("to_revision_id", 1))
                        .post(path("/entities/" + id + "/revert"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(rows(id))
                .containsExactlyInAnyOrder("lemma " + id + " en run", "representation " + id + "-F1 en runs");
    }

    private static List<String> rows(String id) {
        return EntityDatabase.strings(
                "SELECT CONCAT(term_type, ' ', term_owner, ' ', language, ' ', term_text) FROM lexeme_terms"
                        + " WHERE lexeme_id = ?",
                id);
    }

    private static String lexeme(String lemma, String form) {
        return """
                {"type":"lexeme","lemmas":{"en":{"language":"en","value":"%s"}},"lexicalCategory":"Q1084",
                 "language":"Q1860","forms":[{"representations":{"en":{"language":"en","value":"%s"}},
                 "grammaticalFeatures":[],"claims":{}}],"senses":[]}""".formatted(lemma, form);
    }
}
