package org.entitybase.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.entitybase.entity.support.ReferencedProperties;
import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.FixtureEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.reader;
import static org.entitybase.entity.support.Api.writer;

/**
 * The Wikibase REST API v1 facade's write routes under parallel clients with the largest real items (Q30 is 700 KB):
 * 8 creates at once of copies read back through the facade itself, 8 alias additions at once to one copy (none
 * lost), and 8 clients each editing its own copy's label and statements. Every answer a 2xx, none lost.
 */
@QuarkusTest
class RestV1ParallelWritesIT {

    private static final String V1 = "/w/rest.php/wikibase/v1";
    private static final int CLIENTS = 8;
    private static final int LARGEST = 4;
    private static final long USER = 43;

    private static List<String> largest;
    /** The v1 answer for each of {@link #largest}, read once: the originals are never edited. */
    private static Map<String, JsonNode> originals;

    /** The {@link #LARGEST} largest real items and the properties they use, imported under their own ids. */
    @BeforeEach
    void importLargestItems() {
        if (largest != null) {
            return;
        }
        List<FixtureEntity> items = WikidataFixtures.entities().stream()
                .filter(fixture -> "item".equals(fixture.type()))
                .sorted(Comparator.comparingInt(
                                (FixtureEntity fixture) -> fixture.json().length())
                        .reversed())
                .limit(LARGEST)
                .toList();
        ReferencedProperties.importFor(
                items.stream()
                        .map(fixture -> WikidataFixtures.tree(fixture.json()))
                        .toList(),
                USER);
        for (FixtureEntity item : items) {
            Response imported = writer(USER).body(item.json()).post(path("/import"));
            assertThat(imported.statusCode())
                    .as(item.id() + ": " + imported.asString())
                    .isIn(200, 201);
        }
        largest = items.stream().map(FixtureEntity::id).toList();
        assertThat(largest).contains("Q30");
        Map<String, JsonNode> read = new HashMap<>();
        largest.forEach(id -> read.put(id, v1Item(id)));
        originals = Map.copyOf(read);
    }

    @Test
    void eightCreatesAtOnceOfTheLargestItemsAllLandWhole() throws Exception {
        List<String> ids = createCopies();
        for (int i = 0; i < ids.size(); i++) {
            JsonNode original = originalOf(i);
            JsonNode copy = v1Item(ids.get(i));
            assertThat(copy.get("labels")).as(ids.get(i)).isEqualTo(original.get("labels"));
            assertThat(copy.get("aliases")).as(ids.get(i)).isEqualTo(original.get("aliases"));
            assertThat(statementCount(copy)).as(ids.get(i)).isEqualTo(statementCount(original));
        }
    }

    @Test
    void eightAliasAdditionsAtOnceToOneLargeItemAreAllKept() throws Exception {
        String id = createCopies().get(0); // a copy of Q30
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            aliases.add("parallel alias " + i + " " + System.nanoTime());
        }
        List<Response> answers = ParallelCreateIT.concurrently(
                aliases,
                alias -> writer(USER)
                        .body(Map.of("aliases", List.of(alias)))
                        .post(path(V1 + "/entities/items/" + id + "/aliases/en")));
        for (Response answer : answers) {
            assertThat(answer.statusCode()).as(answer.asString()).isIn(200, 201);
        }
        List<String> stored = reader().get(path(V1 + "/entities/items/" + id + "/aliases/en"))
                .jsonPath()
                .getList("$", String.class);
        assertThat(stored).containsAll(aliases);
    }

    @Test
    void eightClientsEditingTheirOwnLargeItemsAllSucceed() throws Exception {
        List<String> ids = createCopies();
        List<Response> labels = ParallelCreateIT.concurrently(
                ids,
                id -> writer(USER)
                        .body(Map.of("label", "relabelled " + id))
                        .put(path(V1 + "/entities/items/" + id + "/labels/en")));
        for (Response answer : labels) {
            assertThat(answer.statusCode()).as(answer.asString()).isIn(200, 201);
        }
        List<Response> statements = ParallelCreateIT.concurrently(
                ids,
                id -> writer(USER)
                        .body(Map.of(
                                "statement",
                                Map.of(
                                        "property", Map.of("id", "P31"),
                                        "value", Map.of("type", "value", "content", "Q5"))))
                        .post(path(V1 + "/entities/items/" + id + "/statements")));
        for (Response answer : statements) {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
        }
        for (int i = 0; i < ids.size(); i++) {
            JsonNode copy = v1Item(ids.get(i));
            assertThat(copy.at("/labels/en").asText()).isEqualTo("relabelled " + ids.get(i));
            assertThat(statementCount(copy)).isEqualTo(statementCount(originalOf(i)) + 1);
        }
    }

    /** {@link #CLIENTS} copies of the largest items (each twice), created at once through the facade. */
    private static List<String> createCopies() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            ObjectNode item = originalOf(i).deepCopy();
            item.remove(List.of("id", "type", "sitelinks")); // a sitelink belongs to one item only
            item.get("statements")
                    .forEach(group -> group.forEach(statement -> {
                        ((ObjectNode) statement).remove("id");
                        statement.path("references").forEach(reference -> ((ObjectNode) reference).remove("hash"));
                    }));
            bodies.add("{\"item\":" + item + ",\"comment\":\"parallel copy\"}");
        }
        List<Response> created = ParallelCreateIT.concurrently(
                bodies,
                body -> writer(USER).contentType(ContentType.JSON).body(body).post(path(V1 + "/entities/items")));
        Set<String> ids = new LinkedHashSet<>();
        for (Response answer : created) {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
            assertThat(ids.add(answer.jsonPath().getString("id")))
                    .as("a new id")
                    .isTrue();
        }
        return List.copyOf(ids);
    }

    /** The original the {@code i}-th copy is made from. */
    private static JsonNode originalOf(int i) {
        return originals.get(largest.get(i % LARGEST));
    }

    private static JsonNode v1Item(String id) {
        Response item = reader().get(path(V1 + "/entities/items/" + id));
        assertThat(item.statusCode()).as(id + ": " + item.asString()).isEqualTo(200);
        return WikidataFixtures.tree(item.asByteArray());
    }

    private static int statementCount(JsonNode item) {
        int count = 0;
        for (JsonNode group : item.get("statements")) {
            count += group.size();
        }
        return count;
    }
}
