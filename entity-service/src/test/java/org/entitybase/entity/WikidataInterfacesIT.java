package org.entitybase.entity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.wikidata.wdtk.datamodel.helpers.Datamodel;
import org.wikidata.wdtk.datamodel.helpers.JsonDeserializer;
import org.wikidata.wdtk.datamodel.interfaces.EntityDocument;
import org.wikidata.wdtk.wikibaseapi.BasicApiConnection;
import org.wikidata.wdtk.wikibaseapi.WikibaseDataFetcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.entitybase.entity.support.Api;
import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.FixtureEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.reader;
import static org.entitybase.entity.support.Api.writer;

/**
 * Wikidata's read interfaces on the real stack, with real entities of shared/data: {@code Special:EntityData} (Q42,
 * a lexeme's form, a redirect, a missing id) and the action API's {@code wbgetentities} and {@code wbgetclaims},
 * including Wikidata Toolkit's own client reading our answers.
 */
@QuarkusTest
class WikidataInterfacesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MISSING = "Q987654321"; // Wikidata Toolkit takes int ids only
    private static final String Q42_P31 = "Q42$F078E5B3-F9A8-480E-B7AC-D97778CBBEF9";

    private static String redirect;

    /** Q42 and L42 imported as Wikidata has them, and a fresh item redirected to Q42 (once per run). */
    private static synchronized String redirectToQ42() {
        if (redirect == null) {
            for (String id : List.of("Q42", "L42")) {
                Response imported = writer(3).body(fixture(id)).post(path("/import"));
                assertThat(imported.statusCode()).as(imported.asString()).isIn(200, 201);
            }
            Response created = writer(3)
                    .body("{\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"Douglas Adams (duplicate)\"}}}")
                    .post(path("/entities/items"));
            assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
            String from = created.jsonPath().getString("id");
            Response redirected =
                    writer(3).body(Map.of("from", from, "to", "Q42")).post(path("/redirects"));
            assertThat(redirected.statusCode()).as(redirected.asString()).isEqualTo(200);
            redirect = from;
        }
        return redirect;
    }

    private static String fixture(String id) {
        return WikidataFixtures.entities().stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow()
                .json();
    }

    private static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }

    private static Response entityData(String file) {
        return reader().get(path("/wiki/Special:EntityData/" + file));
    }

    private static Response api(String query) {
        return reader().get(path("/w/api.php?format=json&" + query));
    }

    @Test
    void ourEntityRouteAnswersJsonBySuffix() {
        String id = EntityApiIT.createdId("items", EntityApiIT.item("json by suffix"));
        Response plain = reader().get(path("/entities/" + id));
        // the suffix wins over an Accept that prefers RDF (which gets a 303 without it)
        Response json = reader().header("Accept", "text/turtle").get(path("/entities/" + id + ".json"));
        assertThat(json.statusCode()).as(json.asString()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.asString()).isEqualTo(plain.asString());
        assertThat(json.header("ETag")).isEqualTo(plain.header("ETag"));
        assertThat(reader().get(path("/entities/" + id + ".json?revision=1"))
                        .jsonPath()
                        .getString("id"))
                .isEqualTo(id);
        assertThat(reader().get(path("/entities/Q999999999999.json")).statusCode())
                .isEqualTo(404);
        assertThat(reader().get(path("/entities/nope.json")).statusCode()).isEqualTo(400);
    }

    @Test
    void entityDataJsonIsTheEntityInWikidatasEnvelope() throws Exception {
        redirectToQ42();
        Response data = entityData("Q42.json");
        assertThat(data.statusCode()).as(data.asString()).isEqualTo(200);
        assertThat(data.contentType()).startsWith("application/json");
        Response own = reader().get(path("/entities/Q42"));
        assertThat(data.header("ETag")).isEqualTo(own.header("ETag"));
        JsonNode envelope = tree(data.asString());
        assertThat(envelope.get("entities").size()).isEqualTo(1);
        assertThat(envelope.get("entities").get("Q42")).isEqualTo(tree(own.asString()));

        long revision = own.jsonPath().getLong("lastrevid");
        Response atRevision = entityData("Q42.json?revision=" + revision);
        assertThat(atRevision.statusCode()).isEqualTo(200);
        assertThat(atRevision.jsonPath().getLong("entities.Q42.lastrevid")).isEqualTo(revision);

        Response notModified =
                reader().header("If-None-Match", own.header("ETag")).get(path("/wiki/Special:EntityData/Q42.json"));
        assertThat(notModified.statusCode()).isEqualTo(304);
    }

    @Test
    void withoutSuffixContentNegotiationAnswers303() {
        Response json = entityData("Q42?revision=1&flavor=dump");
        assertThat(json.statusCode()).isEqualTo(303);
        assertThat(json.header("Location")).endsWith(path("/wiki/Special:EntityData/Q42.json?revision=1&flavor=dump"));
        Response turtle = reader().accept("text/turtle").get(path("/wiki/Special:EntityData/Q42"));
        assertThat(turtle.statusCode()).isEqualTo(303);
        assertThat(turtle.header("Location")).endsWith(path("/wiki/Special:EntityData/Q42.ttl"));
        Response rdfXml = reader().accept("application/rdf+xml").get(path("/wiki/Special:EntityData/L42-F1"));
        assertThat(rdfXml.header("Location")).endsWith(path("/wiki/Special:EntityData/L42-F1.rdf"));
    }

    @Test
    void redirectsMissingAndBadIdsAnswerAsWikidata() {
        String from = redirectToQ42();
        Response redirected = entityData(from + ".json?flavor=simple");
        assertThat(redirected.statusCode()).isEqualTo(301);
        assertThat(redirected.header("Location")).endsWith(path("/wiki/Special:EntityData/Q42.json?flavor=simple"));

        assertThat(entityData(MISSING + ".json").statusCode()).isEqualTo(404);
        Response invalid = entityData("Qfoo.json");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.jsonPath().getString("code")).isEqualTo("invalid-entity-id");
        assertThat(entityData("Q42.xyz").statusCode()).isEqualTo(415);
        assertThat(entityData("Q42.json?revision=abc").statusCode()).isEqualTo(400);
        assertThat(entityData("Q42.json?revision=1").statusCode()).isIn(200, 404);
    }

    @Test
    void formsAndSensesHaveTheirOwnEntityData() throws Exception {
        redirectToQ42();
        JsonNode lexeme = tree(fixture("L42"));
        String form = lexeme.get("forms").get(0).get("id").asText();
        Response data = entityData(form + ".json");
        assertThat(data.statusCode()).as(data.asString()).isEqualTo(200);
        JsonNode entity = tree(data.asString()).get("entities").get(form);
        assertThat(entity.get("id").asText()).isEqualTo(form);
        assertThat(entity.get("type").asText()).isEqualTo("form");
        assertThat(entity.get("representations"))
                .isEqualTo(lexeme.get("forms").get(0).get("representations"));
    }

    @Test
    void wbgetentitiesAnswersFoundMissingAndRedirectedIdsInOrder() throws Exception {
        String from = redirectToQ42();
        Response answer = api("action=wbgetentities&ids=Q42|" + MISSING + "|" + from);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        JsonNode body = tree(answer.asString());
        assertThat(body.get("success").asInt()).isEqualTo(1);
        assertThat(body.get("entities").fieldNames()).toIterable().containsExactly("Q42", MISSING, from);
        assertThat(body.get("entities").get("Q42"))
                .isEqualTo(tree(reader().get(path("/entities/Q42")).asString()));
        assertThat(body.get("entities").get(MISSING)).isEqualTo(tree("{\"id\":\"" + MISSING + "\",\"missing\":\"\"}"));
        JsonNode resolved = body.get("entities").get(from);
        assertThat(resolved.get("id").asText()).isEqualTo("Q42");
        assertThat(resolved.get("redirects")).isEqualTo(tree("{\"from\":\"" + from + "\",\"to\":\"Q42\"}"));

        JsonNode unresolved = tree(api("action=wbgetentities&redirects=no&formatversion=2&ids=" + from)
                .asString());
        assertThat(unresolved.get("entities").get(from)).isEqualTo(tree("{\"id\":\"" + from + "\",\"missing\":true}"));
    }

    @Test
    void wbgetentitiesFiltersByPropsAndLanguagesAndFindsBySitelink() throws Exception {
        redirectToQ42();
        // the sample Q42 has labels in ar and az (and none in en): ask for two of them and one it lacks
        JsonNode labels = tree(api("action=wbgetentities&ids=Q42&props=labels|nonsense&languages=ar|az|xx")
                .asString());
        JsonNode q42 = labels.get("entities").get("Q42");
        assertThat(q42.fieldNames()).toIterable().containsExactlyInAnyOrder("type", "id", "labels");
        assertThat(q42.get("labels").fieldNames()).toIterable().containsExactlyInAnyOrder("ar", "az");
        assertThat(labels.get("warnings").get("wbgetentities").get("*").asText())
                .contains("nonsense");

        Response bySitelink = reader().contentType("application/x-www-form-urlencoded")
                .formParam("action", "wbgetentities")
                .formParam("sites", "enwiki")
                .formParam("titles", "Douglas Adams|No such page at all")
                .formParam("props", "info")
                .post(path("/w/api.php"));
        assertThat(bySitelink.statusCode()).as(bySitelink.asString()).isEqualTo(200);
        JsonNode entities = tree(bySitelink.asString()).get("entities");
        assertThat(entities.fieldNames()).toIterable().containsExactly("Q42", "-1");
        assertThat(entities.get("Q42").get("lastrevid").asLong()).isPositive();
        assertThat(entities.get("-1"))
                .isEqualTo(tree("{\"site\":\"enwiki\",\"title\":\"No such page at all\",\"missing\":\"\"}"));
    }

    @Test
    void wbgetclaimsSelectsByPropertyGuidAndRank() throws Exception {
        redirectToQ42();
        JsonNode p31 = tree(api("action=wbgetclaims&entity=Q42&property=P31").asString())
                .get("claims");
        assertThat(p31.fieldNames()).toIterable().containsExactly("P31");
        assertThat(p31.get("P31").get(0).get("id").asText()).isEqualTo(Q42_P31);
        assertThat(p31.get("P31").get(0).has("references")).isTrue();

        JsonNode one = tree(api("action=wbgetclaims&props=&claim=" + Q42_P31).asString())
                .get("claims");
        assertThat(one.get("P31").size()).isEqualTo(1);
        assertThat(one.get("P31").get(0).has("references")).isFalse();

        JsonNode deprecated = tree(api("action=wbgetclaims&entity=Q42&rank=deprecated")
                        .asString())
                .get("claims");
        int count = 0;
        for (JsonNode statements : deprecated) {
            for (JsonNode statement : statements) {
                assertThat(statement.get("rank").asText()).isEqualTo("deprecated");
                count++;
            }
        }
        assertThat(count).isEqualTo(1);
    }

    /** Bad parameters: 4xx with MediaWiki's error body and header, never a 500, and nothing else in the answer. */
    @Test
    void badParametersAreWikibaseErrors() {
        String from = redirectToQ42();
        Map<String, String> cases = Map.ofEntries(
                Map.entry("", "missingparam"),
                Map.entry("action=wbnosuchthing", "badvalue"),
                Map.entry("action=wbgetentities", "param-missing"),
                Map.entry("action=wbgetentities&sites=enwiki", "param-missing"),
                Map.entry("action=wbgetentities&sites=enwiki|dewiki&titles=A|B|C", "params-illegal"),
                Map.entry("action=wbgetentities&ids=foo", "no-such-entity"),
                Map.entry("action=wbgetentities&ids=Q42|E1", "no-such-entity"),
                Map.entry("action=wbgetentities&ids=Q42&redirects=maybe", "badvalue"),
                Map.entry("action=wbgetentities&ids=Q42&formatversion=3", "badvalue"),
                Map.entry("action=wbgetentities&ids=" + fiftyOneIds(), "toomanyvalues"),
                Map.entry("action=wbgetclaims", "param-missing"),
                Map.entry("action=wbgetclaims&claim=nonsense", "invalid-guid"),
                Map.entry("action=wbgetclaims&claim=Q42$", "invalid-guid"),
                Map.entry("action=wbgetclaims&entity=Q1&claim=" + Q42_P31, "param-illegal"),
                Map.entry("action=wbgetclaims&entity=Q42&property=Q5", "param-invalid"),
                Map.entry("action=wbgetclaims&entity=Q42&rank=best", "badvalue"),
                Map.entry("action=wbgetclaims&entity=" + MISSING, "no-such-entity"),
                Map.entry("action=wbgetclaims&entity=" + from, "unresolved-redirect"));
        cases.forEach((query, code) -> {
            Response answer = reader().get(path("/w/api.php" + (query.isEmpty() ? "" : "?" + query)));
            assertThat(answer.statusCode()).as(query + ": " + answer.asString()).isBetween(400, 499);
            assertThat(answer.header("MediaWiki-API-Error")).as(query).isEqualTo(code);
            assertThat(answer.jsonPath().getString("error.code")).as(query).isEqualTo(code);
            assertThat(answer.jsonPath().getString("error.info")).as(query).isNotBlank();
        });
        Response xml = reader().get(path("/w/api.php?action=wbgetentities&ids=Q42&format=xml"));
        assertThat(xml.statusCode()).isEqualTo(400);
        assertThat(xml.jsonPath().getString("error.code")).isEqualTo("badvalue");
    }

    private static String fiftyOneIds() {
        StringBuilder ids = new StringBuilder("Q1");
        for (int i = 2; i <= 51; i++) {
            ids.append("|Q").append(i);
        }
        return ids.toString();
    }

    /**
     * Wikidata Toolkit's {@code WikibaseDataFetcher} (form POSTs to wbgetentities, 50 ids each as Wikibase allows)
     * reads every sample entity from us equal to what its deserializer reads from shared/data (revision ids aside:
     * ours are this stack's).
     */
    @Test
    void wikidataToolkitsFetcherReadsEveryImportedSampleEntity() throws Exception {
        List<FixtureEntity> samples = samplesImported();
        String api = "http://localhost:" + RestAssured.port + path("/w/api.php");
        WikibaseDataFetcher fetcher = new WikibaseDataFetcher(new BasicApiConnection(api), Datamodel.SITE_WIKIDATA);
        JsonDeserializer deserializer = new JsonDeserializer(Datamodel.SITE_WIKIDATA);
        List<String> ids =
                new ArrayList<>(samples.stream().map(FixtureEntity::id).toList());
        ids.add(MISSING);
        Map<String, EntityDocument> fetched = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += 50) {
            fetched.putAll(fetcher.getEntityDocuments(ids.subList(from, Math.min(ids.size(), from + 50))));
        }
        assertThat(fetched.keySet()).containsExactlyInAnyOrderElementsOf(ids.subList(0, samples.size()));
        List<String> differing = new ArrayList<>();
        List<String> ordersAdded = new ArrayList<>();
        for (FixtureEntity sample : samples) {
            ObjectNode source = (ObjectNode) tree(sample.json());
            if (withQualifiersOrder(source)) {
                ordersAdded.add(sample.id());
            }
            EntityDocument expected = deserializer
                    .deserializeEntityDocument(JSON.writeValueAsString(source))
                    .withRevisionId(0);
            if (!fetched.get(sample.id()).withRevisionId(0).equals(expected)) {
                differing.add(sample.id());
            }
        }
        assertThat(differing)
                .as("entities WDTK reads differently from us and from shared/data")
                .isEmpty();
        System.out.printf(
                "wdtk fetcher: %d sample entities read equal to shared/data (qualifiers-order added to %s)%n",
                samples.size(), ordersAdded);
    }

    /**
     * Adds {@code qualifiers-order} (the qualifiers' properties in their order) to the statements that have qualifiers
     * but no order, as Wikibase writes it, and says whether it added any. WDTK builds qualifier groups from that list
     * alone, so without it reads such a statement as having no qualifiers (one sample, Q19180293, lacks it).
     */
    private static boolean withQualifiersOrder(ObjectNode entity) {
        boolean added = false;
        for (JsonNode statements : entity.path("claims")) {
            for (JsonNode statement : statements) {
                JsonNode qualifiers = statement.path("qualifiers");
                if (qualifiers.size() > 0 && !statement.has("qualifiers-order")) {
                    ArrayNode order = ((ObjectNode) statement).putArray("qualifiers-order");
                    qualifiers.fieldNames().forEachRemaining(order::add);
                    added = true;
                }
            }
        }
        return added;
    }

    /**
     * wikibase-sdk (npm) {@code simplify.entity}, with its default options and with {@code keepAll}, over our
     * {@code Special:EntityData} of every sample entity equals it over the source line ({@code
     * clients/wikibase-sdk-check/check.mjs}; {@code modified} left out). Needs node 20+ and npm on the PATH.
     */
    @Test
    void wikibaseSdkSimplifiesOurEntityDataAsTheSourceData() throws Exception {
        List<FixtureEntity> samples = samplesImported();
        Path check = repositoryRoot().resolve("clients/wikibase-sdk-check");
        NodeRun version = node(check, Duration.ofSeconds(30), "node", "--version");
        assertThat(version.exit()).as("node --version: %s", version.output()).isZero();
        NodeRun install = node(
                check, Duration.ofMinutes(5), "npm", "ci", "--prefix", check.toString(), "--no-audit", "--no-fund");
        assertThat(install.exit())
                .as("npm ci in %s: %s", check, install.output())
                .isZero();
        String base = "http://localhost:" + RestAssured.port + Api.prefix();
        Path source = WikidataFixtures.dataDir().resolve("wikidata/entities.ndjson.gz");
        NodeRun run = node(check, Duration.ofMinutes(3), "node", "check.mjs", base, source.toString());
        System.out.print(run.output());
        assertThat(run.output())
                .as("check.mjs's summary")
                .contains("entities " + samples.size() + ", compared " + samples.size() + ", differing 0, failed 0");
        assertThat(run.exit()).as(run.output()).isZero();
    }

    private static List<FixtureEntity> imported;

    /** The 208 sample entities through the import job (as EntitySearchIT and WikidataRoundTripIT), once per class. */
    private static synchronized List<FixtureEntity> samplesImported() {
        if (imported == null) {
            List<FixtureEntity> samples = ImportJobsIT.sample();
            List<String> dump = ImportJobsIT.dumpLines(
                    samples.stream().map(FixtureEntity::json).toList());
            JsonPath job = ImportJobsIT.run(ImportJobsIT.parts(dump, 256 * 1024), dump.size(), false);
            assertThat(job.getString("state")).isEqualTo("done");
            assertThat(job.getLong("failed")).as(job.prettify()).isZero();
            imported = samples;
        }
        return imported;
    }

    private record NodeRun(int exit, String output) {}

    /** Runs node or npm in {@code dir}; fails the test with a clear message where they are not installed. */
    private static NodeRun node(Path dir, Duration timeout, String... command) throws Exception {
        Path log = Files.createTempFile("wikibase-sdk-check", ".log");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
            } catch (IOException e) {
                throw new AssertionError(
                        "this IT needs node 20+ and npm on the PATH (" + command[0] + " could not be started: "
                                + e.getMessage() + ")",
                        e);
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(
                        String.join(" ", command) + " did not end within " + timeout + ": " + Files.readString(log));
            }
            return new NodeRun(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The repository's root: the first folder holding {@code clients/} from the module's folder up. */
    private static Path repositoryRoot() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("clients/wikibase-sdk-check"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "clients/wikibase-sdk-check not found above " + Paths.get("").toAbsolutePath());
    }
}
