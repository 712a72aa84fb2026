package org.entitybase.entity;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.entitybase.entity.support.RealLexemes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.reader;
import static org.entitybase.entity.support.Api.writer;
import static org.entitybase.entity.support.Edits.error;
import static org.entitybase.entity.support.Edits.head;
import static org.entitybase.entity.support.Edits.written;

/**
 * Lemmas, lexical category and language of the real lexemes (copies of L42, L1883, L42353 under fresh ids): each
 * edit one revision, read back; each refusal leaves the lexeme as it was.
 */
@QuarkusTest
class LexemesIT {

    private static final long USER = 21;

    @Test
    void lemmasAreReadSetAndRemoved() {
        String id = RealLexemes.copy("L42");
        Response all = reader().get(path("/entities/lexemes/" + id + "/lemmas"));
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.header("ETag")).isEqualTo("\"1\"");
        assertThat(all.jsonPath().getMap("")).containsOnlyKeys("en");
        assertThat(all.jsonPath().getString("en.value")).isEqualTo("answer");
        Response en = reader().get(path("/entities/lexemes/" + id + "/lemmas/en"));
        assertThat(en.jsonPath().getString("value")).isEqualTo("answer");
        assertThat(en.jsonPath().getString("language")).isEqualTo("en");

        Response gb = written(
                lexeme(id, "lemmas/en-gb").body("{\"value\":\"answre\"}").put(), 200, 2);
        assertThat(gb.jsonPath().getString("value")).isEqualTo("answre");
        written(lexeme(id, "lemmas/en-gb").body("\"answer\"").put(), 200, 3);
        assertThat(entity(id).jsonPath().getString("lemmas.en-gb.value")).isEqualTo("answer");
        written(lexeme(id, "lemmas/en-gb").body("\"answer\"").put(), 200, 3); // null edit

        written(lexeme(id, "lemmas/en-gb").delete(), 200, 4);
        error(reader().get(path("/entities/lexemes/" + id + "/lemmas/en-gb")), 404, "lemma-not-found");
        assertThat(entity(id).jsonPath().getMap("lemmas")).containsOnlyKeys("en");

