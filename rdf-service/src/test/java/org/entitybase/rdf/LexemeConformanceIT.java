package org.entitybase.rdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.entitybase.model.id.EntityId;
import org.entitybase.rdf.mapping.EntityStub;
import org.entitybase.rdf.mapping.LexemePartGraphs;
import org.entitybase.rdf.mapping.RdfComparison;
import org.entitybase.rdf.mapping.WikidataPairEnvironment;
import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.WikidataPair;
import org.entitybase.testkit.stack.EntityServiceUnderTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lexeme, form and sense RDF after sub-resource edits, against Wikidata's own Turtle: the real lexemes L42, L1883 and
 * L42353 are imported (ids kept) through a real entity-service, with every entity their Wikidata documents mention
 * built from those documents (terms of the stubs, property datatypes, P1921 URI patterns: what the pair conformance
 * hands the mapping, here as entities on the stack); each lexeme then goes through a chain of edits on the lexeme
 * routes that undoes itself (a form added, a representation changed, a sense added, a gloss changed, a statement
 * added to a form, then each undone), and rdf-service's Turtle of the lexeme and of each form and sense by its own id
 * must be isomorphic to Wikidata's ({@link LexemePartGraphs} for the parts) up to what the stack cannot share with
 * Wikidata: the revision id and timestamp on the data node, and the {@code owl:sameAs} of entities that redirect to
 * the lexeme (rdf-service does not list incoming redirects).
 */
