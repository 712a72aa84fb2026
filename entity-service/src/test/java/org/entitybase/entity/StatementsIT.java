package org.entitybase.entity;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.entitybase.entity.support.EventTap;
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

/** Statements by property, GUID and content address: add, list, delete, JSON Patch. */
@QuarkusTest
class StatementsIT {

    private static final long USER = 14;
    private static final String PATCH = "application/json-patch+json";

    @Inject
    EntitybaseConfig config;

    @Test
    void statementsAreAddedAndListedByProperty() {
        String p = stringProperty();
        String id = EntityApiIT.createdId("items", EntityApiIT.item("with statements"));

        Response one = written(add(id, p, statement(p, "a")), 201, 2);
        String guid = one.jsonPath().getString("statements[0].id");
        assertThat(guid).startsWith(id + "$");
        assertThat(one.jsonPath().getString("statements[0].mainsnak.hash")).matches("[0-9a-f]{40}");
        assertThat(one.jsonPath().getString("statements[0].mainsnak.datatype")).isEqualTo("string");
        Response two = written(add(id, p, "[" + statement(p, "b") + "," + statement(p, "c") + "]"), 201, 3);
        assertThat(two.jsonPath().getList("statements.mainsnak.datavalue.value", String.class))
                .containsExactly("b", "c");

        assertThat(reader().get(path("/entities/" + id + "/properties"))
                        .jsonPath()
                        .getList("properties", String.class))
                .containsExactly(p);
        JsonPath listed = reader().get(path("/entities/" + id + "/properties/" + p + ",P99999999"))
                .jsonPath();
        assertThat(listed.getList(p + ".id", String.class)).hasSize(3).startsWith(guid);
        assertThat(listed.getList(p + ".hash", String.class)).allMatch(h -> h.matches("[0-9a-f]{64}"));
        assertThat(listed.getList(p + ".rank", String.class)).containsOnly("normal");
        assertThat(listed.getList("P99999999")).isEmpty();
        assertThat(reader().get(path("/entities/" + id)).jsonPath().getList("claims." + p))
                .hasSize(3);
    }

    @Test
    void deleteByGuidOrByContentAddress() {
        String p = stringProperty();
        String id = EntityApiIT.createdId("items", EntityApiIT.item("deletions"));
        add(id, p, "[" + statement(p, "twin") + "," + statement(p, "twin") + "," + statement(p, "single") + "]");
        JsonPath listed =
                reader().get(path("/entities/" + id + "/properties/" + p)).jsonPath();
        List<String> hashes = listed.getList(p + ".hash", String.class);
        assertThat(hashes.get(0)).isEqualTo(hashes.get(1)).isNotEqualTo(hashes.get(2));

        written(writer(USER).delete(path("/entities/" + id + "/statements/" + hashes.get(0))), 200, 3);
        assertThat(reader().get(path("/entities/" + id + "/properties/" + p))
                        .jsonPath()
                        .getList(p + ".hash", String.class))
                .as("every statement with that content is gone")
                .containsExactly(hashes.get(2));
        String single = listed.getString(p + "[2].id");
        written(writer(USER).delete(path("/entities/" + id + "/statements/" + single)), 200, 4);
        assertThat(reader().get(path("/entities/" + id + "/properties"))
                        .jsonPath()
                        .getList("properties"))
                .isEmpty();
        error(writer(USER).delete(path("/entities/" + id + "/statements/" + single)), 404, "statement-not-found");
        error(
                writer(USER).delete(path("/entities/" + id + "/statements/" + hashes.get(0))),
                404,
                "statement-not-found");
        error(writer(USER).delete(path("/entities/" + id + "/statements/nonsense")), 400, "invalid-statement-id");
        assertThat(head(id)).isEqualTo(4);
    }

