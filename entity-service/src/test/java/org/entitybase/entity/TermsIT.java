package org.entitybase.entity;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.entitybase.entity.support.EventTap;
import org.entitybase.model.event.ChangeType;
import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.runtime.config.EntitybaseConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.reader;
import static org.entitybase.entity.support.Api.writer;
import static org.entitybase.entity.support.Edits.error;
import static org.entitybase.entity.support.Edits.events;
import static org.entitybase.entity.support.Edits.head;
import static org.entitybase.entity.support.Edits.written;

/** Labels, descriptions and aliases of items and properties, one revision per write. */
@QuarkusTest
class TermsIT {

    private static final long USER = 11;

    @Inject
    EntitybaseConfig config;

    @Test
    void labelsAndDescriptionsAreSetReadAndRemoved() {
        String id = EntityApiIT.createdId("items", EntityApiIT.item("terms"));
        written(put(id, "labels/de", "\"Begriffe\""), 200, 2);
        written(put(id, "descriptions/de", "{\"value\":\"eine Beschreibung\"}"), 200, 3);

        Response label = reader().get(path("/entities/items/" + id + "/labels/de"));
        assertThat(label.statusCode()).isEqualTo(200);
        assertThat(label.header("ETag")).isEqualTo("\"3\"");
        assertThat(label.jsonPath().getString("value")).isEqualTo("Begriffe");
        assertThat(label.jsonPath().getString("language")).isEqualTo("de");
        Map<String, Object> labels =
                reader().get(path("/entities/" + id + "/labels")).jsonPath().getMap("");
        assertThat(labels).containsOnlyKeys("en", "de");
        assertThat(reader().get(path("/entities/" + id + "/descriptions"))
                        .jsonPath()
                        .getString("de.value"))
                .isEqualTo("eine Beschreibung");
        assertThat(reader().get(path("/entities/" + id)).jsonPath().getString("labels.de.value"))
                .isEqualTo("Begriffe");

        Response same = put(id, "labels/de", "\"Begriffe\"");
        written(same, 200, 3); // a null edit: no new revision

        written(writer(USER).delete(path("/entities/items/" + id + "/labels/de")), 200, 4);
        error(reader().get(path("/entities/items/" + id + "/labels/de")), 404, "label-not-found");
        error(writer(USER).delete(path("/entities/items/" + id + "/labels/de")), 404, "label-not-found");
        error(reader().get(path("/entities/items/" + id + "/descriptions/fr")), 404, "description-not-found");
        assertThat(head(id)).isEqualTo(4);
    }

    @Test
    void aLabelEditIsNotRefusedForAnOldStatementOnAMissingProperty() {
        // imported as dumps are: its statement's property was never created here
        String id = "Q" + (System.currentTimeMillis() * 1000 + 7);
        String imported = """
                {"type":"item","id":"%s","labels":{"en":{"language":"en","value":"imported"}},
                 "claims":{"P999999":[{"mainsnak":{"snaktype":"value","property":"P999999","datatype":"string",
                   "datavalue":{"value":"abc","type":"string"}},"type":"statement","rank":"normal",
                   "id":"%s$5D3C1A1E-7A0C-4D43-9C7A-0D0E8E7B3C11"}]}}""".formatted(id, id);
        assertThat(writer(USER).body(imported).post(path("/import")).statusCode())
                .isEqualTo(201);

        written(put(id, "labels/de", "\"importiert\""), 200, 2);
        assertThat(reader().get(path("/entities/" + id))
                        .jsonPath()
                        .getString("claims.P999999[0].mainsnak.datavalue.value"))
                .isEqualTo("abc");
        // a new statement on that property is still checked
        error(writer(USER).body("""
                                {"mainsnak":{"snaktype":"value","property":"P999999",
                                 "datavalue":{"value":"new","type":"string"}},"type":"statement","rank":"normal"}""").post(path("/entities/" + id + "/properties/P999999")), 422, "property-not-found");
    }

    @Test
    void aliasesAreListsPerLanguage() {
        String id = EntityApiIT.createdId("items", EntityApiIT.item("aliased"));
        Response set = written(put(id, "aliases/en", "[\"one\",\"two\"]"), 200, 2);
        assertThat(set.jsonPath().getList("values", String.class)).containsExactly("one", "two");
        Response added = written(
                writer(USER).body("{\"value\":\"three\"}").post(path("/entities/items/" + id + "/aliases/en")), 201, 3);
        assertThat(added.jsonPath().getList("values", String.class)).containsExactly("one", "two", "three");
        written(writer(USER).body("\"three\"").post(path("/entities/items/" + id + "/aliases/en")), 200, 3);
        assertThat(reader().get(path("/entities/items/" + id + "/aliases/en"))
                        .jsonPath()
                        .getList("", String.class))
                .containsExactly("one", "two", "three");
        assertThat(reader().get(path("/entities/" + id + "/aliases")).jsonPath().getList("en.value", String.class))
                .containsExactly("one", "two", "three");
        error(put(id, "aliases/en", "[\"x\",\"x\"]"), 400, "duplicate-alias");
        error(put(id, "aliases/en", "\"not a list\""), 400, "invalid-value");

        written(writer(USER).delete(path("/entities/items/" + id + "/aliases/en")), 200, 4);
        error(reader().get(path("/entities/items/" + id + "/aliases/en")), 404, "aliases-not-found");
        assertThat(head(id)).isEqualTo(4);
    }

