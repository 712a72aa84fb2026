package org.entitybase.entity;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.entitybase.entity.support.EntityDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.reader;
import static org.entitybase.entity.support.Api.writer;

/** The core entity routes against the real stack: every status API.md names for them, each asserted. */
@QuarkusTest
class EntityApiIT {

    private static final long USER = 7;

    // ---------------------------------------------------------------- create and read

    @Test
    void createdItemReadsBackWithRevisionHeaders() {
        Response created = create("items", item("created item"));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String id = created.jsonPath().getString("id");
        assertThat(id).matches("Q[1-9][0-9]*");
        assertThat(created.header("Location")).endsWith(path("/entities/" + id));
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.header("X-Revision-ID")).isEqualTo("1");
        assertThat(created.jsonPath().getLong("lastrevid")).isEqualTo(1);
        assertThat(created.jsonPath().getString("modified")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        Response read = reader().get(path("/entities/" + id));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.header("Last-Modified")).endsWith("GMT");
        assertThat(read.asString()).isEqualTo(created.asString());
        assertThat(read.jsonPath().getString("labels.en.value")).isEqualTo("created item");
        assertThat(reader().get(path("/entities/items/" + id)).asString()).isEqualTo(read.asString());
    }

    @Test
    void clientsThatAcceptGzipGetTheSameJsonGzipped() throws Exception {
        String id = createdId("items", item("gzip me"));
        HttpClient http = HttpClient.newHttpClient();
        for (String route : new String[] {"/entities/" + id, "/entities/" + id + "/revision/1"}) {
            URI uri = URI.create("http://localhost:" + RestAssured.port + path(route));
            HttpResponse<byte[]> plain =
                    http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> gzipped = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Accept-Encoding", "br;q=1.0, gzip;q=0.8")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
            assertThat(gzipped.headers().firstValue("Vary")).contains("Accept-Encoding");
            assertThat(gzipped.headers().firstValue("ETag"))
                    .isEqualTo(plain.headers().firstValue("ETag"));
            assertThat(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes())
                    .isEqualTo(plain.body());
        }
    }

    @Test
    void statementsGetGuidsHashesAndTheirPropertysDatatype() {
        String property = createdId("properties", property("string", "a string property"));
        String body = """
                {"type":"item","labels":{"en":{"language":"en","value":"with a claim"}},
                 "claims":{"%s":[{"mainsnak":{"snaktype":"value","property":"%s",
                   "datavalue":{"value":"abc","type":"string"}},"type":"statement","rank":"normal"}]}}""".formatted(property, property);
        JsonPath created = create("items", body).jsonPath();
        String id = created.getString("id");
        Map<String, Object> statement = created.getMap("claims." + property + "[0]");
        assertThat((String) statement.get("id"))
                .matches(id + "\\$[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
        assertThat(created.getString("claims." + property + "[0].mainsnak.datatype"))
                .isEqualTo("string");
        assertThat(created.getString("claims." + property + "[0].mainsnak.hash"))
                .matches("[0-9a-f]{40}");
    }

    @Test
    void createRefusesAnIdInTheBody() {
        Response response = create("items", "{\"type\":\"item\",\"id\":\"Q5\"}");
        assertError(response, 400, "id-not-allowed");
    }

    @Test
    void invalidWikibaseJsonIsA400WithThePath() {
        Response response =
                create("items", "{\"type\":\"item\",\"labels\":{\"en\":{\"language\":\"en\",\"value\":5}}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getString("context.path")).isEqualTo("labels.en.value");
        assertError(create("items", "{not json"), 400, "invalid-json");
    }

    @Test
    void bodyOverFourMebibytesIs413() {
        String huge = "x".repeat(4 * 1024 * 1024 + 1);
        Response response = create("items", item(huge));
        assertError(response, 413, "entity-too-large");
    }

    // ---------------------------------------------------------------- update

    @Test
    void updateMakesARevisionAndANullEditDoesNot() {
        String id = createdId("items", item("first"));
        Response updated = put(id, withId(item("second"), id));
        assertThat(updated.statusCode()).as(updated.asString()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");
        assertThat(updated.jsonPath().getString("labels.en.value")).isEqualTo("second");

        Response again = put(id, withId(item("second"), id));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.header("ETag")).as("null edit keeps the revision").isEqualTo("\"2\"");
        assertThat(EntityDatabase.count("SELECT COUNT(*) FROM entity_revisions WHERE entity_id = ?", id))
                .isEqualTo(2);
        // a client echoing lastrevid/modified back is still a null edit
        Response echoed = writer(USER)
                .body(reader().get(path("/entities/" + id)).asString())
                .put(path("/entities/items/" + id));
        assertThat(echoed.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void updateChecksPathBodyAndExistence() {
        String id = createdId("items", item("x"));
        assertError(put(id, withId(item("y"), "Q1")), 400, "entity-id-mismatch");
        assertError(put("Q99999999999999999", item("y")), 404, "entity-not-found");
        assertError(writer(USER).body(item("y")).put(path("/entities/properties/" + id)), 400, "entity-type-mismatch");
    }

    @Test
    void ifMatchAndBaseRevisionGuardTheHead() {
        String id = createdId("items", item("v1"));
        assertThat(put(id, withId(item("v2"), id)).statusCode()).isEqualTo(200);

        Response stale = writer(USER)
                .header("If-Match", "\"1\"")
                .body(withId(item("v3"), id))
                .put(path("/entities/items/" + id));
        assertError(stale, 412, "precondition-failed");
        Response staleBase = writer(USER)
                .header("X-Base-Revision-ID", "1")
                .body(withId(item("v3"), id))
                .put(path("/entities/items/" + id));
        assertError(staleBase, 409, "edit-conflict");
        Response current = writer(USER)
                .header("If-Match", "\"2\"")
                .body(withId(item("v3"), id))
                .put(path("/entities/items/" + id));
        assertThat(current.header("ETag")).isEqualTo("\"3\"");
    }

    @Test
    void editHeadersAreChecked() {
        assertError(
                reader().contentType("application/json").body(item("a")).post(path("/entities/items")),
                400,
                "missing-user-id");
        assertError(
                reader().header("X-User-ID", "-1")
                        .contentType("application/json")
                        .body(item("a"))
                        .post(path("/entities/items")),
                400,
                "invalid-user-id");
        assertError(
                writer(USER)
                        .header("X-Edit-Summary", "s".repeat(501))
                        .body(item("a"))
                        .post(path("/entities/items")),
                400,
                "edit-summary-too-long");
        Response summarized =
                writer(USER).header("X-Edit-Summary", "créé").body(item("a")).post(path("/entities/items"));
        String id = summarized.jsonPath().getString("id");
        assertThat(reader().get(path("/entities/" + id + "/history")).jsonPath().getString("revisions[0].edit_summary"))
                .isEqualTo("créé");
    }

    // ---------------------------------------------------------------- reads

    @Test
    void conditionalAndNegotiatedReads() {
        String id = createdId("items", item("negotiated"));
        Response notModified = reader().header("If-None-Match", "\"1\"").get(path("/entities/" + id));
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.header("ETag")).isEqualTo("\"1\"");
        assertThat(reader().header("If-None-Match", "\"9\"")
                        .get(path("/entities/" + id))
                        .statusCode())
                .isEqualTo(200);

        Response turtle = reader().header("Accept", "text/turtle")
                .queryParam("revision", 1)
                .queryParam("flavor", "dump")
                .get(path("/entities/" + id));
        assertThat(turtle.statusCode()).isEqualTo(303);
        assertThat(turtle.header("Location")).endsWith(path("/entities/" + id + ".ttl?revision=1&flavor=dump"));
        assertThat(reader().header("Accept", "application/n-triples")
                        .get(path("/entities/" + id))
                        .header("Location"))
                .endsWith(path("/entities/" + id + ".nt"));
        assertThat(reader().header("Accept", "application/rdf+xml;q=0.9, application/json;q=0.5")
                        .get(path("/entities/" + id))
                        .header("Location"))
                .endsWith(path("/entities/" + id + ".rdf"));
        assertThat(reader().header("Accept", "application/json, text/turtle;q=0.5")
                        .get(path("/entities/" + id))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void unknownMalformedAndDeletedIds() {
        assertError(reader().get(path("/entities/Q99999999999999999")), 404, "entity-not-found");
        assertError(reader().get(path("/entities/X12")), 400, "invalid-entity-id");
        assertError(reader().get(path("/entities/Q0")), 400, "invalid-entity-id");
        assertError(reader().get(path("/entities/Q99999999999999999/history")), 404, "entity-not-found");
        assertError(reader().get(path("/entities/Q1/revision/abc")), 400, "invalid-parameter");
    }

    @Test
    void historyIsNewestFirstWithACursorAndOldRevisionsStayReadable() {
        String id = createdId("items", item("r1"));
        put(id, withId(item("r2"), id));
        put(id, withId(item("r3"), id));

        JsonPath first = reader().queryParam("limit", 2)
                .get(path("/entities/" + id + "/history"))
                .jsonPath();
        assertThat(first.getList("revisions.revision_id", Long.class)).containsExactly(3L, 2L);
        assertThat(first.getList("revisions.change_type", String.class)).containsExactly("edit", "edit");
        assertThat(first.getLong("revisions[0].user_id")).isEqualTo(USER);
        assertThat(first.getString("revisions[0].content_hash")).matches("[0-9a-f]{64}");
        long next = first.getLong("next");
        JsonPath second = reader().queryParam("limit", 2)
                .queryParam("after", next)
                .get(path("/entities/" + id + "/history"))
                .jsonPath();
        assertThat(second.getList("revisions.revision_id", Long.class)).containsExactly(1L);
        assertThat(second.getList("revisions.change_type", String.class)).containsExactly("create");
        assertThat(second.get("next") == null).isTrue();

        Response old = reader().get(path("/entities/" + id + "/revision/1"));
        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(old.jsonPath().getString("labels.en.value")).isEqualTo("r1");
        assertThat(old.jsonPath().getLong("lastrevid")).isEqualTo(1);
        assertThat(old.header("ETag")).isEqualTo("\"1\"");
        assertThat(reader().queryParam("revision", 2)
                        .get(path("/entities/" + id))
                        .jsonPath()
                        .getString("labels.en.value"))
                .isEqualTo("r2");
        assertError(reader().get(path("/entities/" + id + "/revision/9")), 404, "revision-not-found");
    }

    // ---------------------------------------------------------------- delete, revert, redirect

    @Test
    void deleteLeavesATombstoneAndRevertUndeletes() {
        String id = createdId("items", item("to delete"));
        put(id, withId(item("edited"), id));
        Response deleted = writer(USER).delete(path("/entities/" + id));
        assertThat(deleted.statusCode()).as(deleted.asString()).isEqualTo(200);
        assertThat(deleted.header("ETag")).isEqualTo("\"3\"");
        assertThat(deleted.jsonPath().getBoolean("deleted")).isTrue();

        assertError(reader().get(path("/entities/" + id)), 410, "entity-deleted");
        assertError(writer(USER).delete(path("/entities/" + id)), 410, "entity-deleted");
        assertError(put(id, withId(item("after"), id)), 410, "entity-deleted");
        assertThat(reader().get(path("/entities/" + id + "/history"))
                        .jsonPath()
                        .getList("revisions.change_type", String.class))
                .containsExactly("delete", "edit", "create");
        assertThat(reader().get(path("/entities/" + id + "/revision/2"))
                        .jsonPath()
                        .getString("labels.en.value"))
                .isEqualTo("edited");
        assertError(reader().get(path("/entities/" + id + "/revision/3")), 410, "entity-deleted");

        Response undeleted = revert(id, 1);
        assertThat(undeleted.statusCode()).as(undeleted.asString()).isEqualTo(200);
        assertThat(undeleted.header("ETag")).isEqualTo("\"4\"");
        assertThat(undeleted.jsonPath().getString("labels.en.value")).isEqualTo("to delete");
        assertThat(reader().get(path("/entities/" + id)).jsonPath().getLong("lastrevid"))
                .isEqualTo(4);

        Response reverted = revert(id, 2);
        assertThat(reverted.jsonPath().getString("labels.en.value")).isEqualTo("edited");
        assertThat(reader().get(path("/entities/" + id + "/history"))
                        .jsonPath()
                        .getList("revisions.change_type", String.class))
                .startsWith("revert", "undelete", "delete");
        assertThat(revert(id, 2).header("ETag"))
                .as("reverting to the current content is a null edit")
                .isEqualTo("\"5\"");
        assertError(revert(id, 3), 422, "revision-not-revertible");
        assertError(revert(id, 99), 404, "revision-not-found");
        assertError(writer(USER).body("{}").post(path("/entities/" + id + "/revert")), 400, "missing-field");
    }

    @Test
    void redirectAnswers308UntilReverted() {
        String from = createdId("items", item("duplicate"));
        String to = createdId("items", item("keeper"));
        Response redirected = writer(USER).body(Map.of("from", from, "to", to)).post(path("/redirects"));
        assertThat(redirected.statusCode()).as(redirected.asString()).isEqualTo(200);
        assertThat(redirected.header("ETag")).isEqualTo("\"2\"");

        Response read = reader().get(path("/entities/" + from));
        assertThat(read.statusCode()).isEqualTo(308);
        assertThat(read.header("Location")).endsWith(path("/entities/" + to));
        assertThat(EntityDatabase.strings("SELECT to_id FROM entity_redirects WHERE from_id = ?", from))
                .containsExactly(to);
        assertError(put(from, withId(item("x"), from)), 409, "entity-redirected");
        assertError(
                writer(USER).body(Map.of("from", from, "to", from)).post(path("/redirects")), 422, "invalid-redirect");

        Response restored = writer(USER).post(path("/entities/" + from + "/revert-redirect"));
        assertThat(restored.statusCode()).as(restored.asString()).isEqualTo(200);
        assertThat(restored.header("ETag")).isEqualTo("\"3\"");
        assertThat(restored.jsonPath().getString("labels.en.value")).isEqualTo("duplicate");
        assertThat(reader().get(path("/entities/" + from)).statusCode()).isEqualTo(200);
        assertThat(EntityDatabase.count("SELECT COUNT(*) FROM entity_redirects WHERE from_id = ?", from))
                .isZero();
        assertThat(reader().get(path("/entities/" + from + "/history"))
                        .jsonPath()
                        .getList("revisions.change_type", String.class))
                .containsExactly("unredirect", "redirect", "create");
        assertError(writer(USER).post(path("/entities/" + from + "/revert-redirect")), 409, "not-a-redirect");
    }

    // ---------------------------------------------------------------- content rules

    @Test
    void unknownPropertiesAndMismatchedValuesAre422() {
        Response unknown = create("items", itemWithStringClaim("P99999999999999999", "abc"));
        assertError(unknown, 422, "property-not-found");
        assertThat(unknown.jsonPath().getString("context.path")).isEqualTo("claims.P99999999999999999[0].mainsnak");

        String itemProperty = createdId("properties", property("wikibase-item", "an item property"));
        Response mismatch = create("items", itemWithStringClaim(itemProperty, "not an item"));
        assertError(mismatch, 422, "datatype-mismatch");
        assertThat(mismatch.jsonPath().getString("context.property")).isEqualTo(itemProperty);

        String deletedProperty = createdId("properties", property("string", "soon deleted"));
        writer(USER).delete(path("/entities/" + deletedProperty));
        assertError(create("items", itemWithStringClaim(deletedProperty, "abc")), 422, "property-not-found");

        String stringProperty = createdId("properties", property("string", "fixed datatype"));
        Response retyped = writer(USER)
                .body(withId(property("url", "fixed datatype"), stringProperty))
                .put(path("/entities/properties/" + stringProperty));
        assertError(retyped, 422, "datatype-immutable");
    }

    @Test
    void protectionLocksSemiProtectsAndGuardsMassEdits() {
        String locked = createdId("items", item("locked"));
        EntityDatabase.protect(locked, false, true, false);
        assertError(put(locked, withId(item("no"), locked)), 423, "entity-locked");
        assertError(writer(USER).delete(path("/entities/" + locked)), 423, "entity-locked");

        String semi = createdId("items", item("semi"));
        EntityDatabase.protect(semi, true, false, false);
        assertError(
                writer(0).body(withId(item("anon"), semi)).put(path("/entities/items/" + semi)), 403, "semi-protected");
        assertThat(put(semi, withId(item("registered"), semi)).statusCode()).isEqualTo(200);

        String mass = createdId("items", item("mass"));
        EntityDatabase.protect(mass, false, false, true);
        assertError(writer(USER).body(withId(item("bulk"), mass)).post(path("/import")), 423, "mass-edit-protected");
        assertThat(put(mass, withId(item("by hand"), mass)).statusCode()).isEqualTo(200);
    }

    @Test
    void sitelinkBelongsToOneItemAtATime() {
        String title = "Sitelink test " + System.nanoTime();
        String first = createdId("items", itemWithSitelink("first", title));
        assertError(create("items", itemWithSitelink("second", title)), 409, "sitelink-conflict");
        writer(USER).delete(path("/entities/" + first));
        assertThat(create("items", itemWithSitelink("second", title)).statusCode())
                .as("a deleted item frees its sitelinks")
                .isEqualTo(201);
    }

    @Test
    void importKeepsTheIdAndUpdatesAnExistingEntity() {
        String id = "Q" + (System.currentTimeMillis() * 1000 + 1_000_000_000L);
        Response created = writer(USER).body(withId(item("imported"), id)).post(path("/import"));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.jsonPath().getString("id")).isEqualTo(id);
        Response again = writer(USER).body(withId(item("imported"), id)).post(path("/import"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo("\"1\"");
        Response changed = writer(USER).body(withId(item("reimported"), id)).post(path("/import"));
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
    }

    // ---------------------------------------------------------------- helpers

    static String item(String label) {
        return """
                {"type":"item","labels":{"en":{"language":"en","value":"%s"}},"descriptions":{},"aliases":{},
                 "claims":{},"sitelinks":{}}""".formatted(label);
    }

    static String property(String datatype, String label) {
        return """
                {"type":"property","datatype":"%s","labels":{"en":{"language":"en","value":"%s %d"}}}""".formatted(datatype, label, System.nanoTime());
    }

    private static String itemWithStringClaim(String property, String value) {
        return """
                {"type":"item","claims":{"%s":[{"mainsnak":{"snaktype":"value","property":"%s",
                 "datavalue":{"value":"%s","type":"string"}},"type":"statement","rank":"normal"}]}}""".formatted(property, property, value);
    }

    private static String itemWithSitelink(String label, String title) {
        return """
                {"type":"item","labels":{"en":{"language":"en","value":"%s"}},
                 "sitelinks":{"enwiki":{"site":"enwiki","title":"%s","badges":[]}}}""".formatted(label, title);
    }

    static String withId(String json, String id) {
        return "{\"id\":\"" + id + "\"," + json.trim().substring(1);
    }

    static Response create(String collection, String body) {
        return writer(USER).body(body).post(path("/entities/" + collection));
    }

    static String createdId(String collection, String body) {
        Response response = create(collection, body);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath().getString("id");
    }

    private static Response put(String id, String body) {
        return writer(USER).body(body).put(path("/entities/items/" + id));
    }

    private static Response revert(String id, long revision) {
        return writer(USER).body(Map.of("to_revision_id", revision)).post(path("/entities/" + id + "/revert"));
    }

    static void assertError(Response response, int status, String code) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.jsonPath().getString("code"))
                .as(response.asString())
                .isEqualTo(code);
        assertThat(response.jsonPath().getString("message")).isNotBlank();
    }
}
