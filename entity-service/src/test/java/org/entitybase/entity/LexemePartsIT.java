package org.entitybase.entity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.entitybase.entity.support.RealLexemes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.LexemesIT.entity;
import static org.entitybase.entity.LexemesIT.form;
import static org.entitybase.entity.LexemesIT.lexeme;
import static org.entitybase.entity.LexemesIT.unchanged;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.reader;
import static org.entitybase.entity.support.Api.writer;
import static org.entitybase.entity.support.Edits.error;
import static org.entitybase.entity.support.Edits.head;
import static org.entitybase.entity.support.Edits.revisions;
import static org.entitybase.entity.support.Edits.written;

/**
 * Forms and senses of copies of the real lexemes: added with ids from the lexeme's counters (never one handed out
 * before, also after removals, reverts and under concurrent additions), edited, removed, read by their own id, and
 * their statements through the entity statement routes.
 */
@QuarkusTest
class LexemePartsIT {

    private static final long USER = 22;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATCH = "application/json-patch+json";

    @Test
    void formsAreAddedEditedAndRemovedAndTheirIdsNeverComeBack() throws Exception {
        String id = RealLexemes.copy("L42"); // forms F1, F2, F4 (F3 was removed on Wikidata), no counters
        Response list = reader().get(path("/entities/lexemes/" + id + "/forms"));
        assertThat(list.header("ETag")).isEqualTo("\"1\"");
        assertThat(list.jsonPath().getList("forms.id", String.class))
                .containsExactly(id + "-F1", id + "-F2", id + "-F4");

        Response added = written(lexeme(id, "forms").body(form("answerer")).post(), 201, 2);
        assertThat(added.jsonPath().getString("form.id")).isEqualTo(id + "-F5");
        assertThat(added.header("Location")).endsWith("/entities/lexemes/" + id + "/forms/" + id + "-F5");
        assertThat(reader().get(path("/entities/lexemes/" + id + "/forms/" + id + "-F5"))
                        .jsonPath()
                        .getString("representations.en.value"))
                .isEqualTo("answerer");
        assertThat(entity(id).jsonPath().getInt("nextFormId")).isEqualTo(6);

        // PUT replaces representations and features; statements stay unless the body has claims
        Response replaced = written(lexeme(id, "forms/" + id + "-F1").body("""
                                {"representations":{"en":{"language":"en","value":"answer"},
                                 "en-gb":{"language":"en-gb","value":"answre"}},"grammaticalFeatures":["Q110786","Q146786"]}""").put(), 200, 3);
        assertThat(replaced.jsonPath().getList("form.grammaticalFeatures", String.class))
                .containsExactly("Q110786", "Q146786");
        assertThat(replaced.jsonPath().getMap("form.claims")).containsKeys("P443", "P7243");

        written(
                lexeme(id, "forms/" + id + "-F1/representations/de")
                        .body("\"Antwort\"")
                        .put(),
                200,
                4);
        assertThat(reader().get(path("/entities/lexemes/" + id + "/forms/" + id + "-F1/representations"))
                        .jsonPath()
                        .getMap(""))
                .containsOnlyKeys("en", "en-gb", "de");
        assertThat(reader().get(path("/entities/lexemes/" + id + "/forms/" + id + "-F1/representations/de"))
                        .jsonPath()
                        .getString("value"))
                .isEqualTo("Antwort");
        written(lexeme(id, "forms/" + id + "-F1/representations/de").delete(), 200, 5);
        written(
                lexeme(id, "forms/" + id + "-F1/grammaticalFeatures")
                        .body("[\"Q110786\"]")
                        .put(),
                200,
                6);
        assertThat(reader().get(path("/entities/lexemes/" + id + "/forms/" + id + "-F1/grammaticalFeatures"))
                        .jsonPath()
                        .getList("", String.class))
                .containsExactly("Q110786");

        // refusals change nothing
        unchanged(
                id,
                () -> lexeme(id, "forms/" + id + "-F2/representations/en").delete(),
                422,
                "representation-required");
        unchanged(
                id,
                () -> lexeme(id, "forms/" + id + "-F2/representations/fr").delete(),
                404,
                "representation-not-found");
        unchanged(id, () -> lexeme(id, "forms/" + id + "-F3").delete(), 404, "form-not-found");
        unchanged(id, () -> lexeme(id, "forms/L1-F1").delete(), 400, "entity-id-mismatch");
        unchanged(id, () -> lexeme(id, "forms/" + id + "-S1").delete(), 400, "invalid-entity-id");
        unchanged(
                id,
                () -> lexeme(id, "forms/" + id + "-F1/grammaticalFeatures")
                        .body("[\"P31\"]")
                        .put(),
                400,
                "invalid-value");
        unchanged(id, () -> lexeme(id, "forms").body("{\"representations\":{}}").post(), 400, "missing-field");
        unchanged(
                id,
                () -> lexeme(id, "forms")
                        .body("{\"representations\":{},\"grammaticalFeatures\":[]}")
                        .post(),
                422,
                "representation-required");
        unchanged(
                id,
                () -> lexeme(id, "forms/" + id + "-F2")
                        .body(form("x").replaceFirst("\\{", "{\"id\":\"" + id + "-F1\","))
                        .put(),
                400,
                "entity-id-mismatch");
        error(reader().get(path("/entities/lexemes/" + id + "/forms/" + id + "-F3")), 404, "form-not-found");

        // removed: gone, and its id is not handed out again
        written(lexeme(id, "forms/" + id + "-F5").delete(), 200, 7);
        error(reader().get(path("/entities/lexemes/" + id + "/forms/" + id + "-F5")), 404, "form-not-found");
        assertThat(written(lexeme(id, "forms").body(form("answerers")).post(), 201, 8)
                        .jsonPath()
                        .getString("form.id"))
                .isEqualTo(id + "-F6");
        written(lexeme(id, "forms/" + id + "-F6").delete(), 200, 9);

        // back to the original revision (no counters in its JSON): the counters stay, F5 and F6 stay taken
        Response revert = writer(USER).body(Map.of("to_revision_id", 1)).post(path("/entities/" + id + "/revert"));
        assertThat(revert.statusCode()).as(revert.asString()).isEqualTo(200);
        assertThat(revert.header("ETag")).isEqualTo("\"10\"");
        Response reverted = entity(id);
        assertThat(reverted.jsonPath().getList("forms.id", String.class))
                .containsExactly(id + "-F1", id + "-F2", id + "-F4");
        assertThat(reverted.jsonPath().getInt("nextFormId")).isEqualTo(7);
        assertThat(written(lexeme(id, "forms").body(form("answering")).post(), 201, 11)
                        .jsonPath()
                        .getString("form.id"))
                .isEqualTo(id + "-F7");

        // a whole-lexeme PUT without counters does not lower them either
        ObjectNode current = (ObjectNode) JSON.readTree(RealLexemes.current(id));
        current.remove(List.of("nextFormId", "nextSenseId"));
        ((com.fasterxml.jackson.databind.node.ArrayNode) current.get("forms")).remove(3); // F7
        String put = JSON.writeValueAsString(current);
        Response whole = writer(USER).body(put).put(path("/entities/lexemes/" + id));
        assertThat(whole.statusCode()).as(whole.asString()).isEqualTo(200);
        assertThat(whole.header("ETag")).isEqualTo("\"12\"");
        assertThat(entity(id).jsonPath().getInt("nextFormId")).isEqualTo(8);
        assertThat(revisions(id)).isEqualTo(12);
    }