    @Test
    void jsonPatchReplacesAddsAndRemoves() {
        String p = stringProperty();
        String id = EntityApiIT.createdId("items", EntityApiIT.item("patched"));
        String withReference = """
                {"mainsnak":{"snaktype":"value","property":"%1$s","datavalue":{"value":"old","type":"string"}},
                 "type":"statement","rank":"normal",
                 "references":[{"snaks":{"%1$s":[{"snaktype":"value","property":"%1$s",
                   "datavalue":{"value":"source","type":"string"}}]},"snaks-order":["%1$s"]}]}""".formatted(p);
        String guid = add(id, p, withReference).jsonPath().getString("statements[0].id");
        String hash = reader().get(path("/entities/" + id + "/properties/" + p))
                .jsonPath()
                .getString(p + "[0].hash");

        Response replaced = written(
                patch(
                        id,
                        hash,
                        "[{\"op\":\"test\",\"path\":\"/mainsnak/datavalue/value\",\"value\":\"old\"},"
                                + "{\"op\":\"replace\",\"path\":\"/mainsnak/datavalue/value\",\"value\":\"new\"}]"),
                200,
                3);
        assertThat(replaced.jsonPath().getString("statement.id")).isEqualTo(guid);
        assertThat(replaced.jsonPath().getString("statement.mainsnak.datavalue.value"))
                .isEqualTo("new");
        String newHash = reader().get(path("/entities/" + id + "/properties/" + p))
                .jsonPath()
                .getString(p + "[0].hash");
        assertThat(newHash).isNotEqualTo(hash);

        String qualifier = """
                [{"op":"add","path":"/qualifiers","value":{"%1$s":[{"snaktype":"value","property":"%1$s",
                  "datavalue":{"value":"qualified","type":"string"}}]}},
                 {"op":"add","path":"/qualifiers-order","value":["%1$s"]}]""".formatted(p);
        Response qualified = written(patch(id, guid, qualifier), 200, 4);
        assertThat(qualified.jsonPath().getString("statement.qualifiers." + p + "[0].datavalue.value"))
                .isEqualTo("qualified");
        assertThat(qualified.jsonPath().getString("statement.qualifiers." + p + "[0].hash"))
                .matches("[0-9a-f]{40}");

        Response unreferenced = written(patch(id, guid, "[{\"op\":\"remove\",\"path\":\"/references/0\"}]"), 200, 5);
        assertThat(unreferenced.jsonPath().getList("statement.references")).isNullOrEmpty();
        Response ranked =
                written(patch(id, guid, "[{\"op\":\"replace\",\"path\":\"/rank\",\"value\":\"preferred\"}]"), 200, 6);
        assertThat(ranked.jsonPath().getString("statement.rank")).isEqualTo("preferred");

        JsonPath stored = reader().get(path("/entities/" + id)).jsonPath();
        assertThat(stored.getString("claims." + p + "[0].mainsnak.datavalue.value"))
                .isEqualTo("new");
        assertThat(stored.getList("claims." + p + "[0].references")).isNullOrEmpty();
        assertThat(stored.getString("claims." + p + "[0].rank")).isEqualTo("preferred");
    }

