package org.entitybase.gateway.proxy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.Vertx;

import org.entitybase.gateway.route.RouteTable;
import org.entitybase.gateway.route.RouteTableSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The gateway in front of fake services (plain Vert.x servers on the ports {@link FakeUpstreamPorts} reserved):
 * forwarding of method, URI, body and headers, status pass-through, Location rewriting, the answers for a service
 * that is down or slow, and the aggregate health.
 */
@QuarkusTest
@WithTestResource(FakeUpstreamPorts.class)
class GatewayProxyTest {
    private static final String API = "/v1/entitybase";
    private static final String STOPPABLE = "stats-workers";

    private static Vertx vertx;
    private static final Map<String, FakeUpstream> FAKES = new LinkedHashMap<>();

    @BeforeAll
    static void startFakeServices() throws Exception {
        vertx = Vertx.vertx();
        for (String service :
                RouteTableSource.fromClasspath().table().services().keySet()) {
            if (RouteTable.GATEWAY.equals(service)) {
                continue;
            }
            URI url =
                    URI.create(ConfigProvider.getConfig().getValue(Upstreams.overrideVariable(service), String.class));
            FakeUpstream fake = new FakeUpstream(vertx, service, url.getPort());
            fake.start();
            FAKES.put(service, fake);
        }
    }

