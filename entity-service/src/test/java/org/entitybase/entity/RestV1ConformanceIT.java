package org.entitybase.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.entitybase.entity.support.WikibaseRestApiDocument;
import org.entitybase.testkit.WikidataFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.reader;
import static org.entitybase.entity.support.Api.writer;

/**
 * The Wikibase REST API v1 facade on the real stack, over real entities of shared/data (Q42, P19, P220): every
 * answer, success or error, is checked against Wikibase's own OpenAPI document ({@link WikibaseRestApiDocument}), and
 * the tests assert what the answers say (values, statuses, ETags, that writes land as revisions).
 */
@QuarkusTest
class RestV1ConformanceIT {

    private static final WikibaseRestApiDocument DOCUMENT = new WikibaseRestApiDocument();
    private static final String ROOT = "/w/rest.php/wikibase";
    private static final String Q42_P31 = "Q42$F078E5B3-F9A8-480E-B7AC-D97778CBBEF9";
    private static boolean imported;

    /** Q42 and the properties the writes use, imported as Wikidata has them (once per run). */
    private static synchronized void importSamples() {
        if (imported) {
            return;
        }
        for (String id : List.of("P19", "P220", "Q42")) {
            String json = WikidataFixtures.entities().stream()
                    .filter(e -> e.id().equals(id))
                    .findFirst()
                    .orElseThrow()
                    .json();
            Response response = writer(3).body(json).post(path("/import"));
            assertThat(response.statusCode()).as(response.asString()).isIn(200, 201);
        }
        imported = true;
    }

    /** A v1 call, its answer checked against the document. */
    private static Response call(String method, String v1Path, Object body, Map<String, String> headers) {
        RequestSpecification request = reader().headers(headers);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        Response response = request.request(method, path(ROOT + v1Path));
        DOCUMENT.check(method, v1Path.replaceFirst("\\?.*", ""), response);
        return response;
    }

    private static Response get(String v1Path) {
        return call("GET", v1Path, null, Map.of());
    }

    private static Response send(String method, String v1Path, Object body) {
        return call(method, v1Path, body, Map.of("X-User-ID", "7"));
    }