    @Test
    void badPatchesAndStatementsChangeNothing() {
        String p = stringProperty();
        String itemProperty = EntityApiIT.createdId("properties", EntityApiIT.property("wikibase-item", "items only"));
        String id = EntityApiIT.createdId("items", EntityApiIT.item("refusals"));
        String guid = add(id, p, statement(p, "kept")).jsonPath().getString("statements[0].id");

        error(
                patch(id, guid, "[{\"op\":\"test\",\"path\":\"/rank\",\"value\":\"deprecated\"}]"),
                409,
                "patch-test-failed");
        error(patch(id, guid, "{\"op\":\"remove\"}"), 400, "invalid-patch");
        error(patch(id, guid, "[{\"op\":\"frobnicate\",\"path\":\"/rank\"}]"), 400, "invalid-patch");
        error(patch(id, guid, "[{\"op\":\"replace\",\"path\":\"/rank\"}]"), 400, "invalid-patch");
        error(patch(id, guid, "not json"), 400, "invalid-json");
        error(patch(id, guid, "[{\"op\":\"remove\",\"path\":\"/qualifiers/P1\"}]"), 409, "patch-target-not-found");
        error(
                patch(
                        id,
                        guid,
                        "[{\"op\":\"replace\",\"path\":\"/id\",\"value\":\"" + id
                                + "$00000000-0000-0000-0000-000000000000\"}]"),
                422,
                "statement-id-immutable");
        error(
                patch(id, guid, "[{\"op\":\"replace\",\"path\":\"/rank\",\"value\":\"best\"}]"),
                422,
                "patched-statement-invalid");
        error(
                patch(
                        id,
                        guid,
                        "[{\"op\":\"replace\",\"path\":\"/mainsnak/property\",\"value\":\"" + itemProperty + "\"}]"),
                422,
                "statement-property-immutable");
        String itemValue = "{\"value\":{\"entity-type\":\"item\",\"numeric-id\":5,\"id\":\"Q5\"},"
                + "\"type\":\"wikibase-entityid\"}";
        error(
                patch(id, guid, "[{\"op\":\"replace\",\"path\":\"/mainsnak/datavalue\",\"value\":" + itemValue + "}]"),
                422,
                "patched-statement-invalid"); // the snak's own datatype says string
        error(
                patch(
                        id,
                        guid,
                        "[{\"op\":\"remove\",\"path\":\"/mainsnak/datatype\"},"
                                + "{\"op\":\"replace\",\"path\":\"/mainsnak/datavalue\",\"value\":" + itemValue + "}]"),
                422,
                "datatype-mismatch"); // the property's datatype, checked as on create
        assertThat(writer(USER)
                        .contentType("application/json")
                        .body("[]")
                        .patch(path("/entities/" + id + "/statements/" + guid))
                        .statusCode())
                .isEqualTo(415);
        error(patch(id, id + "$00000000-0000-0000-0000-000000000000", "[]"), 404, "statement-not-found");

        error(add(id, p, statement(itemProperty, "x")), 400, "property-mismatch");
        error(add(id, "P99999999", statement("P99999999", "x")), 422, "property-not-found");
        error(add(id, itemProperty, statement(itemProperty, "not an item")), 422, "datatype-mismatch");
        error(add(id, p, "{\"mainsnak\":{}}"), 400, "missing-field");
        error(add(id, p, "[" + statement(p, "a") + ",5]"), 400, "invalid-value");
        error(add(id, "X1", statement(p, "x")), 400, "invalid-value");
        error(
                add(id, p, statement(p, "x").replace("{\"mainsnak\"", "{\"id\":\"" + guid + "\",\"mainsnak\"")),
                409,
                "statement-exists");
        assertThat(head(id)).as("nothing changed").isEqualTo(2);
    }

    @Test
    void everyStatementWriteIsOneEntityChange() {
        String p = stringProperty();
        try (EventTap tap = new EventTap(config.streaming().entityChangeTopic())) {
            String id = EntityApiIT.createdId("items", EntityApiIT.item("evented statements"));
            String guid = add(id, p, statement(p, "one")).jsonPath().getString("statements[0].id");
            patch(id, guid, "[{\"op\":\"replace\",\"path\":\"/mainsnak/datavalue/value\",\"value\":\"two\"}]");
            writer(USER).delete(path("/entities/" + id + "/statements/" + guid));
            List<EntityChangeEvent> events = events(tap, id, 4);
            assertThat(events).extracting(EntityChangeEvent::revisionId).containsExactly(1L, 2L, 3L, 4L);
            assertThat(events.get(1).statementsAdded()).hasSize(1);
            assertThat(events.get(2).statementsRemoved())
                    .isEqualTo(events.get(1).statementsAdded());
            assertThat(events.get(2).statementsAdded()).hasSize(1);
            assertThat(events.get(3).statementsRemoved())
                    .isEqualTo(events.get(2).statementsAdded());
        }
    }

    private static String stringProperty() {
        return EntityApiIT.createdId("properties", EntityApiIT.property("string", "statement property"));
    }

    private static String statement(String property, String value) {
        return """
                {"mainsnak":{"snaktype":"value","property":"%s","datavalue":{"value":"%s","type":"string"}},
                 "type":"statement","rank":"normal"}""".formatted(property, value);
    }

    private static Response add(String id, String property, String body) {
        return writer(USER).body(body).post(path("/entities/" + id + "/properties/" + property));
    }

    private static Response patch(String id, String key, String body) {
        return writer(USER).contentType(PATCH).body(body).patch(path("/entities/" + id + "/statements/" + key));
    }
}