    @Test
    void sensesAreAddedEditedAndRemoved() {
        String id = RealLexemes.copy("L1883"); // senses S1..S8
        Response added = written(
                lexeme(id, "senses")
                        .body("{\"glosses\":{\"en\":{\"language\":\"en\",\"value\":\"a count of five\"}}}")
                        .post(),
                201,
                2);
        assertThat(added.jsonPath().getString("sense.id")).isEqualTo(id + "-S9");
        assertThat(added.header("Location")).endsWith("/entities/lexemes/" + id + "/senses/" + id + "-S9");
        assertThat(reader().get(path("/entities/lexemes/" + id + "/senses"))
                        .jsonPath()
                        .getList("senses.id", String.class))
                .hasSize(9)
                .endsWith(id + "-S9");

        written(
                lexeme(id, "senses/" + id + "-S9/glosses/de")
                        .body("{\"value\":\"fünf Stück\"}")
                        .put(),
                200,
                3);
        assertThat(reader().get(path("/entities/lexemes/" + id + "/senses/" + id + "-S9/glosses"))
                        .jsonPath()
                        .getMap(""))
                .containsOnlyKeys("en", "de");
        assertThat(reader().get(path("/entities/lexemes/" + id + "/senses/" + id + "-S9/glosses/de"))
                        .jsonPath()
                        .getString("value"))
                .isEqualTo("fünf Stück");
        written(lexeme(id, "senses/" + id + "-S9/glosses/en").delete(), 200, 4);
        unchanged(id, () -> lexeme(id, "senses/" + id + "-S9/glosses/de").delete(), 422, "gloss-required");
        unchanged(id, () -> lexeme(id, "senses/" + id + "-S9/glosses/fr").delete(), 404, "gloss-not-found");
        unchanged(id, () -> lexeme(id, "senses/" + id + "-S10").delete(), 404, "sense-not-found");
        unchanged(id, () -> lexeme(id, "senses").body("{\"glosses\":[]}").post(), 422, "gloss-required");

        Response replaced = written(
                lexeme(id, "senses/" + id + "-S1")
                        .body("{\"glosses\":{\"en\":{\"language\":\"en\",\"value\":\"five\"}},\"claims\":{}}")
                        .put(),
                200,
                5);
        assertThat(replaced.jsonPath().getMap("sense.claims")).isEmpty();
        assertThat(replaced.jsonPath().getMap("sense.glosses")).containsOnlyKeys("en");

        written(lexeme(id, "senses/" + id + "-S9").delete(), 200, 6);
        error(reader().get(path("/entities/lexemes/" + id + "/senses/" + id + "-S9")), 404, "sense-not-found");
        assertThat(written(
                                lexeme(id, "senses")
                                        .body("{\"glosses\":{\"en\":{\"language\":\"en\",\"value\":\"5\"}}}")
                                        .post(),
                                201,
                                7)
                        .jsonPath()
                        .getString("sense.id"))
                .isEqualTo(id + "-S10");
        assertThat(entity(id).jsonPath().getInt("nextSenseId")).isEqualTo(11);
    }