    @AfterAll
    static void stopFakeServices() throws Exception {
        for (FakeUpstream fake : FAKES.values()) {
            fake.stop();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    @Test
    void forwardsMethodUriAndEndToEndHeadersAndAddsForwardingHeaders() {
        Response response = given().header("If-None-Match", "\"6\"")
                .header("X-Request-ID", "req-42")
                .header("X-Client-Hop", "1")
                .header("Connection", "keep-alive, X-Client-Hop")
                .header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .header("TE", "trailers")
                .header("X-Forwarded-For", "6.6.6.6")
                .get(API + "/entities/Q42?revision=3&flavor=dump");
        response.then()
                .statusCode(200)
                .header("X-Upstream", "entity-service")
                .header("ETag", "\"7\"")
                .header("X-Request-ID", "req-42")
                .header("Keep-Alive", nullValue())
                .header("X-Upstream-Hop", nullValue())
                .body("method", equalTo("GET"))
                .body("uri", equalTo(API + "/entities/Q42?revision=3&flavor=dump"))
                .body("headers.'if-none-match'", equalTo("\"6\""))
                .body("headers.'x-request-id'", equalTo("req-42"))
                .body("headers.host", equalTo("127.0.0.1:" + upstreamPort("entity-service")))
                // the client is not a trusted proxy: its X-Forwarded-For is replaced, not extended
                .body("headers.'x-forwarded-for'", equalTo("127.0.0.1"))
                .body("headers.'x-forwarded-proto'", equalTo("http"))
                .body("headers.'x-forwarded-host'", equalTo("localhost:" + RestAssured.port))
                .body("headers", not(hasKey("x-client-hop")))
                .body("headers", not(hasKey("proxy-authorization")))
                .body("headers", not(hasKey("te")));
    }

    @Test
    void generatesARequestIdWhenTheClientSendsNone() {
        Response response = given().get(API + "/entities/Q1");
        String requestId = response.header("X-Request-ID");
        assertThat(requestId).matches("[0-9a-f]{32}");
        assertThat(response.jsonPath().getString("headers.'x-request-id'")).isEqualTo(requestId);
    }

    @Test
    void streamsALargeBodyAndRewritesLocationToThePublicBase() throws Exception {
        byte[] body = new byte[1024 * 1024 + 17];
        new Random(42).nextBytes(body);
        given().header("X-Fake-Status", "201")
                .header("X-Fake-Location", API + "/entities/Q1?x=1")
                .contentType("application/octet-stream")
                .body(body)
                .post(API + "/entities/items")
                .then()
                .statusCode(201)
                .header("Location", "http://localhost:" + RestAssured.port + API + "/entities/Q1?x=1")
                .body("method", equalTo("POST"))
                .body("bodyLength", equalTo(body.length))
                .body(
                        "bodySha256",
                        equalTo(HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(body))));
    }

    @Test
    void streamsAChunkedUploadThatExpects100Continue() throws Exception {
        byte[] body = new byte[256 * 1024];
        new Random(7).nextBytes(body);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + API + "/import"))
                .expectContinue(true)
                // an InputStream of unknown length goes out chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"bodyLength\":" + body.length)
                .contains("\"transfer-encoding\":\"chunked\"")
                .contains(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(body)))
                .doesNotContain("\"expect\"");
    }

    @Test
    void leavesLocationsOfOtherHostsAlone() {
        given().header("X-Fake-Status", "303")
                .header("X-Fake-Location", "https://www.wikidata.org/wiki/Q42")
                .redirects()
                .follow(false)
                .get(API + "/entities/Q42")
                .then()
                .statusCode(303)
                .header("Location", "https://www.wikidata.org/wiki/Q42");
    }

    @Test
    void passesEveryMethodAndStatusThrough() {
        given().header("X-Fake-Status", "412")
                .header("If-Match", "\"3\"")
                .contentType("application/json")
                .body("{\"labels\":{}}")
                .put(API + "/entities/items/Q42")
                .then()
                .statusCode(412)
                .body("method", equalTo("PUT"))
                .body("headers.'if-match'", equalTo("\"3\""))
                .body("bodyLength", equalTo(13));
        given().contentType("application/json-patch+json")
                .body("[]")
                .patch(API + "/entities/Q42/statements/abc")
                .then()
                .statusCode(200)
                .body("method", equalTo("PATCH"));
        given().header("X-Fake-Status", "204")
                .delete(API + "/entities/Q42")
                .then()
                .statusCode(204);
        given().header("X-Fake-Status", "304")
                .get(API + "/entities/Q42")
                .then()
                .statusCode(304)
                .header("ETag", "\"7\"");
        Response head = given().head(API + "/entities/Q42");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.asByteArray()).isEmpty();
        assertThat(head.header("X-Upstream")).isEqualTo("entity-service");
    }

    @Test
    void routesToTheServiceOfTheFirstMatchingRoute() {
        assertThat(upstreamOf(given().get(API + "/entities/Q42.ttl"))).isEqualTo("rdf-service");
        assertThat(upstreamOf(given().get(API + "/entities/Q42/revision/7.nt"))).isEqualTo("rdf-service");
        assertThat(upstreamOf(given().get(API + "/entities/Q42/backlinks"))).isEqualTo("statement-service");
        assertThat(upstreamOf(given().post(API + "/statements/abc/endorse"))).isEqualTo("user-service");
        assertThat(upstreamOf(given().post(API + "/statements/batch"))).isEqualTo("statement-service");
        assertThat(upstreamOf(given().get(API + "/users/1/notifications"))).isEqualTo("watchlist-consumer");
        assertThat(upstreamOf(given().get(API + "/users/1/watchlist"))).isEqualTo("user-service");
        assertThat(upstreamOf(given().post(API + "/redirects"))).isEqualTo("entity-service");
        // Wikidata's interfaces: JSON and negotiation from entity-service, RDF from rdf-service
        assertThat(upstreamOf(given().get(API + "/wiki/Special:EntityData/Q42.ttl")))
                .isEqualTo("rdf-service");
        assertThat(upstreamOf(given().get(API + "/wiki/Special:EntityData/L1-F1.rdf")))
                .isEqualTo("rdf-service");
        assertThat(upstreamOf(given().get(API + "/wiki/Special:EntityData/Q42.json")))
                .isEqualTo("entity-service");
        assertThat(upstreamOf(given().get(API + "/wiki/Special:EntityData/Q42")))
                .isEqualTo("entity-service");
        assertThat(upstreamOf(given().post(API + "/w/api.php"))).isEqualTo("entity-service");
        assertThat(upstreamOf(given().urlEncodingEnabled(false).get(API + "/wiki/Special%3AEntityData/Q42.nt")))
                .isEqualTo("rdf-service");
        assertThat(upstreamOf(given().urlEncodingEnabled(false).get(API + "/wiki/Special:EntityData/Q42.json")))
                .isEqualTo("entity-service");
    }

    @Test
    void servesSwaggerUiOfTheMergedApiUnderThePrefix() {
        given().redirects()
                .follow(false)
                .get(API + "/swagger-ui")
                .then()
                .statusCode(302)
                .header("Location", API + "/swagger-ui/");
        given().get(API + "/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
        given().get(API + "/swagger-ui/index.html")
                .then()
                .statusCode(200)
                .body(containsString("/v1/entitybase/openapi"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void answersUnroutedPathsWithRouteNotFound() {
        for (String path : new String[] {API + "/nope", "/internal/id-ranges", API + "/internal/id-ranges", "/"}) {
            given().get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/json")
                    .body("code", equalTo("route-not-found"))
                    .body("context.path", equalTo(path))
                    .header("X-Request-ID", not(nullValue()));
        }
        // the gateway's own answers carry the client's request id, as proxied ones do
        given().header("X-Request-ID", "req-404")
                .get(API + "/nope")
                .then()
                .statusCode(404)
                .header("X-Request-ID", "req-404");
    }

    @Test
    void answers503WithRetryAfterWhenTheServiceIsDown() throws Exception {
        stopStoppable();
        given().get(API + "/stats")
                .then()
                .statusCode(503)
                .header("Retry-After", "5")
                .body("code", equalTo("service-unavailable"))
                .body("context.service", equalTo(STOPPABLE));
        // a request with a body is drained, and the connection stays usable
        given().contentType("application/json")
                .body("{\"a\":1}")
                .post(API + "/stats")
                .then()
                .statusCode(503);
        startStoppable();
        given().get(API + "/stats").then().statusCode(200).header("X-Upstream", STOPPABLE);
    }

    @Test
    void answers504WhenTheServiceStaysSilent() {
        given().header("X-Fake-Delay-Ms", "10000")
                .get(API + "/entities/Q42")
                .then()
                .statusCode(504)
                .header("Retry-After", "5")
                .body("code", equalTo("upstream-timeout"));
    }

    @Test
    void healthIsUpWhenEveryServiceIsReady() throws Exception {
        startStoppable();
        Response response = given().get(API + "/health");
        response.then().statusCode(200).body("status", equalTo("UP")).body("$", not(hasKey("down")));
        Map<String, Map<String, Object>> services = response.jsonPath().getMap("services");
        assertThat(services).containsOnlyKeys(FAKES.keySet());
        assertThat(services.values()).allSatisfy(status -> assertThat(status).containsEntry("status", "UP"));
        assertThat(response.jsonPath().getString("services.'entity-service'.checks[0].name"))
                .isEqualTo("entity-service-db");
    }

    @Test
    void healthIsDownAndNamesTheServiceThatIsNot() throws Exception {
        stopStoppable();
        try {
            given().get(API + "/health")
                    .then()
                    .statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("down", equalTo(java.util.List.of(STOPPABLE)))
                    .body("services.'" + STOPPABLE + "'.status", equalTo("DOWN"))
                    .body("services.'" + STOPPABLE + "'.error", containsString("Connect"))
                    .body("services.'entity-service'.status", equalTo("UP"));
        } finally {
            startStoppable();
        }
    }

    @Test
    void mergesThePublicPathsOfEveryServiceIntoOneOpenApiDocument() throws Exception {
        startStoppable();
        Response response = given().get(API + "/openapi");
        response.then().statusCode(200).body("openapi", equalTo("3.1.0"));
        Map<String, Object> paths = response.jsonPath().getMap("paths");
        for (String service : FAKES.keySet()) {
            assertThat(paths)
                    .containsKey(API + "/" + service)
                    .doesNotContainKey("/internal/" + service)
                    .doesNotContainKey(API + "/internal/" + service);
            assertThat(response.jsonPath().getString("'x-entitybase-services'.'" + service + "'.status"))
                    .isEqualTo("merged");
        }
        assertThat(response.jsonPath().getMap("components.schemas")).containsKey("entity-serviceThing");
    }

    @Test
    void ownHealthMetricsAndOpenApiWork() {
        given().get(API + "/entities/Q42").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        // the health check counts the table it serves: the one packaged from deploy/gateway/routes.json
        int packagedRoutes = RouteTableSource.fromClasspath().table().routes().size();
        assertThat(packagedRoutes).isGreaterThan(10);
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'route-table' }.data.routes", equalTo(packagedRoutes));
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("uri=\"/v1/entitybase/entities/**\""))
                .body(not(containsString("uri=\"/v1/entitybase/entities/Q42\"")));
        given().get("/q/openapi?format=json").then().statusCode(200).body(containsString("/v1/entitybase/health"));
    }

    private static String upstreamOf(Response response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return response.header("X-Upstream");
    }

    private static int upstreamPort(String service) {
        return URI.create(ConfigProvider.getConfig().getValue(Upstreams.overrideVariable(service), String.class))
                .getPort();
    }

    private static void stopStoppable() throws Exception {
        FAKES.get(STOPPABLE).stop();
        Thread.sleep(100); // let the gateway's pool see the closed keep-alive connections
    }

    private static void startStoppable() throws Exception {
        FAKES.get(STOPPABLE).start();
    }
}
