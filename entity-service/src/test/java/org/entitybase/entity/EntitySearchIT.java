package org.entitybase.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.entitybase.entity.support.EntityDatabase;
import org.entitybase.testkit.WikidataFixtures.FixtureEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.EntityApiIT.createdId;
import static org.entitybase.entity.EntityApiIT.item;
import static org.entitybase.entity.EntityApiIT.withId;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.reader;
import static org.entitybase.entity.support.Api.writer;

/**
 * Search and suggest over the terms index ({@code entity_terms}) on the real stack: every sample entity of
 * shared/data, imported by the import job (group commit), is found by its English label and by each English alias,
 * exact ({@code /v1/search}) and by prefix ({@code /v1/suggest}, {@code wbsearchentities}); edits, deletes and
 * redirects move what is found.
 */
@QuarkusTest
class EntitySearchIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V1 = "/w/rest.php/wikibase";
    private static final long USER = 7;

    @Test
    void everySampleEntityIsFoundByItsEnglishLabelAndEachAlias() throws Exception {
        List<FixtureEntity> fixtures = ImportJobsIT.sample();
        List<String> dump = ImportJobsIT.dumpLines(
                fixtures.stream().map(FixtureEntity::json).toList());
        JsonPath job = ImportJobsIT.run(ImportJobsIT.parts(dump, 256 * 1024), dump.size(), false);
        assertThat(job.getString("state")).isEqualTo("done");

        int terms = 0;
        for (FixtureEntity fixture : fixtures) {
            if (!fixture.type().equals("item") && !fixture.type().equals("property")) {
                continue;
            }
            String collection = fixture.type().equals("item") ? "items" : "properties";
            JsonNode entity = JSON.readTree(fixture.json());
            List<String> texts = new ArrayList<>();
            if (entity.path("labels").has("en")) {
                texts.add(entity.path("labels").path("en").path("value").asText());
            }
            entity.path("aliases")
                    .path("en")
                    .forEach(alias -> texts.add(alias.path("value").asText()));
            for (String text : texts) {
                assertThat(found("search", collection, text, fixture.id()))
                        .as("%s exact by '%s'", fixture.id(), text)
                        .isTrue();
                // half the text, but at least 4 code points: a one-letter prefix matches much of the module's
                // shared test database, and paging through it (50 at a time) cost minutes
                int codePoints = text.codePointCount(0, text.length());
                String prefix = text.substring(
                        0, text.offsetByCodePoints(0, Math.min(codePoints, Math.max(4, codePoints / 2))));
                assertThat(found("suggest", collection, prefix, fixture.id()))
                        .as("%s by prefix '%s'", fixture.id(), prefix)
                        .isTrue();
                terms++;
            }
        }
        assertThat(terms).as("English labels and aliases of the samples").isGreaterThan(500);
        System.out.printf("search: %d English labels and aliases of the samples found exact and by prefix%n", terms);
    }

    /** Whether {@code id} is among the results of {@code q} in English, paging through them all. */
    private static boolean found(String kind, String collection, String q, String id) {
        int limit = kind.equals("search") ? 500 : 50;
        for (int offset = 0; offset <= 10_000; offset += limit) {
            Response response = reader().queryParams(Map.of("q", q, "language", "en", "limit", limit, "offset", offset))
                    .get(path(V1 + "/v1/" + kind + "/" + collection));
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            List<String> ids = response.jsonPath().getList("results.id", String.class);
            if (ids.contains(id)) {
                return true;
            }
            if (ids.size() < limit) {
                return false;
            }
        }
        return false;
    }

    @Test
    void editsDeletesAndRedirectsMoveWhatIsFound() {
        String unique = "Zyxwv" + System.nanoTime();
        String id = createdId("items", item(unique + " Straße"));
        // normalized: case folded (ß = ss) and NFKC (full-width letters are ASCII)
        assertThat(suggestIds(unique.toLowerCase() + " STRASSE")).containsExactly(id);
        assertThat(suggestIds("\uFF3A" + unique.substring(1))).containsExactly(id);
        JsonPath hit = reader().queryParams(Map.of("q", unique + " straße", "language", "de"))
                .get(path(V1 + "/v1/search/items"))
                .jsonPath();
        // German falls back to English: the match and the label shown are the English label
        assertThat(hit.getString("results[0].match.language")).isEqualTo("en");
        assertThat(hit.getString("results[0].display-label.value")).isEqualTo(unique + " Straße");

        Response edited =
                writer(USER).body(withId(item(unique + " renamed"), id)).put(path("/entities/items/" + id));
        assertThat(edited.statusCode()).as(edited.asString()).isEqualTo(200);
        assertThat(suggestIds(unique + " stra")).isEmpty();
        assertThat(suggestIds(unique + " ren")).containsExactly(id);

        String keeper = createdId("items", item(unique + " keeper"));
        assertThat(suggestIds(unique)).containsExactly(keeper, id); // equal prefix: ranked by key
        Response redirected =
                writer(USER).body(Map.of("from", id, "to", keeper)).post(path("/redirects"));
        assertThat(redirected.statusCode()).as(redirected.asString()).isEqualTo(200);
        assertThat(suggestIds(unique)).containsExactly(keeper);

        Response deleted = writer(USER).delete(path("/entities/" + keeper));
        assertThat(deleted.statusCode()).as(deleted.asString()).isEqualTo(200);
        assertThat(suggestIds(unique)).isEmpty();
        Response undeleted =
                writer(USER).body(Map.of("to_revision_id", 1)).post(path("/entities/" + keeper + "/revert"));
        assertThat(undeleted.statusCode()).as(undeleted.asString()).isEqualTo(200);
        assertThat(suggestIds(unique)).containsExactly(keeper);
    }

    @Test
    void theRebuildRouteWritesTheRowsOfEntitiesThatHaveNone() {
        String unique = "Rbld" + System.nanoTime();
        String id = createdId("items", item(unique + " rebuilt"));
        assertThat(suggestIds(unique)).containsExactly(id);
        // as an entity stored before V7: no rows
        assertThat(EntityDatabase.update("DELETE FROM entity_terms WHERE entity_id = ?", id))
                .isPositive();
        assertThat(suggestIds(unique)).isEmpty();

        Response rebuilt = reader().post("/internal/entity-terms/rebuild");
        assertThat(rebuilt.statusCode()).as(rebuilt.asString()).isEqualTo(200);
        assertThat(rebuilt.jsonPath().getLong("entities")).isPositive();
        assertThat(suggestIds(unique)).containsExactly(id);
        assertThat(EntityDatabase.count("SELECT COUNT(*) FROM entity_terms WHERE entity_id = ?", id))
                .isEqualTo(1);
    }

    @Test
    void wbsearchentitiesAnswersAsWikibase() {
        String unique = "Qwvut" + System.nanoTime();
        String first = createdId("items", item(unique + " one"));
        String second = createdId("items", item(unique + " two"));
        JsonPath page = reader().queryParams(
                        Map.of("action", "wbsearchentities", "search", unique, "language", "en", "limit", "1"))
                .get(path("/w/api.php"))
                .jsonPath();
        assertThat(page.getString("searchinfo.search")).isEqualTo(unique);
        assertThat(page.getList("search.id")).containsExactly(first);
        assertThat(page.getString("search[0].label")).isEqualTo(unique + " one");
        assertThat(page.getString("search[0].match.type")).isEqualTo("label");
        assertThat(page.getString("search[0].concepturi")).isEqualTo("http://www.wikidata.org/entity/" + first);
        assertThat(page.getInt("search-continue")).isEqualTo(1);
        assertThat(page.getInt("success")).isEqualTo(1);
        JsonPath next = reader().queryParams(
                        Map.of("action", "wbsearchentities", "search", unique, "language", "en", "continue", "1"))
                .get(path("/w/api.php"))
                .jsonPath();
        assertThat(next.getList("search.id")).containsExactly(second);
        assertThat(next.get("search-continue") == null).isTrue();

        Response missing = reader().queryParams(Map.of("action", "wbsearchentities", "language", "en"))
                .get(path("/w/api.php"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.jsonPath().getString("error.code")).isEqualTo("missingparam");
        Response badType = reader().queryParams(
                        Map.of("action", "wbsearchentities", "search", "x", "language", "en", "type", "nope"))
                .get(path("/w/api.php"));
        assertThat(badType.jsonPath().getString("error.code")).isEqualTo("badvalue");
        Response badLimit = reader().queryParams(
                        Map.of("action", "wbsearchentities", "search", "x", "language", "en", "limit", "-1"))
                .get(path("/w/api.php"));
        assertThat(badLimit.jsonPath().getString("error.code")).isEqualTo("badinteger");
    }

    private static List<String> suggestIds(String q) {
        Response response =
                reader().queryParams(Map.of("q", q, "language", "en")).get(path(V1 + "/v1/suggest/items"));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath().getList("results.id", String.class);
    }
}
