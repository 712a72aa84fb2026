package org.entitybase.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.entitybase.entity.support.ReferencedProperties;
import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.FixtureEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.writer;

/**
 * Issue 9: copies of the real lexemes, properties and items (../shared/data) created by 8 clients at once all answer
 * 201 with distinct ids. Parallel lexeme creates used to meet a gap-lock deadlock on {@code lexeme_terms} (500
 * {@code MySQLBatchException}).
 */
@QuarkusTest
class ParallelCreateIT {

    private static final int CLIENTS = 8;
    private static final int ROUNDS = 3;
    private static final long USER = 41;

    private static boolean imported;

    /**
     * The properties the copied entities' snaks use exist: the real ones imported, others as bare properties with the
     * snaks' datatype.
     */
    @BeforeEach
    void importReferencedProperties() {
        if (imported) {
            return;
        }
        imported = true;
        List<JsonNode> entities = new ArrayList<>();
        for (String type : List.of("item", "property", "lexeme")) {
            fixtures(type).forEach(fixture -> entities.add(WikidataFixtures.tree(fixture.json())));
        }
        ReferencedProperties.importFor(entities, USER);
    }

    @Test
    void eightParallelLexemeCreatesAllLand() throws Exception {
        assertAllCreated("lexemes", copies("lexeme"));
    }

    @Test
    void eightParallelPropertyCreatesAllLand() throws Exception {
        assertAllCreated("properties", copies("property"));
    }

    @Test
    void eightParallelItemCreatesAllLand() throws Exception {
        assertAllCreated("items", copies("item"));
    }

    /** {@link #ROUNDS} times {@link #CLIENTS} creates at once: every one 201, every id new. */
    private static void assertAllCreated(String collection, List<String> bodies) throws Exception {
        assertThat(bodies).hasSizeGreaterThanOrEqualTo(CLIENTS);
        Set<String> ids = new LinkedHashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<Response> responses = concurrently(
                    bodies.subList(0, CLIENTS), body -> writer(USER).body(body).post(path("/entities/" + collection)));
            for (Response response : responses) {
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
                assertThat(ids.add(response.jsonPath().getString("id")))
                        .as("a new id")
                        .isTrue();
            }
        }
        assertThat(ids).hasSize(CLIENTS * ROUNDS);
    }

    /**
     * The fixture entities of {@code type} as a client would send them to be created: no ids (entity, forms, senses,
     * statement GUIDs are replaced), no sitelinks (a sitelink belongs to one item only), no page metadata.
     */
    static List<String> copies(String type) {
        List<String> bodies = new ArrayList<>();
        for (FixtureEntity fixture : fixtures(type)) {
            ObjectNode copy = (ObjectNode) WikidataFixtures.tree(fixture.json());
            copy.remove(List.of("id", "lastrevid", "modified", "pageid", "ns", "title", "sitelinks"));
            for (String part : List.of("forms", "senses")) {
                copy.path(part).forEach(sub -> ((ObjectNode) sub).remove("id"));
            }
            withoutSnakDatatypes(copy);
            bodies.add(copy.toString());
        }
        return bodies;
    }

    /** The {@link #CLIENTS} smallest fixture entities of {@code type}. */
    private static List<FixtureEntity> fixtures(String type) {
        return WikidataFixtures.entities().stream()
                .filter(fixture -> type.equals(fixture.type()))
                .sorted(Comparator.comparingInt(fixture -> fixture.json().length()))
                .limit(CLIENTS)
                .toList();
    }

    /** A snak's datatype is its property's: the service fills it in (one fixture property's differs from its use). */
    private static void withoutSnakDatatypes(JsonNode node) {
        if (node.has("snaktype") && node instanceof ObjectNode snak) {
            snak.remove("datatype");
        }
        node.forEach(ParallelCreateIT::withoutSnakDatatypes);
    }

    @FunctionalInterface
    interface Request {
        Response send(String body) throws Exception;
    }

    /** Sends every body at once from its own thread; the responses in body order. */
    static List<Response> concurrently(List<String> bodies, Request request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(bodies.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (String body : bodies) {
                Callable<Response> task = () -> {
                    start.await();
                    return request.send(body);
                };
                futures.add(threads.submit(task));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }
}