    private static String createItem(String label) {
        Response created = send(
                "POST",
                "/v1/entities/items",
                Map.of(
                        "item",
                        Map.of(
                                "labels", Map.of("en", label),
                                "descriptions", Map.of("en", "an item of RestV1ConformanceIT"),
                                "aliases", Map.of("en", List.of(label + " alias")),
                                "statements",
                                        Map.of(
                                                "P19",
                                                List.of(Map.of(
                                                        "property", Map.of("id", "P19"),
                                                        "value", Map.of("type", "value", "content", "Q42"))))),
                        "comment",
                        "created through v1"));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.jsonPath().getString("labels.en")).isEqualTo(label);
        assertThat(created.jsonPath().getString("statements.P19[0].property.data_type"))
                .isEqualTo("wikibase-item");
        assertThat(created.jsonPath().getString("statements.P19[0].value.content"))
                .isEqualTo("Q42");
        return created.jsonPath().getString("id");
    }

    @Test
    void readsOfARealItem() {
        importSamples();
        Response item = get("/v1/entities/items/Q42");
        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(item.jsonPath().getString("labels.mul")).isEqualTo("Douglas Adams");
        assertThat(item.jsonPath().getString("sitelinks.enwiki.url"))
                .isEqualTo("https://en.wikipedia.org/wiki/Douglas_Adams");
        String etag = item.header("ETag");
        assertThat(etag).matches("\"\\d+\"");

        assertThat(call("GET", "/v1/entities/items/Q42", null, Map.of("If-None-Match", etag))
                        .statusCode())
                .isEqualTo(304);
        assertThat(call(
                                "GET",
                                "/v1/entities/items/Q42",
                                null,
                                Map.of("If-Modified-Since", item.header("Last-Modified")))
                        .statusCode())
                .isEqualTo(304);
        assertThat(call("GET", "/v1/entities/items/Q42", null, Map.of("If-Match", "\"999999999\""))
                        .statusCode())
                .isEqualTo(412);
        // _fields answers only the fields asked for (and id, as Wikibase does): the document's schema requires every
        // field whatever _fields says, so this one answer is checked here, not against the document
        Response fields = reader().get(path(ROOT + "/v1/entities/items/Q42?_fields=labels"));
        assertThat(fields.statusCode()).isEqualTo(200);
        assertThat(fields.jsonPath().getMap("$").keySet()).containsExactlyInAnyOrder("id", "labels");

        // Wikidata keeps Q42's name as a "mul" label: English falls back to it
        assertThat(get("/v1/entities/items/Q42/labels").jsonPath().getString("mul"))
                .isEqualTo("Douglas Adams");
        assertThat(get("/v1/entities/items/Q42/labels/mul").asString()).isEqualTo("\"Douglas Adams\"");
        Response fallback = get("/v1/entities/items/Q42/labels_with_language_fallback/en");
        assertThat(fallback.statusCode()).isEqualTo(307);
        assertThat(fallback.header("Location")).endsWith(ROOT + "/v1/entities/items/Q42/labels/mul");
        assertThat(get("/v1/entities/items/Q42/labels_with_language_fallback/mul")
                        .asString())
                .isEqualTo("\"Douglas Adams\"");
        assertThat(get("/v1/entities/items/Q42/descriptions").statusCode()).isEqualTo(200);
        assertThat(get("/v1/entities/items/Q42/descriptions/en").statusCode()).isEqualTo(200);
        assertThat(get("/v1/entities/items/Q42/descriptions_with_language_fallback/en")
                        .statusCode())
                .isEqualTo(200);
        Map<String, Object> aliases =
                get("/v1/entities/items/Q42/aliases").jsonPath().getMap("$");
        String language = aliases.keySet().iterator().next();
        assertThat(get("/v1/entities/items/Q42/aliases/" + language).jsonPath().getList("$"))
                .isEqualTo(aliases.get(language));
        assertThat(get("/v1/entities/items/Q42/sitelinks").jsonPath().getString("enwiki.title"))
                .isEqualTo("Douglas Adams");
        assertThat(get("/v1/entities/items/Q42/sitelinks/enwiki").jsonPath().getList("badges"))
                .isNotNull();

        Response statements = get("/v1/entities/items/Q42/statements?property=P31");
        assertThat(statements.jsonPath().getMap("$").keySet()).containsExactly("P31");
        assertThat(statements.jsonPath().getString("P31[0].value.content")).isEqualTo("Q5");
        assertThat(get("/v1/entities/items/Q42/statements")
                        .jsonPath()
                        .getMap("$")
                        .size())
                .isGreaterThan(50);
        Response one = get("/v1/entities/items/Q42/statements/" + Q42_P31);
        assertThat(one.jsonPath().getString("property.id")).isEqualTo("P31");
        assertThat(get("/v1/statements/" + Q42_P31).asString()).isEqualTo(one.asString());
        assertThat(get("/v1/property-data-types").jsonPath().getString("wikibase-item"))
                .isEqualTo("wikibase-entityid");
    }

    @Test
    void readsOfARealProperty() {
        importSamples();
        Response property = get("/v1/entities/properties/P19");
        assertThat(property.statusCode()).isEqualTo(200);
        assertThat(property.jsonPath().getString("data_type")).isEqualTo("wikibase-item");
        // the sample P19 is kept without terms (shared/data): its term routes answer empty maps
        assertThat(get("/v1/entities/properties/P19/labels").asString()).isEqualTo("{}");
        assertThat(get("/v1/entities/properties/P19/descriptions").asString()).isEqualTo("{}");
        assertThat(get("/v1/entities/properties/P19/aliases").asString()).isEqualTo("{}");
        assertThat(get("/v1/entities/properties/P19/labels/en").statusCode()).isEqualTo(404);
        Response statements = get("/v1/entities/properties/P19/statements");
        assertThat(statements.statusCode()).isEqualTo(200);
        String guid = statements.jsonPath().getString("P31[0].id");
        assertThat(get("/v1/entities/properties/P19/statements/" + guid)
                        .jsonPath()
                        .getString("id"))
                .isEqualTo(guid);
    }

    @Test
    void errorsAreWikibasesErrors() {
        importSamples();
        Response missing = get("/v1/entities/items/Q987654321");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.jsonPath().getString("code")).isEqualTo("resource-not-found");
        assertThat(missing.header("Content-Language")).isEqualTo("en");
        Response badId = get("/v1/entities/items/X1");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.jsonPath().getString("code")).isEqualTo("invalid-path-parameter");
        assertThat(badId.jsonPath().getString("context.parameter")).isEqualTo("item_id");
        Response noLabel = get("/v1/entities/items/Q42/labels/xyz-no");
        assertThat(noLabel.statusCode()).isIn(400, 404);
        Response noStatement = get("/v1/statements/Q42$00000000-0000-0000-0000-000000000000");
        assertThat(noStatement.statusCode()).isEqualTo(404);
        assertThat(noStatement.jsonPath().getString("context.resource_type")).isEqualTo("statement");
        assertThat(get("/v1/entities/items/Q42/sitelinks/xxwiki").statusCode()).isEqualTo(404);
        assertThat(get("/v1/entities/items/Q42/statements?property=X").statusCode())
                .isEqualTo(400);

        String id = createItem("RestV1 errors");
        Response noBody = send("PUT", "/v1/entities/items/" + id + "/labels/en", Map.of("comment", "no label"));
        assertThat(noBody.statusCode()).isEqualTo(400);
        Response stale = call(
                "PUT",
                "/v1/entities/items/" + id + "/labels/en",
                Map.of("label", "too late"),
                Map.of("X-User-ID", "7", "If-Match", "\"999999999\""));
        assertThat(stale.statusCode()).isEqualTo(412);
        Response failedTest = send(
                "PATCH",
                "/v1/entities/items/" + id + "/labels",
                Map.of("patch", List.of(Map.of("op", "test", "path", "/en", "value", "something else"))));
        assertThat(failedTest.statusCode()).isEqualTo(409);
        Response unknownProperty = send(
                "POST",
                "/v1/entities/items/" + id + "/statements",
                Map.of(
                        "statement",
                        Map.of("property", Map.of("id", "P999999999"), "value", Map.of("type", "novalue"))));
        assertThat(unknownProperty.statusCode()).isEqualTo(400);
        assertThat(unknownProperty.jsonPath().getString("code")).isEqualTo("referenced-resource-not-found");
        assertThat(get("/v1/entities/items/" + id + "/labels/en").asString()).isEqualTo("\"RestV1 errors\"");
    }

    @Test
    void redirectedItemAnswers308AndFallbackAnswers307() {
        importSamples();
        String id = createItem("RestV1 redirect");
        Response redirected = writer(3).body(Map.of("from", id, "to", "Q42")).post(path("/redirects"));
        assertThat(redirected.statusCode()).as(redirected.asString()).isEqualTo(200);
        Response moved = get("/v1/entities/items/" + id + "/labels");
        assertThat(moved.statusCode()).isEqualTo(308);
        assertThat(moved.header("Location")).endsWith(ROOT + "/v1/entities/items/Q42/labels");

        String other = createItem("RestV1 fallback");
        Response fallback = get("/v1/entities/items/" + other + "/labels_with_language_fallback/de-ch");
        assertThat(fallback.statusCode()).isEqualTo(307);
        assertThat(fallback.header("Location")).endsWith("/v1/entities/items/" + other + "/labels/en");
        assertThat(get("/v1/entities/items/" + other + "/descriptions_with_language_fallback/de")
                        .statusCode())
                .isEqualTo(307);
    }

    @Test
    void termAndSitelinkWritesOfAnItem() {
        importSamples();
        String id = createItem("RestV1 terms");
        String item = "/v1/entities/items/" + id;

        Response added = send("PUT", item + "/labels/de", Map.of("label", "RestV1 Begriffe", "comment", "de"));
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.asString()).isEqualTo("\"RestV1 Begriffe\"");
        Response replaced = send("PUT", item + "/labels/de", Map.of("label", "RestV1 Begriffe 2"));
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.header("ETag")).isNotEqualTo(added.header("ETag"));
        assertThat(send("DELETE", item + "/labels/de", Map.of()).asString()).isEqualTo("\"Label deleted\"");
        assertThat(get(item + "/labels/de").statusCode()).isEqualTo(404);

        assertThat(send("PUT", item + "/descriptions/de", Map.of("description", "ein Ding"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(send("DELETE", item + "/descriptions/de", null).statusCode()).isEqualTo(200);

        Response aliases = send("POST", item + "/aliases/de", Map.of("aliases", List.of("eins", "zwei")));
        assertThat(aliases.statusCode()).isEqualTo(201);
        assertThat(aliases.jsonPath().getList("$")).containsExactly("eins", "zwei");
        assertThat(send("POST", item + "/aliases/de", Map.of("aliases", List.of("drei")))
                        .jsonPath()
                        .getList("$"))
                .containsExactly("eins", "zwei", "drei");

        Response labels = send(
                "PATCH",
                item + "/labels",
                Map.of("patch", List.of(Map.of("op", "add", "path", "/fr", "value", "RestV1 termes"))));
        assertThat(labels.statusCode()).isEqualTo(200);
        assertThat(labels.jsonPath().getString("fr")).isEqualTo("RestV1 termes");
        Response descriptions = send(
                "PATCH",
                item + "/descriptions",
                Map.of("patch", List.of(Map.of("op", "replace", "path", "/en", "value", "patched"))));
        assertThat(descriptions.jsonPath().getString("en")).isEqualTo("patched");
        Response patchedAliases =
                send("PATCH", item + "/aliases", Map.of("patch", List.of(Map.of("op", "remove", "path", "/de/0"))));
        assertThat(patchedAliases.jsonPath().getList("de")).containsExactly("zwei", "drei");

        String title = "RestV1 " + id;
        Response sitelink = send("PUT", item + "/sitelinks/dewiki", Map.of("sitelink", Map.of("title", title)));
        assertThat(sitelink.statusCode()).isEqualTo(201);
        assertThat(sitelink.jsonPath().getString("url"))
                .isEqualTo("https://de.wikipedia.org/wiki/" + title.replace(' ', '_'));
        Response sitelinks = send(
                "PATCH",
                item + "/sitelinks",
                Map.of("patch", List.of(Map.of("op", "add", "path", "/frwiki", "value", Map.of("title", title)))));
        assertThat(sitelinks.jsonPath().getMap("$").keySet()).containsExactlyInAnyOrder("dewiki", "frwiki");
        assertThat(send("DELETE", item + "/sitelinks/dewiki", Map.of("comment", "gone"))
                        .asString())
                .isEqualTo("\"Sitelink deleted\"");
        assertThat(get(item + "/sitelinks/dewiki").statusCode()).isEqualTo(404);

        Response whole = send(
                "PATCH",
                item,
                Map.of("patch", List.of(Map.of("op", "replace", "path", "/labels/en", "value", "RestV1 whole"))));
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.jsonPath().getString("labels.en")).isEqualTo("RestV1 whole");
        assertThat(whole.jsonPath().getString("statements.P19[0].value.content"))
                .isEqualTo("Q42");
        Response history = reader().get(path("/entities/" + id + "/history"));
        assertThat(history.jsonPath().getList("revisions")).hasSizeGreaterThanOrEqualTo(13);
    }

    @Test
    void statementWritesOfAnItem() {
        importSamples();
        String id = createItem("RestV1 statements");
        String item = "/v1/entities/items/" + id;
        Response added = send(
                "POST",
                item + "/statements",
                Map.of(
                        "statement",
                        Map.of(
                                "property", Map.of("id", "P220"),
                                "value", Map.of("type", "value", "content", "abc"),
                                "qualifiers",
                                        List.of(Map.of(
                                                "property", Map.of("id", "P19"),
                                                "value", Map.of("type", "somevalue"))),
                                "references",
                                        List.of(Map.of(
                                                "parts",
                                                List.of(Map.of(
                                                        "property", Map.of("id", "P220"),
                                                        "value", Map.of("type", "value", "content", "ref"))))))));
        assertThat(added.statusCode()).as(added.asString()).isEqualTo(201);
        String guid = added.jsonPath().getString("id");
        assertThat(guid).startsWith(id + "$");
        assertThat(added.jsonPath().getString("qualifiers[0].value.type")).isEqualTo("somevalue");
        assertThat(added.jsonPath().getString("references[0].hash")).matches("[0-9a-f]{40}");

        assertThat(get(item + "/statements/" + guid).jsonPath().getString("value.content"))
                .isEqualTo("abc");
        Response replaced = send(
                "PUT",
                item + "/statements/" + guid,
                Map.of("statement", Map.of("property", Map.of("id", "P220"), "value", Map.of("type", "novalue"))));
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.jsonPath().getString("value.type")).isEqualTo("novalue");
        assertThat(replaced.jsonPath().getList("qualifiers")).isEmpty();
        Response patched = send(
                "PATCH",
                item + "/statements/" + guid,
                Map.of("patch", List.of(Map.of("op", "replace", "path", "/rank", "value", "preferred"))));
        assertThat(patched.jsonPath().getString("rank")).isEqualTo("preferred");
        Response patchedById = send(
                "PATCH",
                "/v1/statements/" + guid,
                Map.of(
                        "patch",
                        List.of(Map.of(
                                "op",
                                "replace",
                                "path",
                                "/value",
                                "value",
                                Map.of("type", "value", "content", "xyz")))));
        assertThat(patchedById.jsonPath().getString("value.content")).isEqualTo("xyz");
        Response replacedById = send(
                "PUT",
                "/v1/statements/" + guid,
                Map.of(
                        "statement",
                        Map.of("property", Map.of("id", "P220"), "value", Map.of("type", "value", "content", "q"))));
        assertThat(replacedById.jsonPath().getString("value.content")).isEqualTo("q");
        assertThat(get("/v1/statements/" + guid).jsonPath().getString("rank")).isEqualTo("normal");
        Response otherProperty = send(
                "PUT",
                "/v1/statements/" + guid,
                Map.of("statement", Map.of("property", Map.of("id", "P19"), "value", Map.of("type", "novalue"))));
        assertThat(otherProperty.statusCode()).isEqualTo(400);

        assertThat(send("DELETE", "/v1/statements/" + guid, null).asString()).isEqualTo("\"Statement deleted\"");
        String p19 = get(item + "/statements?property=P19").jsonPath().getString("P19[0].id");
        assertThat(send("DELETE", item + "/statements/" + p19, Map.of()).statusCode())
                .isEqualTo(200);
        assertThat(get(item + "/statements").asString()).isEqualTo("{}");
        assertThat(get(item + "/statements/" + p19).statusCode()).isEqualTo(404);
    }

    @Test
    void propertyCreationAndWrites() {
        importSamples();
        Response created = send(
                "POST",
                "/v1/entities/properties",
                Map.of(
                        "property",
                        Map.of("data_type", "string", "labels", Map.of("en", "RestV1 property " + System.nanoTime()))));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.jsonPath().getString("data_type")).isEqualTo("string");
        String property = "/v1/entities/properties/" + created.jsonPath().getString("id");
        String label = created.jsonPath().getString("labels.en");
        assertThat(get(property + "/labels/en").asString()).isEqualTo("\"" + label + "\"");
        assertThat(get(property + "/labels_with_language_fallback/en-gb").statusCode())
                .isEqualTo(307);

        assertThat(send("PUT", property + "/labels/de", Map.of("label", "RestV1 Eigenschaft " + System.nanoTime()))
                        .statusCode())
                .isEqualTo(201);
        assertThat(send("DELETE", property + "/labels/de", null).statusCode()).isEqualTo(200);
        assertThat(send("PUT", property + "/descriptions/en", Map.of("description", "a property"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(send("DELETE", property + "/descriptions/en", null).statusCode())
                .isEqualTo(200);
        assertThat(send("POST", property + "/aliases/en", Map.of("aliases", List.of("rv1")))
                        .statusCode())
                .isEqualTo(201);
        assertThat(get(property + "/aliases/en").jsonPath().getList("$")).containsExactly("rv1");
        assertThat(send("PUT", property + "/descriptions/fr", Map.of("description", "une"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(get(property + "/descriptions/fr").asString()).isEqualTo("\"une\"");
        assertThat(get(property + "/descriptions_with_language_fallback/fr").asString())
                .isEqualTo("\"une\"");
        assertThat(send(
                                "PATCH",
                                property + "/labels",
                                Map.of(
                                        "patch",
                                        List.of(Map.of(
                                                "op",
                                                "add",
                                                "path",
                                                "/fr",
                                                "value",
                                                "RestV1 propriété " + System.nanoTime()))))
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(
                                "PATCH",
                                property + "/descriptions",
                                Map.of("patch", List.of(Map.of("op", "add", "path", "/fr", "value", "une propriété"))))
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(
                                "PATCH",
                                property + "/aliases",
                                Map.of("patch", List.of(Map.of("op", "add", "path", "/fr", "value", List.of("p")))))
                        .statusCode())
                .isEqualTo(200);
        Response statement = send(
                "POST",
                property + "/statements",
                Map.of(
                        "statement",
                        Map.of("property", Map.of("id", "P220"), "value", Map.of("type", "value", "content", "s"))));
        assertThat(statement.statusCode()).isEqualTo(201);
        String guid = statement.jsonPath().getString("id");
        assertThat(send(
                                "PUT",
                                property + "/statements/" + guid,
                                Map.of(
                                        "statement",
                                        Map.of("property", Map.of("id", "P220"), "value", Map.of("type", "somevalue"))))
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(
                                "PATCH",
                                property + "/statements/" + guid,
                                Map.of(
                                        "patch",
                                        List.of(Map.of("op", "replace", "path", "/rank", "value", "deprecated"))))
                        .statusCode())
                .isEqualTo(200);
        Response whole = send(
                "PATCH",
                property,
                Map.of(
                        "patch",
                        List.of(Map.of(
                                "op", "add", "path", "/labels/es", "value", "RestV1 propiedad " + System.nanoTime()))));
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.jsonPath().getString("statements.P220[0].rank")).isEqualTo("deprecated");
        assertThat(send("DELETE", property + "/statements/" + guid, null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void searchSuggestAndTheOpenApiDocument() {
        importSamples();
        Response search = get("/v1/search/items?q=douglas adams&language=en");
        assertThat(search.statusCode()).as(search.asString()).isEqualTo(200);
        assertThat(search.jsonPath().getString("results[0].id")).isEqualTo("Q42");
        // Q42's name is a "mul" label: English falls back to it, for the match and the label shown
        assertThat(search.jsonPath().getString("results[0].match.language")).isEqualTo("mul");
        assertThat(search.jsonPath().getString("results[0].display-label.value"))
                .isEqualTo("Douglas Adams");
        assertThat(search.jsonPath().getString("results[0].description.language"))
                .isEqualTo("en");
        Response suggest = get("/v1/suggest/items?q=Douglas Ad&language=en&limit=5");
        assertThat(suggest.jsonPath().getList("results.id")).contains("Q42");
        assertThat(get("/v1/suggest/items?q=Douglas Ad&language=en&offset=5").statusCode())
                .isEqualTo(200);
        // a sample property with an English label (Wikibase's document allows ids of at most 10 digits: the ids our
        // test allocator hands out are longer)
        String p1971 = WikidataFixtures.entities().stream()
                .filter(e -> e.id().equals("P1971"))
                .findFirst()
                .orElseThrow()
                .json();
        assertThat(writer(3).body(p1971).post(path("/import")).statusCode()).isIn(200, 201);
        Response property = get("/v1/search/properties?q=Number of CHILDREN&language=en");
        assertThat(property.jsonPath().getList("results.id")).containsExactly("P1971");
        assertThat(property.jsonPath().getString("results[0].match.text")).isEqualTo("number of children");
        assertThat(get("/v1/suggest/properties?q=number of chi&language=en")
                        .jsonPath()
                        .getList("results.id"))
                .contains("P1971");
        for (String bad : List.of(
                "/v1/search/items?language=en",
                "/v1/search/items?q=x&language=EN",
                "/v1/search/properties?q=x",
                "/v1/suggest/items?q=x&language=en&limit=51",
                "/v1/suggest/properties?q=x&language=en&offset=-1")) {
            Response error = get(bad);
            assertThat(error.statusCode()).as(bad).isEqualTo(400);
            assertThat(error.jsonPath().getString("code")).isEqualTo("invalid-query-parameter");
        }
        assertThat(get("/v1/search/items?q=x&language=en&limit=0").jsonPath().getString("context.parameter"))
                .isEqualTo("limit");

        Response openApi = get("/v1/openapi.json");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.jsonPath().getString("info.title")).isEqualTo("Wikibase REST API");
        Set<String> paths = new TreeSet<>();
        try {
            new ObjectMapper()
                    .readTree(openApi.asString())
                    .get("paths")
                    .fieldNames()
                    .forEachRemaining(paths::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(paths)
                .contains("/v1/property-data-types", "/v1/openapi.json")
                .allMatch(path -> path.startsWith("/v1/"));
    }

    /** Which operations of the document this run checked, and which not (the report the issue asks for). */
    @AfterAll
    static void coverage() {
        Set<String> unchecked = new TreeSet<>(DOCUMENT.operations());
        unchecked.removeAll(DOCUMENT.checked());
        System.out.println("RestV1ConformanceIT checked " + DOCUMENT.checked().size() + " of "
                + DOCUMENT.operations().size() + " operations; not checked: " + unchecked);
        assertThat(unchecked).as("operations of the document no test checked").isEmpty();
    }
}
