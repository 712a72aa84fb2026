package org.entitybase.gateway.proxy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entitybase.testkit.http.RawHttpConnection;
import org.entitybase.testkit.http.RawHttpConnection.Answer;
import org.entitybase.testkit.stack.EntityServiceUnderTest;
import org.entitybase.testkit.stack.ServiceJar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body over entity-service's 4 MiB limit sent on a kept-alive connection, straight to entity-service and through
 * the gateway jar: 413 with {@code Connection: close} and the error body, then the server closes that connection (a
 * client never reuses a connection about to die); a normal request on a new connection is answered. The gateway
 * relays the 413, never a 502, though the service closes its connection right after it.
 */
class GatewayOversizedBodyIT {
    private static final String API = "/v1/entitybase";
    private static final int OVER_LIMIT = 4 * 1024 * 1024 + 1;
    private static final Map<String, String> WRITE = Map.of("Content-Type", "application/json", "X-User-ID", "7");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EntityServiceUnderTest entities;
    private static ServiceJar gateway;

    @BeforeAll
    static void start() {
        entities = EntityServiceUnderTest.start("gateway_oversized");
        gateway = ServiceJar.start(
                "gateway",
                Map.of(
                        "ENTITY_SERVICE_URL", entities.baseUrl(),
                        "STATEMENT_SERVICE_URL", "http://127.0.0.1:1",
                        "USER_SERVICE_URL", "http://127.0.0.1:1",
                        "GATEWAY_AUTH_ENABLED", "false",
                        "GATEWAY_RATE_LIMIT_ENABLED", "false"));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (entities != null) {
            entities.close();
        }
    }

    private static String item(String label) {
        return "{\"type\":\"item\",\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"" + label + "\"}}}";
    }

    @Test
    void directlyToEntityService() throws Exception {
        oversizedBodyOnAKeptAliveConnection(URI.create(entities.baseUrl()));
    }

    @Test
    void throughTheGateway() throws Exception {
        oversizedBodyOnAKeptAliveConnection(URI.create(gateway.baseUrl()));
    }

    @Test
    void aPooledClientReusesNoDeadConnectionDirectlyOrThroughTheGateway() throws Exception {
        for (String base : new String[] {entities.baseUrl(), gateway.baseUrl()}) {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int round = 0; round < 5; round++) {
                HttpResponse<String> refused = client.send(post(base, new byte[OVER_LIMIT]), bodyAsString());
                assertThat(refused.statusCode()).as(base).isEqualTo(413);
                assertThat(refused.headers().firstValue("Connection")).hasValue("close");
                assertThat(JSON.readTree(refused.body()).path("code").asText()).isEqualTo("entity-too-large");
                // the JDK pool's next request: never on the connection the 413 closed
                HttpResponse<String> created =
                        client.send(post(base, item("pooled " + round).getBytes()), bodyAsString());
                assertThat(created.statusCode()).as(base + " " + created.body()).isEqualTo(201);
            }
        }
    }

    private static HttpRequest post(String base, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + API + "/entities/items"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        WRITE.forEach(request::header);
        return request.build();
    }

    private static HttpResponse.BodyHandler<String> bodyAsString() {
        return HttpResponse.BodyHandlers.ofString();
    }

    private static void oversizedBodyOnAKeptAliveConnection(URI base) throws Exception {
        try (RawHttpConnection connection = RawHttpConnection.open(base)) {
            connection.send("POST", API + "/entities/items", WRITE, item("before the oversized body"));
            Answer created = connection.read();
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.header("Connection")).as("kept alive").isNull();

            connection.sendHead("POST", API + "/entities/items", WRITE, OVER_LIMIT, OVER_LIMIT);
            Answer refused = connection.read();
            assertThat(refused.status()).as(refused.body()).isEqualTo(413);
            assertThat(refused.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(refused.header("Content-Type")).startsWith("application/json");
            JsonNode error = JSON.readTree(refused.body());
            assertThat(error.path("code").asText()).isEqualTo("entity-too-large");
            assertThat(error.path("message").asText()).contains("at most 4194304");
            assertThat(error.path("context").path("size").asLong()).isEqualTo(OVER_LIMIT);
            assertThat(connection.closedByServerWithin(10_000))
                    .as("the connection is closed after the 413")
                    .isTrue();
        }
        try (RawHttpConnection fresh = RawHttpConnection.open(base)) {
            fresh.send("POST", API + "/entities/items", WRITE, item("after the oversized body"));
            Answer created = fresh.read();
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
    }
}