@QuarkusTest
@WithTestResource(value = EntityServiceResource.class, initArgs = @ResourceArg(name = "label", value = "rdf_lexemes"))
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LexemeConformanceIT {

    private static final String API = "/v1/entitybase";
    private static final List<String> LEXEMES = List.of("L42", "L1883", "L42353");
    private static final String SCRATCH_PROPERTY = "P999901";
    private static final String DATA = "https://www.wikidata.org/wiki/Special:EntityData/";
    private static final String WD = "http://www.wikidata.org/entity/";
    private static final ObjectMapper JSON = new ObjectMapper();

    EntityServiceUnderTest entities;

    @Test
    void lexemesFormsAndSensesAreWikidatasAfterAnEditChainThatUndoesItself() {
        Map<String, WikidataPairEnvironment> environments = new LinkedHashMap<>();
        for (WikidataPair pair : WikidataFixtures.wikidataPairs()) {
            if (LEXEMES.contains(pair.id())) {
                environments.put(pair.id(), WikidataPairEnvironment.of(pair));
            }
        }
        assertThat(environments).hasSize(LEXEMES.size());
        long started = System.nanoTime();
        Map<String, Long> imported = new LinkedHashMap<>();
        importMentioned(environments, imported);
        int mentioned = imported.size();
        imported.put(
                SCRATCH_PROPERTY, importJson(property(SCRATCH_PROPERTY, "string", Map.of("en", "form note"), null)));

        List<String> failures = new ArrayList<>();
        int documents = 0;
        int lexemesPassed = 0;
        for (WikidataPair pair : WikidataFixtures.wikidataPairs()) {
            if (!LEXEMES.contains(pair.id())) {
                continue;
            }
            String id = pair.id();
            long first = importJson(pair.entity().json());
            imported.put(id, first);
            awaitAll(imported);
            long last = editAndUndo(id, first);
            assertThat(last).as("%s: one revision per step", id).isGreaterThanOrEqualTo(first + 8);
            awaitIndexed(id, last);

            WikidataPairEnvironment environment = environments.get(id);
            List<String> ids = new ArrayList<>(List.of(id));
            JsonNode lexeme = tree(RestAssured.get(entities.apiUrl() + "/entities/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            lexeme.path("forms").forEach(f -> ids.add(f.get("id").asText()));
            lexeme.path("senses").forEach(s -> ids.add(s.get("id").asText()));
            boolean all = true;
            for (String document : ids) {
                documents++;
                EntityId documentId = EntityId.parse(document);
                Model expected = comparable(
                        documentId.isLexemePart()
                                ? LexemePartGraphs.partDocument(environment.expected, documentId)
                                : environment.expected,
                        id);
                Response response = RestAssured.get(API + "/entities/" + document + ".ttl");
                assertThat(response.statusCode())
                        .as(document + ": " + response.asString())
                        .isEqualTo(200);
                assertThat(response.header("ETag")).isEqualTo("\"" + last + "\"");
                Model actual = comparable(parse(response.asByteArray(), RDFFormat.TURTLE), id);
                if (!RdfComparison.isomorphic(actual, expected)) {
                    all = false;
                    failures.add(document + " (" + actual.size() + " vs " + expected.size() + " triples):\n"
                            + RdfComparison.groundDiff(expected, actual));
                }
            }
            if (all) {
                lexemesPassed++;
            }
        }
        System.out.printf(
                "lexeme conformance %d/%d (%d documents: lexemes, forms and senses by id; %d mentioned entities"
                        + " imported; %d ms)%n",
                lexemesPassed, LEXEMES.size(), documents, mentioned, (System.nanoTime() - started) / 1_000_000);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    /**
     * The chain on the lexeme routes, each step one revision, then each step undone (the form and sense added are
     * removed: their ids are not reused, which RDF does not show). While the added form exists its RDF is served by
     * id, also later {@code ?revision=}; once removed, 404. Returns the last revision.
     */
    private long editAndUndo(String id, long first) {
        JsonNode lexeme = tree(RestAssured.get(entities.apiUrl() + "/entities/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode form = lexeme.path("forms").path(0);
        String formId = form.get("id").asText();
        Map.Entry<String, JsonNode> representation =
                form.get("representations").fields().next();
        String lexemeRoute = "/entities/lexemes/" + id;

        Response addedForm = write(
                writer().body("{\"representations\":{\"en\":{\"language\":\"en\",\"value\":\"zz-added\"}},"
                        + "\"grammaticalFeatures\":[]}"),
                "POST",
                lexemeRoute + "/forms",
                201);
        String newForm = addedForm.jsonPath().getString("form.id");
        long withNewForm = revision(addedForm);
        write(
                writer().body(text("zz-changed")),
                "PUT",
                lexemeRoute + "/forms/" + formId + "/representations/" + representation.getKey(),
                200);
        Response addedSense = write(
                writer().body("{\"glosses\":{\"en\":{\"language\":\"en\",\"value\":\"zz sense\"}}}"),
                "POST",
                lexemeRoute + "/senses",
                201);
        String newSense = addedSense.jsonPath().getString("sense.id");
        JsonNode sense = lexeme.path("senses").path(0);
        Map.Entry<String, JsonNode> gloss =
                sense.isMissingNode() ? null : sense.get("glosses").fields().next();
        if (gloss != null) {
            write(
                    writer().body(text("zz gloss")),
                    "PUT",
                    lexemeRoute + "/senses/" + sense.get("id").asText() + "/glosses/" + gloss.getKey(),
                    200);
        }
        Response statement = write(
                writer().body("{\"mainsnak\":{\"snaktype\":\"value\",\"property\":\"" + SCRATCH_PROPERTY
                        + "\",\"datavalue\":{\"value\":\"zz\",\"type\":\"string\"}},\"type\":\"statement\","
                        + "\"rank\":\"normal\"}"),
                "POST",
                "/entities/" + formId + "/properties/" + SCRATCH_PROPERTY,
                201);
        String guid = statement.jsonPath().getString("statements[0].id");

        // undo, last step first
        write(writer(), "DELETE", "/entities/" + formId + "/statements/" + guid, 200);
        if (gloss != null) {
            write(
                    writer().body(text(gloss.getValue().get("value").asText())),
                    "PUT",
                    lexemeRoute + "/senses/" + sense.get("id").asText() + "/glosses/" + gloss.getKey(),
                    200);
        }
        write(writer(), "DELETE", lexemeRoute + "/senses/" + newSense, 200);
        write(
                writer().body(text(representation.getValue().get("value").asText())),
                "PUT",
                lexemeRoute + "/forms/" + formId + "/representations/" + representation.getKey(),
                200);
        long last = revision(write(writer(), "DELETE", lexemeRoute + "/forms/" + newForm, 200));

        awaitIndexed(id, last);
        Response then = RestAssured.get(API + "/entities/" + newForm + ".nt?revision=" + withNewForm);
        assertThat(then.statusCode()).as(then.asString()).isEqualTo(200);
        assertThat(then.header("ETag")).isEqualTo("\"" + withNewForm + "\"");
        assertThat(then.asString()).contains("\"zz-added\"@en");
        assertThat(RestAssured.get(API + "/entities/" + newForm + "/revision/" + withNewForm + ".nt")
                        .asString())
                .isEqualTo(then.asString());
        error(RestAssured.get(API + "/entities/" + newForm + ".ttl"), 404, "entity-not-found");
        error(RestAssured.get(API + "/entities/" + newSense + ".rdf"), 404, "entity-not-found");
        error(RestAssured.get(API + "/entities/" + id + "-F999.ttl"), 404, "entity-not-found");
        Response xml = RestAssured.get(API + "/entities/" + formId + ".rdf");
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.contentType()).isEqualTo("application/rdf+xml; charset=utf-8");
        assertThat(RestAssured.given()
                        .header("If-None-Match", "\"" + last + "\"")
                        .get(API + "/entities/" + formId + ".ttl")
                        .statusCode())
                .isEqualTo(304);
        return last;
    }

    /**
     * Every entity the lexemes' Wikidata documents mention (other than the three lexemes and their parts), as the
     * stack needs it to write the same stubs and values: properties with their datatype and P1921, items with their
     * terms, other lexemes with the forms and senses mentioned of them.
     */
    private void importMentioned(Map<String, WikidataPairEnvironment> environments, Map<String, Long> imported) {
        Map<EntityId, EntityStub> stubs = new TreeMap<>();
        Map<String, String> patterns = new TreeMap<>();
        for (WikidataPairEnvironment environment : environments.values()) {
            environment.stubsById.forEach((id, stub) -> {
                if (!LEXEMES.contains(id.container().value()) && !stub.isRedirect()) {
                    stubs.put(id, stub);
                }
            });
            patterns.putAll(environment.uriPatternsById);
        }
        Map<String, String> datatypes = WikidataFixtures.propertyDatatypes();
        if (!patterns.isEmpty() && !stubs.containsKey(EntityId.parse("P1921"))) {
            imported.put("P1921", importJson(property("P1921", "string", Map.of(), null)));
        }
        Map<EntityId, ObjectNode> lexemes = new TreeMap<>();
        // P1921 first: the other properties' formatter statements use it
        List<EntityId> order = new ArrayList<>(stubs.keySet());
        order.sort(
                (a, b) -> Boolean.compare(!a.value().equals("P1921"), !b.value().equals("P1921")));
        Map<String, String> bodies = new LinkedHashMap<>();
        for (EntityId id : order) {
            EntityStub stub = stubs.get(id);
            switch (id.type()) {
                case PROPERTY ->
                    bodies.put(
                            id.value(),
                            property(
                                    id.value(),
                                    datatypes.get(id.value()),
                                    stub.labels(),
                                    stub.descriptions(),
                                    patterns.get(id.value())));
                case ITEM -> {
                    ObjectNode item =
                            JSON.createObjectNode().put("type", "item").put("id", id.value());
                    item.set("labels", terms(stub.labels()));
                    item.set("descriptions", terms(stub.descriptions()));
                    bodies.put(id.value(), item.toString());
                }
                case LEXEME -> lexeme(lexemes, id).set("lemmas", terms(stub.labels()));
                case FORM -> {
                    ObjectNode form = JSON.createObjectNode().put("id", id.value());
                    form.set("representations", terms(stub.labels()));
                    form.set("grammaticalFeatures", JSON.createArrayNode());
                    ((ArrayNode) lexeme(lexemes, id.container()).get("forms")).add(form);
                }
                case SENSE -> {
                    ObjectNode sense = JSON.createObjectNode().put("id", id.value());
                    sense.set("glosses", terms(stub.labels()));
                    ((ArrayNode) lexeme(lexemes, id.container()).get("senses")).add(sense);
                }
                default -> throw new IllegalStateException("no import for the stub of " + id);
            }
        }
        lexemes.forEach((id, json) -> bodies.put(id.value(), json.toString()));
        String formatter = bodies.remove("P1921");
        if (formatter != null) {
            imported.put("P1921", importJson(formatter)); // before the properties whose statements use it
        }
        // ~150 independent imports: a few at a time
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            Map<String, Future<Long>> revisions = new LinkedHashMap<>();
            bodies.forEach((id, body) -> revisions.put(id, pool.submit(() -> importJson(body))));
            for (Map.Entry<String, Future<Long>> revision : revisions.entrySet()) {
                imported.put(revision.getKey(), revision.getValue().get());
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("importing the mentioned entities", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A lexeme to hold mentioned forms and senses: a placeholder lemma unless the lexeme is mentioned itself. */
    private static ObjectNode lexeme(Map<EntityId, ObjectNode> lexemes, EntityId id) {
        return lexemes.computeIfAbsent(id, k -> {
            ObjectNode json = JSON.createObjectNode().put("type", "lexeme").put("id", k.value());
            json.set("lemmas", terms(Map.of("en", "placeholder")));
            json.put("lexicalCategory", "Q1084").put("language", "Q1860");
            json.set("forms", JSON.createArrayNode());
            json.set("senses", JSON.createArrayNode());
            return json;
        });
    }

    private static String property(
            String id, String datatype, Map<String, String> labels, Map<String, String> descriptions) {
        return property(id, datatype, labels, descriptions, null);
    }

    private static String property(
            String id, String datatype, Map<String, String> labels, Map<String, String> descriptions, String pattern) {
        assertThat(datatype).as("datatype of %s", id).isNotNull();
        ObjectNode json =
                JSON.createObjectNode().put("type", "property").put("id", id).put("datatype", datatype);
        json.set("labels", terms(labels));
        json.set("descriptions", terms(descriptions == null ? Map.of() : descriptions));
        if (pattern != null) {
            ObjectNode statement =
                    JSON.createObjectNode().put("type", "statement").put("rank", "normal");
            ObjectNode snak =
                    statement.putObject("mainsnak").put("snaktype", "value").put("property", "P1921");
            snak.putObject("datavalue").put("value", pattern).put("type", "string");
            json.putObject("claims").putArray("P1921").add(statement);
        }
        return json.toString();
    }

    private static ObjectNode terms(Map<String, String> texts) {
        ObjectNode terms = JSON.createObjectNode();
        texts.forEach((language, value) ->
                terms.putObject(language).put("language", language).put("value", value));
        return terms;
    }

    /**
     * Without what the stack cannot share with Wikidata: {@code schema:version} and {@code schema:dateModified} of
     * the data node, and {@code owl:sameAs} triples of entities redirecting to the lexeme.
     */
    private static Model comparable(Model model, String lexeme) {
        Model out = new LinkedHashModel();
        for (Statement s : model) {
            String predicate = s.getPredicate().stringValue();
            boolean revisionMetadata = s.getSubject().stringValue().startsWith(DATA)
                    && (predicate.equals("http://schema.org/version")
                            || predicate.equals("http://schema.org/dateModified"));
            boolean incomingRedirect = predicate.equals("http://www.w3.org/2002/07/owl#sameAs")
                    && s.getObject().stringValue().equals(WD + lexeme);
            if (!revisionMetadata && !incomingRedirect) {
                out.add(s);
            }
        }
        return out;
    }

    private Response write(RequestSpecification request, String method, String path, int status) {
        Response response = request.request(method, entities.apiUrl() + path);
        assertThat(response.statusCode())
                .as("%s %s: %s", method, path, response.asString())
                .isEqualTo(status);
        return response;
    }

    private static long revision(Response response) {
        return Long.parseLong(response.header("ETag").replace("\"", "").replace("W/", ""));
    }

    private static String text(String value) {
        return JSON.createObjectNode().put("value", value).toString();
    }

    private static RequestSpecification writer() {
        return RestAssured.given().header("X-User-ID", 3).contentType(ContentType.JSON);
    }

    /** Imports through entity-service (ids kept); the index is awaited later, all at once. */
    private long importJson(String json) {
        Response response = writer().body(json).post(entities.apiUrl() + "/import");
        assertThat(response.statusCode()).as(response.asString()).isIn(200, 201);
        return revision(response);
    }

    /** Awaits each import once: those seen indexed leave {@code imported}. */
    private static void awaitAll(Map<String, Long> imported) {
        imported.forEach(LexemeConformanceIT::awaitIndexed);
        imported.clear();
    }

    /** Until rdf-service answers for the revision (its diff worker trails the write path). */
    private static void awaitIndexed(String id, long revision) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (RestAssured.get(API + "/entities/" + id + "/revision/" + revision + ".nt?flavor=dump")
                        .statusCode()
                != 200) {
            assertThat(System.nanoTime())
                    .as("%s r%d indexed by rdf-service", id, revision)
                    .isLessThan(deadline);
        }
    }

    private static void error(Response response, int status, String code) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        if (code != null) {
            assertThat(response.jsonPath().getString("code")).isEqualTo(code);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Model parse(byte[] bytes, RDFFormat format) {
        try {
            return Rio.parse(new ByteArrayInputStream(bytes), "", format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