        unchanged(id, () -> lexeme(id, "lemmas/en").delete(), 422, "lemma-required");
        unchanged(id, () -> lexeme(id, "lemmas/fr").delete(), 404, "lemma-not-found");
        unchanged(id, () -> lexeme(id, "lemmas/EN").body("\"x\"").put(), 400, "invalid-value");
        unchanged(id, () -> lexeme(id, "lemmas/en").body("{\"value\":\"\"}").put(), 400, "invalid-value");
        unchanged(id, () -> lexeme(id, "lemmas/en").body("{not json").put(), 400, "invalid-json");
        assertThat(head(id)).isEqualTo(4);
    }

    @Test
    void lexicalCategoryAndLanguageAreItems() {
        String id = RealLexemes.copy("L42353");
        assertThat(reader().get(path("/entities/lexemes/" + id + "/lexicalCategory"))
                        .jsonPath()
                        .getString("lexicalCategory"))
                .isEqualTo("Q1084");
        Response category =
                written(lexeme(id, "lexicalCategory").body("\"Q24905\"").put(), 200, 2);
        assertThat(category.jsonPath().getString("lexicalCategory")).isEqualTo("Q24905");
        written(lexeme(id, "language").body("{\"value\":\"Q1860\"}").put(), 200, 3);
        Response read = entity(id);
        assertThat(read.jsonPath().getString("lexicalCategory")).isEqualTo("Q24905");
        assertThat(read.jsonPath().getString("language")).isEqualTo("Q1860");
        assertThat(reader().get(path("/entities/lexemes/" + id + "/language"))
                        .jsonPath()
                        .getString("language"))
                .isEqualTo("Q1860");

        unchanged(id, () -> lexeme(id, "lexicalCategory").body("\"P31\"").put(), 400, "invalid-value");
        unchanged(id, () -> lexeme(id, "language").body("\"english\"").put(), 400, "invalid-value");
        unchanged(id, () -> lexeme(id, "language").body("").put(), 400, "missing-body");
    }

    @Test
    void editsFollowTheEditRules() {
        String id = RealLexemes.copy("L1883");
        written(lexeme(id, "lemmas/de").body("\"Fünf\"").put(), 200, 2);
        unchanged(
                id,
                () -> lexeme(id, "lemmas/de")
                        .header("If-Match", "\"1\"")
                        .body("\"x\"")
                        .put(),
                412,
                "precondition-failed");
        unchanged(
                id,
                () -> lexeme(id, "lemmas/de")
                        .header("X-Base-Revision-ID", "1")
                        .body("\"x\"")
                        .put(),
                409,
                "edit-conflict");
        written(
                lexeme(id, "lemmas/de")
                        .header("If-Match", "\"2\"")
                        .body("\"fünf\"")
                        .put(),
                200,
                3);

        assertThat(writer(USER)
                        .body("{\"locked\":true}")
                        .put(path("/entities/" + id + "/protection"))
                        .statusCode())
                .isEqualTo(200);
        unchanged(id, () -> lexeme(id, "lemmas/de").body("\"x\"").put(), 423, "entity-locked");
        unchanged(id, () -> lexeme(id, "forms").body(form("x")).post(), 423, "entity-locked");
        assertThat(writer(USER)
                        .body("{\"locked\":false,\"semi_protected\":true}")
                        .put(path("/entities/" + id + "/protection"))
                        .statusCode())
                .isEqualTo(200);
        unchanged(
                id,
                () -> writer(0).body("\"x\"").put(path("/entities/lexemes/" + id + "/lemmas/de")),
                403,
                "semi-protected");

        error(reader().get(path("/entities/lexemes/L999999999999999999/lemmas")), 404, "entity-not-found");
        error(reader().get(path("/entities/lexemes/Q42/lemmas")), 400, "entity-type-mismatch");
        error(reader().get(path("/entities/lexemes/" + id + "-F1/lemmas")), 400, "invalid-entity-id");
        error(
                writer(USER).body("\"x\"").put(path("/entities/lexemes/L999999999999999999/lemmas/en")),
                404,
                "entity-not-found");
    }

    @Test
    void theOpenApiDocumentHasTheLexemeRoutes() {
        Map<String, Object> paths =
                reader().get("/q/openapi?format=json").jsonPath().getMap("paths");
        assertThat(paths)
                .containsKeys(
                        path("/entities/lexemes/{id}/lemmas/{lang}"),
                        path("/entities/lexemes/{id}/forms"),
                        path("/entities/lexemes/{id}/forms/{form}/representations/{lang}"),
                        path("/entities/lexemes/{id}/forms/{form}/grammaticalFeatures"),
                        path("/entities/lexemes/{id}/senses/{sense}/glosses/{lang}"),
                        path("/lexemes"));
    }

    // ---------------------------------------------------------------- helpers

    static io.restassured.specification.RequestSpecification lexeme(String id, String sub) {
        return writer(USER).basePath(path("/entities/lexemes/" + id + "/" + sub));
    }

    static Response entity(String id) {
        Response read = reader().get(path("/entities/" + id));
        assertThat(read.statusCode()).as(read.asString()).isEqualTo(200);
        return read;
    }

    /** The refusal {@code request} gets is {@code status}/{@code code}, and the lexeme is as it was. */
    static void unchanged(String id, Supplier<Response> request, int status, String code) {
        long before = head(id);
        String json = RealLexemes.current(id);
        error(request.get(), status, code);
        assertThat(head(id)).isEqualTo(before);
        assertThat(RealLexemes.current(id)).isEqualTo(json);
    }

    static String form(String representation) {
        return """
                {"representations":{"en":{"language":"en","value":"%s"}},"grammaticalFeatures":["Q146786"]}""".formatted(representation);
    }

    static Map<String, Object> none() {
        return Map.of();
    }

    static List<String> ids(Response response, String path) {
        return response.jsonPath().getList(path, String.class);
    }
}
