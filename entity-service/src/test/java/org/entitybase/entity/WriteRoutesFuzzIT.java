package org.entitybase.entity;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.entitybase.entity.support.EntityDatabase;
import org.entitybase.testkit.fuzz.FuzzRun;
import org.entitybase.testkit.fuzz.FuzzRun.Report;
import org.entitybase.testkit.fuzz.FuzzRun.Route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.writer;

/**
 * Fuzz over every write route of entity-service (common-testkit {@code BadBodies}: truncations, bytes that are never
 * UTF-8, control characters, unfinished sequences, lone surrogates, deep nesting, huge numbers and strings, wrong
 * types, oversized bodies). Every body is wrong by construction, so: no answer 5xx, every answer 4xx, and not one
 * revision written. {@code -Dfuzz.requests=} sets the count (default 100 000), {@code -Dfuzz.seed=} the seed.
 */
@QuarkusTest
class WriteRoutesFuzzIT {

    private static final long USER = 21;
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 100_000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261207L);
    private static final int THREADS = Integer.getInteger("fuzz.threads", 8);

    private static final String TERM = "{\"language\":@L@,\"value\":@V@}";
    private static final String ITEM = "{\"type\":\"item\",\"labels\":{\"en\":" + TERM
            + "},\"descriptions\":{\"en\":{\"language\":\"en\",\"value\":\"a description\"}},"
            + "\"aliases\":{\"en\":[{\"language\":\"en\",\"value\":\"an alias\"}]},\"claims\":{},\"sitelinks\":{}}";

    @Test
    void badBodiesOnEveryWriteRouteAreAll4xxAndWriteNothing() throws Exception {
        String property = created(
                "properties",
                "{\"type\":\"property\",\"datatype\":\"string\",\"labels\":{\"en\":"
                        + "{\"language\":\"en\",\"value\":\"fuzz property " + System.nanoTime() + "\"}}}");
        String item = created(
                "items",
                "{\"type\":\"item\",\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"fuzz\"}}," + "\"claims\":{\""
                        + property + "\":[" + statement(property, "\"s\"") + "]}}");
        String guid = writer(USER).get(path("/entities/" + item)).jsonPath().getString("claims." + property + "[0].id");
        String lexeme = created(
                "lexemes",
                "{\"type\":\"lexeme\",\"lemmas\":{\"en\":{\"language\":\"en\",\"value\":\"fuzz\"}},"
                        + "\"lexicalCategory\":\"Q1084\",\"language\":\"Q1860\",\"forms\":[{\"representations\":"
                        + "{\"en\":{\"language\":\"en\",\"value\":\"fuzzes\"}},\"grammaticalFeatures\":[]}],\"senses\":"
                        + "[{\"glosses\":{\"en\":{\"language\":\"en\",\"value\":\"a test\"}}}]}");
        String form = lexeme + "-F1";
        String sense = lexeme + "-S1";
        assertThat(guid).isNotNull();

        List<Route> routes = List.of(
                json("POST", "/entities/items", ITEM),
                json(
                        "POST",
                        "/entities/properties",
                        "{\"type\":\"property\",\"datatype\":\"string\",\"labels\":{\"en\":" + TERM + "}}"),
                json(
                        "POST",
                        "/entities/lexemes",
                        "{\"type\":\"lexeme\",\"lemmas\":{\"en\":" + TERM
                                + "},\"lexicalCategory\":\"Q1084\",\"language\":\"Q1860\",\"forms\":[],\"senses\":[]}"),
                json(
                        "PUT",
                        "/entities/items/" + item,
                        ITEM.replace("{\"type\":\"item\",", "{\"id\":\"" + item + "\",\"type\":\"item\",")),
                json(
                        "PUT",
                        "/entities/lexemes/" + lexeme,
                        "{\"id\":\"" + lexeme + "\",\"type\":\"lexeme\",\"lemmas\":{\"en\":" + TERM
                                + "},\"lexicalCategory\":\"Q1084\",\"language\":\"Q1860\"}"),
                json("PUT", "/entities/items/" + item + "/labels/en", "{\"value\":@V@}"),
                json("PUT", "/entities/lexemes/" + lexeme + "/lemmas/en", "{\"value\":@V@}"),
                json("PUT", "/entities/lexemes/" + lexeme + "/lexicalCategory", "{\"value\":@V@}"),
                json(
                        "POST",
                        "/entities/lexemes/" + lexeme + "/forms",
                        "{\"representations\":{\"en\":" + TERM + "},\"grammaticalFeatures\":[]}"),
                json(
                        "PUT",
                        "/entities/lexemes/" + lexeme + "/forms/" + form + "/representations/en",
                        "{\"value\":@V@}"),
                json("PUT", "/entities/lexemes/" + lexeme + "/forms/" + form + "/grammaticalFeatures", "[@V@]"),
                json("POST", "/entities/lexemes/" + lexeme + "/senses", "{\"glosses\":{\"en\":" + TERM + "}}"),
                json("PUT", "/entities/lexemes/" + lexeme + "/senses/" + sense + "/glosses/en", "{\"value\":@V@}"),
                json("POST", "/entities/" + form + "/properties/" + property, statement("@V@", "\"x\"")),
                json("PUT", "/entities/items/" + item + "/descriptions/en", "{\"value\":@V@}"),
                json("POST", "/entities/items/" + item + "/aliases/en", "{\"value\":@V@}"),
                json("PUT", "/entities/items/" + item + "/aliases/en", "[\"an alias\",@V@]"),
                json(
                        "POST",
                        "/entities/" + item + "/sitelinks/enwiki",
                        "{\"site\":\"enwiki\",\"title\":@V@,\"badges\":[]}"),
                json(
                        "PUT",
                        "/entities/" + item + "/sitelinks/enwiki",
                        "{\"site\":\"enwiki\",\"title\":@V@,\"badges\":[]}"),
                json("POST", "/entities/" + item + "/properties/" + property, statement("@V@", "\"x\"")),
                route(
                        "PATCH",
                        "/entities/" + item + "/statements/" + guid,
                        "application/json-patch+json",
                        "[{\"op\":@V@,\"path\":\"/rank\",\"value\":\"preferred\"}]"),
                json("PUT", "/entities/" + item + "/protection", "{\"locked\":[@V@]}"),
                json("POST", "/entities/" + item + "/revert", "{\"to_revision_id\":[@V@]}"),
                json("POST", "/redirects", "{\"from\":@V@,\"to\":\"" + item + "\"}"),
                json("POST", "/import", "{\"id\":\"Q987654321\",\"type\":\"item\",\"labels\":{\"en\":" + TERM + "}}"));

        long revisionsBefore = revisions();
        long entitiesBefore = EntityDatabase.count("SELECT COUNT(*) FROM entity_head");
        List<String> errorsLogged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errorsLogged.add(record.getLoggerName() + ": " + record.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };

        Report report;
        Logger.getLogger("").addHandler(capture);
        try {
            report = FuzzRun.run(routes, REQUESTS, THREADS, SEED);
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        System.out.println("entity-service write-route fuzz: " + report.summary());
        System.out.println("entity-service write-route fuzz by route: " + report.byRoute());

        assertThat(report.serverErrors())
                .as("5xx answers; samples %s", report.notClientErrors())
                .isZero();
        assertThat(report.transportErrors())
                .as("requests without an answer; samples %s", report.notClientErrors())
                .isZero();
        assertThat(report.byStatus().keySet())
                .as(
                        "every answer is a 4xx (or the connection closed on an oversized body); samples %s",
                        report.notClientErrors())
                .allMatch(status -> (status >= 400 && status < 500) || status == FuzzRun.CLOSED_ON_OVERSIZED);
        assertThat(revisions()).as("revisions written by bad requests").isEqualTo(revisionsBefore);
        // bad input is the client's business: no error logged, nothing dropped by Mutiny
        assertThat(errorsLogged).as("errors logged").isEmpty();
        assertThat(EntityDatabase.count("SELECT COUNT(*) FROM entity_head")).isEqualTo(entitiesBefore);
    }

    private static long revisions() {
        return EntityDatabase.count("SELECT COUNT(*) FROM entity_revisions");
    }

    private static String statement(String property, String value) {
        String p = property.startsWith("@") ? property : "\"" + property + "\"";
        return "{\"mainsnak\":{\"snaktype\":\"value\",\"property\":" + p + ",\"datavalue\":{\"value\":" + value
                + ",\"type\":\"string\"}},\"type\":\"statement\",\"rank\":\"normal\"}";
    }

    private static String created(String collection, String body) {
        Response response = writer(USER).body(body).post(path("/entities/" + collection));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath().getString("id");
    }

    private static Route json(String method, String relative, String template) {
        return route(method, relative, "application/json", template);
    }

    private static Route route(String method, String relative, String contentType, String template) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        return new Route(
                method,
                URI.create("http://127.0.0.1:" + port + path(relative)),
                contentType,
                template,
                Map.of("X-User-ID", Long.toString(USER)));
    }
}
