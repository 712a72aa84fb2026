package org.entitybase.rdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.StatementCollector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.rdf.mapping.EntityRdfWriter;
import org.entitybase.rdf.mapping.EntityStub;
import org.entitybase.rdf.mapping.Flavor;
import org.entitybase.rdf.mapping.RdfVocabulary;
import org.entitybase.rdf.mapping.WikimediaSites;
import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.FixtureEntity;
import org.entitybase.testkit.WikidataFixtures.FixtureRevision;
import org.entitybase.testkit.stack.EntityServiceUnderTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RDF routes against a real entity-service: real entities imported (properties first, ids kept), read back as
 * Turtle, N-Triples and RDF/XML and compared with what the mapping writes in-process for the same JSON, with
 * datatypes, URI patterns (P1921) and stub terms (en, mul) taken independently from the imported fixtures.
 * rdf-service answers from its own index (kept by its diff worker) and S3: each write is awaited in the index before
 * it is read, and the routes answer with entity-service killed.
 */
@QuarkusTest
@WithTestResource(value = EntityServiceResource.class, initArgs = @ResourceArg(name = "label", value = "rdf_routes"))
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RdfRoutesIT {

    private static final String API = "/v1/entitybase";
    private static final String[] ITEMS = {"Q42", "Q1", "L42"};

    EntityServiceUnderTest entities;

    private final Map<EntityId, EntityStub> stubs = new HashMap<>();
    private final Map<String, String> datatypes = new HashMap<>();
    private final Map<String, String> patterns = new HashMap<>();
    private final Map<String, Long> revisions = new HashMap<>();
    private long oldQ571;

    private boolean imported;

    /**
     * Once per class, before the first test: not in a {@code @BeforeAll}, since RestAssured points at this service
     * (the index waits below) only from each test's set-up on.
     */
    @BeforeEach
    void importEntities() {
        if (imported) {
            return;
        }
        List<FixtureEntity> all = new ArrayList<>(WikidataFixtures.entities());
        all.sort((a, b) ->
                Boolean.compare(!a.type().equals("property"), !b.type().equals("property")));
        for (FixtureEntity fixture : all) {
            boolean wanted = fixture.type().equals("property") || List.of(ITEMS).contains(fixture.id());
            if (!wanted) {
                continue;
            }
            revisions.put(fixture.id(), importJson(fixture.json()));
            JsonNode tree = WikidataFixtures.tree(fixture.json());
            Entity entity = WikibaseJsonReader.lenient().readEntity(fixture.json());
            stubs.put(entity.id(), EntityStub.of(entity));
            if (tree.has("datatype")) {
                datatypes.put(fixture.id(), tree.get("datatype").asText());
                JsonNode pattern = tree.path("claims")
                        .path("P1921")
                        .path(0)
                        .path("mainsnak")
                        .path("datavalue")
                        .path("value");
                if (pattern.isTextual()) {
                    patterns.put(fixture.id(), pattern.asText());
                }
            }
        }
        List<FixtureRevision> q571 = WikidataFixtures.revisions().stream()
                .filter(r -> r.id().equals("Q571"))
                .toList();
        oldQ571 = importJson(q571.get(0).entity().json());
        revisions.put("Q571", importJson(q571.get(q571.size() - 1).entity().json()));
        imported = true;
    }

    @Test
    @Order(1)
    void everyFormatIsTheMappingOfTheStoredJson() {
        for (String id : ITEMS) {
            String json = entityJson("/entities/" + id);
            for (String[] f : new String[][] {
                {"ttl", "text/turtle; charset=utf-8"},
                {"nt", "application/n-triples; charset=utf-8"},
                {"rdf", "application/rdf+xml; charset=utf-8"}
            }) {
                Response response = RestAssured.get(API + "/entities/" + id + "." + f[0]);
                assertThat(response.statusCode())
                        .as(id + "." + f[0] + ": " + response.asString())
                        .isEqualTo(200);
                assertThat(response.contentType()).isEqualTo(f[1]);
                assertThat(response.header("ETag")).isEqualTo("\"" + revisions.get(id) + "\"");
                Response entityData = RestAssured.get(API + "/wiki/Special:EntityData/" + id + "." + f[0]);
                assertThat(entityData.statusCode()).isEqualTo(200);
                assertThat(entityData.contentType()).isEqualTo(f[1]);
                assertThat(entityData.asByteArray()).isEqualTo(response.asByteArray());
                Model actual = parse(response.asByteArray(), format(f[0]));
                Model expected = expected(json, Flavor.FULL);
                assertThat(Models.isomorphic(actual, expected))
                        .as("%s.%s: %d triples, expected %d", id, f[0], actual.size(), expected.size())
                        .isTrue();
            }
        }
    }

    @Test
    @Order(2)
    void dumpFlavorOlderRevisionsAndTheRevisionRoute() {
        Model dump =
                parse(RestAssured.get(API + "/entities/Q42.ttl?flavor=dump").asByteArray(), RDFFormat.TURTLE);
        assertThat(Models.isomorphic(dump, expected(entityJson("/entities/Q42"), Flavor.FULL_DUMP)))
                .isTrue();
        assertThat(dump.size())
                .isLessThan(parse(RestAssured.get(API + "/entities/Q42.ttl").asByteArray(), RDFFormat.TURTLE)
                        .size());

        String oldJson = entityJson("/entities/Q571/revision/" + oldQ571);
        Response byQuery = RestAssured.get(API + "/entities/Q571.nt?revision=" + oldQ571);
        Response byRoute = RestAssured.get(API + "/entities/Q571/revision/" + oldQ571 + ".nt");
        assertThat(byQuery.statusCode()).isEqualTo(200);
        assertThat(byQuery.header("ETag")).isEqualTo("\"" + oldQ571 + "\"");
        assertThat(byRoute.asString()).isEqualTo(byQuery.asString());
        Model old = parse(byQuery.asByteArray(), RDFFormat.NTRIPLES);
        assertThat(Models.isomorphic(old, expected(oldJson, Flavor.FULL))).isTrue();
        Model head = parse(RestAssured.get(API + "/entities/Q571.nt").asByteArray(), RDFFormat.NTRIPLES);
        assertThat(Models.isomorphic(old, head)).isFalse();

        assertThat(RestAssured.given()
                        .header("If-None-Match", "\"" + revisions.get("Q42") + "\"")
                        .get(API + "/entities/Q42.ttl")
                        .statusCode())
                .isEqualTo(304);
    }

    @Test
    @Order(3)
    void errorsAreEntityServicesOrOurs() {
        error(RestAssured.get(API + "/entities/Q987654321.ttl"), 404, "entity-not-found");
        error(RestAssured.get(API + "/entities/Q42x.ttl"), 400, "invalid-entity-id");
        error(RestAssured.get(API + "/entities/Q42.ttl?flavor=bogus"), 400, "invalid-flavor");
        error(RestAssured.get(API + "/entities/Q42.ttl?revision=abc"), 400, "invalid-parameter");
        error(RestAssured.get(API + "/entities/Q42/revision/999999.ttl"), 404, null);
        error(RestAssured.get(API + "/entities/Q42.json"), 404, "unknown-rdf-format");

        long created = importJson(
                "{\"type\":\"item\",\"id\":\"Q990001\",\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"doomed\"}}}");
        assertThat(created).isPositive();
        assertThat(writer().delete(entities.apiUrl() + "/entities/Q990001").statusCode())
                .isEqualTo(200);
        awaitIndexed("Q990001", created + 1); // the tombstone: revision ids count per entity
        error(RestAssured.get(API + "/entities/Q990001.ttl"), 410, "entity-deleted");
        // Special:EntityData: a deleted entity is missing, as on Wikidata
        error(RestAssured.get(API + "/wiki/Special:EntityData/Q990001.ttl"), 404, "entity-deleted");
        error(RestAssured.get(API + "/wiki/Special:EntityData/Q987654321.nt"), 404, "entity-not-found");
    }

    @Test
    @Order(4)
    void redirectsAnswer308AndARedirectRevisionIsItsSameAs() {
        importJson(
                "{\"type\":\"item\",\"id\":\"Q990002\",\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"merged\"}}}");
        Response redirected =
                writer().body("{\"from\":\"Q990002\",\"to\":\"Q42\"}").post(entities.apiUrl() + "/redirects");
        assertThat(redirected.statusCode()).as(redirected.asString()).isEqualTo(200);
        long revision = redirected.jsonPath().getLong("revision_id");
        awaitIndexed("Q990002", revision);

        Response response =
                RestAssured.given().redirects().follow(false).get(API + "/entities/Q990002.ttl?flavor=dump");
        assertThat(response.statusCode()).isEqualTo(308);
        assertThat(response.header("Location")).endsWith("/entities/Q42.ttl?flavor=dump");
        Response entityData = RestAssured.given()
                .redirects()
                .follow(false)
                .get(API + "/wiki/Special:EntityData/Q990002.ttl?flavor=dump");
        assertThat(entityData.statusCode()).isEqualTo(301);
        assertThat(entityData.header("Location")).endsWith(API + "/wiki/Special:EntityData/Q42.ttl?flavor=dump");

        Model sameAs = parse(
                RestAssured.get(API + "/entities/Q990002/revision/" + revision + ".nt?flavor=dump")
                        .asByteArray(),
                RDFFormat.NTRIPLES);
        assertThat(sameAs).hasSize(1);
        assertThat(sameAs.iterator().next().getPredicate().stringValue())
                .isEqualTo("http://www.w3.org/2002/07/owl#sameAs");
    }

    @Test
    @Order(5)
    void theRoutesAnswerWithEntityServiceKilled() {
        Response before = RestAssured.get(API + "/entities/Q1.ttl?flavor=dump");
        assertThat(before.statusCode()).isEqualTo(200);
        entities.entityService().kill();
        try {
            Response response = RestAssured.get(API + "/entities/Q1.ttl?flavor=dump");
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            assertThat(Models.isomorphic(
                            parse(response.asByteArray(), RDFFormat.TURTLE),
                            parse(before.asByteArray(), RDFFormat.TURTLE)))
                    .isTrue();
            Response full = RestAssured.get(API + "/entities/Q42.nt");
            assertThat(full.statusCode()).as(full.asString()).isEqualTo(200);
            Response old = RestAssured.get(API + "/entities/Q571/revision/" + oldQ571 + ".ttl");
            assertThat(old.statusCode()).as(old.asString()).isEqualTo(200);
            error(RestAssured.get(API + "/entities/Q990001.ttl"), 410, "entity-deleted");
            // Special:EntityData: a deleted entity is missing, as on Wikidata
            error(RestAssured.get(API + "/wiki/Special:EntityData/Q990001.ttl"), 404, "entity-deleted");
            error(RestAssured.get(API + "/wiki/Special:EntityData/Q987654321.nt"), 404, "entity-not-found");
        } finally {
            entities.entityService().restart();
        }
    }

    private Model expected(String json, Flavor flavor) {
        Entity entity = WikibaseJsonReader.lenient().readEntity(json);
        StatementCollector collector = new StatementCollector();
        EntityRdfWriter.builder(RdfVocabulary.wikidata(), flavor)
                .datatypes(datatypes::get)
                .externalIdUris(patterns::get)
                .stubs(stubs::get)
                .stubLanguages(List.of("en", "mul"))
                .sites(WikimediaSites.INSTANCE)
                .build(collector)
                .writeDocument(entity);
        return new LinkedHashModel(collector.getStatements());
    }

    private static void error(Response response, int status, String code) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        if (code != null) {
            assertThat(response.jsonPath().getString("code")).isEqualTo(code);
            assertThat(response.jsonPath().getString("message")).isNotBlank();
        }
    }

    private io.restassured.specification.RequestSpecification writer() {
        return RestAssured.given().header("X-User-ID", 3).contentType(ContentType.JSON);
    }

    /** Imports through entity-service and waits until rdf-service's index has the new revision. */
    private long importJson(String json) {
        Response response = writer().body(json).post(entities.apiUrl() + "/import");
        assertThat(response.statusCode()).as(response.asString()).isIn(200, 201);
        long revision = Long.parseLong(response.header("ETag").replace("\"", ""));
        awaitIndexed(response.jsonPath().getString("id"), revision);
        return revision;
    }

    /** Until rdf-service answers for the revision (its diff worker trails the write path). */
    private static void awaitIndexed(String id, long revision) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            int status = RestAssured.get(API + "/entities/" + id + "/revision/" + revision + ".nt?flavor=dump")
                    .statusCode();
            if (status == 200 || status == 410) {
                return;
            }
            assertThat(System.nanoTime())
                    .as("%s r%d indexed by rdf-service", id, revision)
                    .isLessThan(deadline);
        }
    }

    private String entityJson(String path) {
        Response response = RestAssured.get(entities.apiUrl() + path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.asString();
    }

    private static RDFFormat format(String extension) {
        return switch (extension) {
            case "ttl" -> RDFFormat.TURTLE;
            case "nt" -> RDFFormat.NTRIPLES;
            default -> RDFFormat.RDFXML;
        };
    }

    static Model parse(byte[] bytes, RDFFormat format) {
        try {
            return Rio.parse(new ByteArrayInputStream(bytes), "", format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