    @Test
    void propertiesHaveTermsLexemesDoNot() {
        String property = EntityApiIT.createdId("properties", EntityApiIT.property("string", "termed"));
        Response label = writer(USER)
                .body("\"Eigenschaft " + System.nanoTime() + "\"")
                .put(path("/entities/properties/" + property + "/labels/de"));
        written(label, 200, 2);
        error(put("L1", "lexemes", "labels/en", "\"x\""), 404, "terms-not-supported");
        error(
                writer(USER).body("\"x\"").put(path("/entities/items/" + property + "/labels/en")),
                400,
                "entity-type-mismatch");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        String id = EntityApiIT.createdId("items", EntityApiIT.item("guarded terms"));
        written(put(id, "descriptions/en", "\"a description\""), 200, 2);

        error(put(id, "labels/EN", "\"x\""), 400, "invalid-value");
        error(put(id, "labels/en", "{\"value\":\"\"}"), 400, "invalid-value");
        error(put(id, "labels/en", "{\"value\":5}"), 400, "invalid-value");
        error(put(id, "labels/en", "{}"), 400, "missing-field");
        error(put(id, "labels/en", "{not json"), 400, "invalid-json");
        error(put(id, "labels/en", "\"a description\""), 422, "label-equals-description");
        error(put(id, "labels/en", "\"" + "x".repeat(251) + "\""), 422, "term-too-long");
        error(put(id, "descriptions/fr", "\"" + "é".repeat(251) + "\""), 422, "term-too-long");
        error(
                writer(USER)
                        .body("{\"value\":\"" + "y".repeat(251) + "\"}")
                        .post(path("/entities/items/" + id + "/aliases/en")),
                422,
                "term-too-long");
        error(
                reader().contentType("application/json")
                        .body("\"x\"")
                        .put(path("/entities/items/" + id + "/labels/en")),
                400,
                "missing-user-id");
        error(
                writer(USER)
                        .header("If-Match", "\"1\"")
                        .body("\"x\"")
                        .put(path("/entities/items/" + id + "/labels/en")),
                412,
                "precondition-failed");
        error(
                writer(USER)
                        .header("X-Base-Revision-ID", "1")
                        .body("\"x\"")
                        .put(path("/entities/items/" + id + "/labels/en")),
                409,
                "edit-conflict");
        error(put("Q99999999999999999", "labels/en", "\"x\""), 404, "entity-not-found");
        assertThat(head(id)).as("nothing changed").isEqualTo(2);
        assertThat(reader().get(path("/entities/items/" + id + "/labels/en"))
                        .jsonPath()
                        .getString("value"))
                .isEqualTo("guarded terms");

        // the same rules hold for whole-entity writes
        String equal = """
                {"type":"item","labels":{"en":{"language":"en","value":"same"}},
                 "descriptions":{"en":{"language":"en","value":"same"}}}""";
        error(EntityApiIT.create("items", equal), 422, "label-equals-description");
        written(
                writer(USER)
                        .header("If-Match", "\"2\"")
                        .body("\"y\"")
                        .put(path("/entities/items/" + id + "/labels/en")),
                200,
                3);
    }

    @Test
    void everyTermWriteIsOneEntityChange() {
        try (EventTap tap = new EventTap(config.streaming().entityChangeTopic())) {
            String id = EntityApiIT.createdId("items", EntityApiIT.item("evented terms"));
            put(id, "labels/fr", "\"termes\"");
            put(id, "labels/fr", "\"termes\""); // null edit: no event
            writer(USER).body("\"alias\"").post(path("/entities/items/" + id + "/aliases/fr"));
            writer(USER).delete(path("/entities/items/" + id + "/labels/fr"));
            List<EntityChangeEvent> events = events(tap, id, 4);
            assertThat(events).extracting(EntityChangeEvent::revisionId).containsExactly(1L, 2L, 3L, 4L);
            assertThat(events)
                    .extracting(EntityChangeEvent::changeType)
                    .containsExactly(ChangeType.CREATE, ChangeType.EDIT, ChangeType.EDIT, ChangeType.EDIT);
        }
    }

    private static Response put(String id, String part, String body) {
        return put(id, "items", part, body);
    }

    private static Response put(String id, String collection, String part, String body) {
        return writer(USER).body(body).put(path("/entities/" + collection + "/" + id + "/" + part));
    }
}