    @Test
    void sixteenConcurrentFormAdditionsGetSixteenDistinctIds() throws Exception {
        String id = RealLexemes.copy("L42353");
        int before = entity(id).jsonPath().getList("forms").size();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Response>> adds = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String body = form("concurrent " + i);
            adds.add(() -> writer(USER).body(body).post(path("/entities/lexemes/" + id + "/forms")));
        }
        Set<String> ids = new HashSet<>();
        Set<Long> revisionIds = new HashSet<>();
        try {
            for (Future<Response> done : pool.invokeAll(adds)) {
                Response r = done.get();
                assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
                ids.add(r.jsonPath().getString("form.id"));
                revisionIds.add(r.jsonPath().getLong("revision_id"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids).hasSize(16);
        assertThat(revisionIds).hasSize(16);
        Response after = entity(id);
        List<String> stored = after.jsonPath().getList("forms.id", String.class);
        assertThat(stored).hasSize(before + 16).containsAll(ids);
        assertThat(head(id)).isEqualTo(17);
    }

    @Test
    void anIdempotencyKeyAddsTheFormOnce() {
        String id = RealLexemes.copy("L42");
        String key = "form-" + System.nanoTime();
        Response first = written(
                lexeme(id, "forms")
                        .header("Idempotency-Key", key)
                        .body(form("again"))
                        .post(),
                201,
                2);
        Response retry = lexeme(id, "forms")
                .header("Idempotency-Key", key)
                .body(form("again"))
                .post();
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.jsonPath().getString("form.id"))
                .isEqualTo(first.jsonPath().getString("form.id"));
        error(
                lexeme(id, "forms")
                        .header("Idempotency-Key", key)
                        .body(form("other"))
                        .post(),
                422,
                "idempotency-key-reused");
        assertThat(head(id)).isEqualTo(2);
    }

    @Test
    void formsAndSensesAreReadByTheirOwnIdAsWikidataShowsThem() throws Exception {
        String id = RealLexemes.copy("L42");
        JsonNode real = JSON.readTree(RealLexemes.renamed(RealLexemes.json("L42"), "L42", id));
        written(lexeme(id, "lemmas/en-gb").body("\"answer\"").put(), 200, 2);

        Response form = reader().get(path("/entities/" + id + "-F2"));
        assertThat(form.statusCode()).as(form.asString()).isEqualTo(200);
        assertThat(form.header("ETag")).isEqualTo("\"2\"");
        JsonNode read = JSON.readTree(form.asString());
        assertThat(fieldNames(read))
                .containsExactly(
                        "pageid",
                        "ns",
                        "title",
                        "lastrevid",
                        "modified",
                        "type",
                        "id",
                        "representations",
                        "grammaticalFeatures",
                        "claims");
        assertThat(read.get("lastrevid").asLong()).isEqualTo(2);
        assertThat(read.get("title").asText()).isEqualTo("Lexeme:" + id);
        assertThat(read.get("pageid").asLong()).isEqualTo(real.get("pageid").asLong());
        assertThat(read.get("type").asText()).isEqualTo("form");
        assertThat(own(read)).isEqualTo(real.get("forms").get(1));

        Response sense = reader().get(path("/entities/" + id + "-S1"));
        assertThat(sense.statusCode()).isEqualTo(200);
        JsonNode senseRead = JSON.readTree(sense.asString());
        assertThat(senseRead.get("type").asText()).isEqualTo("sense");
        assertThat(own(senseRead)).isEqualTo(real.get("senses").get(0));

        Response old = reader().get(path("/entities/" + id + "-F2?revision=1"));
        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(old.jsonPath().getLong("lastrevid")).isEqualTo(1);
        assertThat(reader().header("If-None-Match", "\"2\"")
                        .get(path("/entities/" + id + "-F2"))
                        .statusCode())
                .isEqualTo(304);

        error(reader().get(path("/entities/" + id + "-F3")), 404, "form-not-found");
        error(reader().get(path("/entities/" + id + "-S9")), 404, "sense-not-found");
        error(reader().get(path("/entities/L999999999999999999-F1")), 404, "entity-not-found");
        // where a form is not meant, its id is still not an entity id
        error(reader().get(path("/entities/" + id + "-F1/history")), 400, "invalid-entity-id");
        error(reader().get(path("/entities/lexemes/" + id + "-F1")), 400, "invalid-entity-id");
        error(writer(USER).delete(path("/entities/" + id + "-F1")), 400, "invalid-entity-id");
        error(reader().get(path("/entities/" + id + "-F1/labels")), 400, "invalid-entity-id");
        error(reader().get(path("/entities/" + id + "-X1")), 400, "invalid-entity-id");
    }

    @Test
    void statementsOfFormsAndSensesUseTheEntityStatementRoutes() {
        String property = EntityApiIT.createdId("properties", EntityApiIT.property("string", "form note"));
        String id = RealLexemes.copy("L42");
        String formId = id + "-F1";
        assertThat(reader().get(path("/entities/" + formId + "/properties"))
                        .jsonPath()
                        .getList("properties", String.class))
                .containsExactly("P443", "P7243");

        Response added = written(
                writer(USER)
                        .body(statement(property, "pronounced /ˈɑːnsə/"))
                        .post(path("/entities/" + formId + "/properties/" + property)),
                201,
                2);
        String guid = added.jsonPath().getString("statements[0].id");
        assertThat(guid).startsWith(formId + "$");
        assertThat(reader().get(path("/entities/" + formId + "/properties"))
                        .jsonPath()
                        .getList("properties", String.class))
                .containsExactly("P443", "P7243", property);
        Response hashes = reader().get(path("/entities/" + formId + "/properties/" + property));
        assertThat(hashes.jsonPath().getString(property + "[0].id")).isEqualTo(guid);
        assertThat(entity(id).jsonPath().getString("forms[0].claims." + property + "[0].id"))
                .isEqualTo(guid);
        assertThat(entity(id).jsonPath().getMap("claims")).doesNotContainKey(property);

        Response patched = written(
                writer(USER)
                        .contentType(PATCH)
                        .body("[{\"op\":\"replace\",\"path\":\"/rank\",\"value\":\"preferred\"}]")
                        .patch(path("/entities/" + formId + "/statements/" + guid)),
                200,
                3);
        assertThat(patched.jsonPath().getString("statement.rank")).isEqualTo("preferred");
        assertThat(reader().get(path("/entities/" + formId)).jsonPath().getString("claims." + property + "[0].rank"))
                .isEqualTo("preferred");

        // the lexeme's own statements are not the form's
        unchanged(
                id,
                () -> writer(USER).delete(path("/entities/" + id + "/statements/" + guid)),
                404,
                "statement-not-found");
        unchanged(
                id,
                () -> writer(USER)
                        .body(statement("P999999999", "x"))
                        .post(path("/entities/" + formId + "/properties/P999999999")),
                422,
                "property-not-found");
        unchanged(
                id,
                () -> writer(USER)
                        .body(statement(property, "x"))
                        .post(path("/entities/" + id + "-F9/properties/" + property)),
                404,
                "form-not-found");
        written(writer(USER).delete(path("/entities/" + formId + "/statements/" + guid)), 200, 4);
        assertThat(entity(id).jsonPath().getMap("forms[0].claims")).doesNotContainKey(property);

        String senseId = id + "-S2";
        Response onSense = written(
                writer(USER)
                        .body(statement(property, "a gloss note"))
                        .post(path("/entities/" + senseId + "/properties/" + property)),
                201,
                5);
        String senseGuid = onSense.jsonPath().getString("statements[0].id");
        assertThat(senseGuid).startsWith(senseId + "$");
        assertThat(entity(id).jsonPath().getString("senses[1].claims." + property + "[0].mainsnak.datavalue.value"))
                .isEqualTo("a gloss note");
        written(writer(USER).delete(path("/entities/" + senseId + "/statements/" + senseGuid)), 200, 6);
    }

    private static String statement(String property, String value) {
        return """
                {"mainsnak":{"snaktype":"value","property":"%s","datavalue":{"value":"%s","type":"string"}},
                 "type":"statement","rank":"normal"}""".formatted(property, value);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The form's or sense's own fields (without the lexeme page's and {@code type}). */
    private static JsonNode own(JsonNode read) {
        ObjectNode copy = ((ObjectNode) read).deepCopy();
        copy.remove(List.of("pageid", "ns", "title", "lastrevid", "modified", "type"));
        return copy;
    }
}
