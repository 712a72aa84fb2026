package org.entitybase.gateway.auth;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.entitybase.gateway.route.Route;
import org.entitybase.gateway.route.RouteTable;
import org.entitybase.gateway.route.RouteTableSource;
import org.entitybase.testkit.stack.EntityServiceUnderTest;
import org.entitybase.testkit.stack.LocalStack;
import org.entitybase.testkit.stack.ServiceJar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway jar with authentication on, in front of the real id-allocator, entity-service and statement-service:
 * protected routes refuse a missing credential (401), a wrong role (403) and an expired, foreign or tampered token
 * (401), change nothing when they refuse, and work with the right role; a client's X-User-ID cannot make an edit
 * someone else's. Every route of routes.json that needs more than an editor is refused alike, method by method.
 */
class GatewayAuthIT {
    private static final long EDITOR = 7;
    private static final long ADMIN = 9;
    private static final long IMPORTER = 11;

    private static final SignedTokens TOKENS = new SignedTokens();
    private static final String STATEMENT_DATABASE = "entitybase_test_gateway_auth_statement";

    private static EntityServiceUnderTest entities;
    private static ServiceJar statements;
    private static ServiceJar gateway;
    /** A second gateway with tiny limits: bursts of 3 per IP and per credential, refilled at one every 2 s. */
    private static ServiceJar limited;

    @BeforeAll
    static void start() throws Exception {
        entities = EntityServiceUnderTest.start("gateway_auth");
        LocalStack.current().recreateDatabase(STATEMENT_DATABASE);
        statements = ServiceJar.start(
                "statement-service",
                Map.of(
                        "VITESS_DATABASE",
                        STATEMENT_DATABASE,
                        "KAFKA_ENTITY_CHANGE_TOPIC",
                        entities.entityChangeTopic()));
        gateway = ServiceJar.start(
                "gateway", gatewayEnvironment(entities, Map.of("STATEMENT_SERVICE_URL", statements.baseUrl())));
        limited = ServiceJar.start(
                "gateway",
                gatewayEnvironment(
                        entities,
                        Map.of(
                                "GATEWAY_RATE_LIMIT_ENABLED", "true",
                                "GATEWAY_RATE_LIMIT_IP_BURST", "3",
                                "GATEWAY_RATE_LIMIT_IP_PER_SECOND", "0.5",
                                "GATEWAY_RATE_LIMIT_CREDENTIAL_BURST", "3",
                                "GATEWAY_RATE_LIMIT_CREDENTIAL_PER_SECOND", "0.5",
                                "GATEWAY_RATE_LIMIT_BOT_BURST", "20",
                                "GATEWAY_RATE_LIMIT_BOT_PER_SECOND", "5")));
    }

    @AfterAll
    static void stop() {
        if (limited != null) {
            limited.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (statements != null) {
            statements.close();
        }
        if (entities != null) {
            entities.close();
        }
    }

    /** Authentication on with the test key, anonymous edits allowed, no rate limits unless {@code more} sets them. */
    static Map<String, String> gatewayEnvironment(EntityServiceUnderTest entities, Map<String, String> more)
            throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("ENTITY_SERVICE_URL", entities.baseUrl());
        env.put("STATEMENT_SERVICE_URL", "http://127.0.0.1:1");
        // no user-service here: API keys are not used, and users count as not autoconfirmed (no semi-protection)
        env.put("USER_SERVICE_URL", "http://127.0.0.1:1");
        env.put("GATEWAY_AUTH_ENABLED", "true");
        env.put("GATEWAY_JWT_KEYS", TOKENS.publicKeyFile().toString());
        env.put("GATEWAY_JWT_ISSUER", SignedTokens.ISSUER);
        env.put("GATEWAY_ANONYMOUS_EDITS", "true");
        env.put("GATEWAY_RATE_LIMIT_ENABLED", "false");
        env.putAll(more);
        return env;
    }

    private static String api(String path) {
        return gateway.apiUrl() + path;
    }

    private static RequestSpecification as(String token) {
        RequestSpecification request =
                given().contentType(ContentType.JSON).redirects().follow(false);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    static String item(String label) {
        return """
                {"type":"item","labels":{"en":{"language":"en","value":"%s"}},"descriptions":{},"aliases":{},
                 "claims":{},"sitelinks":{}}""".formatted(label);
    }

    private static String createItem(String label) {
        Response created = as(TOKENS.token(EDITOR, "editor")).body(item(label)).post(api("/entities/items"));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.jsonPath().getString("id");
    }

    private static void assertRefused(Response response, int status, String code) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("code")).isEqualTo(code);
        assertThat(response.jsonPath().getString("message")).isNotBlank();
        assertThat(response.jsonPath().getMap("context")).isNotNull();
        assertThat(response.header("X-Request-ID"))
                .as("the id an operator finds in the audit")
                .isNotBlank();
        if (status == 401) {
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    /** Every wrong credential for a route that needs {@code role}: 401, 403, 401 expired, 401 foreign, 401 tampered. */
    private static void assertEveryWrongCredentialRefused(
            String role, java.util.function.Function<String, Response> send) {
        assertRefused(send.apply(null), 401, "unauthenticated");
        assertRefused(send.apply(TOKENS.token(EDITOR, "editor", "reader")), 403, "forbidden");
        assertRefused(send.apply(TOKENS.expired(ADMIN, role)), 401, "unauthenticated");
        assertRefused(send.apply(TOKENS.foreign(ADMIN, role)), 401, "unauthenticated");
        assertRefused(send.apply(TOKENS.tampered(ADMIN, role)), 401, "unauthenticated");
        assertRefused(send.apply("not-a-jwt"), 401, "unauthenticated");
    }

    @Test
    void protectionChangesNeedAnAdmin() throws Exception {
        String id = createItem("auth protection");
        String lock = "{\"locked\":true}";
        assertEveryWrongCredentialRefused(
                "admin", token -> as(token).body(lock).put(api("/entities/" + id + "/protection")));
        assertThat(as(null).get(api("/entities/" + id + "/protection"))
                        .jsonPath()
                        .getBoolean("locked"))
                .as("nothing changed")
                .isFalse();

        Response locked = as(TOKENS.token(ADMIN, "admin")).body(lock).put(api("/entities/" + id + "/protection"));
        assertThat(locked.statusCode()).as(locked.asString()).isEqualTo(200);
        assertThat(as(null).get(api("/entities/" + id + "/protection"))
                        .jsonPath()
                        .getBoolean("locked"))
                .isTrue();
        Response history = as(null).get(api("/entities/" + id + "/history"));
        assertThat(history.jsonPath().getLong("revisions[0].user_id")).isEqualTo(ADMIN);
        assertAudited("audit: user=9 roles=[admin] PUT /v1/entitybase/entities/" + id
                + "/protection route=entity-protection status=200");
        assertAudited("audit: user=0 roles=[] PUT /v1/entitybase/entities/" + id
                + "/protection route=entity-protection status=401");
    }

    /** The gateway's log has the audit line (written when the answer ends, so perhaps a moment after it). */
    private static void assertAudited(String line) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            if (Files.readString(gateway.log()).contains(line)) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(Files.readString(gateway.log())).contains(line);
    }

    @Test
    void deletingAnEntityNeedsAnAdmin() {
        String id = createItem("auth delete");
        assertEveryWrongCredentialRefused("admin", token -> as(token).delete(api("/entities/" + id)));
        assertThat(as(null).get(api("/entities/" + id)).statusCode())
                .as("still there")
                .isEqualTo(200);

        Response deleted = as(TOKENS.token(ADMIN, "admin")).delete(api("/entities/" + id));
        assertThat(deleted.statusCode()).as(deleted.asString()).isIn(200, 204);
        assertThat(as(null).get(api("/entities/" + id)).statusCode()).isNotEqualTo(200);
    }

    @Test
    void importsNeedAnImporter() {
        String id = "Q" + (900_000_000L + System.nanoTime() % 99_999_999L);
        String body = """
                {"type":"item","id":"%s","labels":{"en":{"language":"en","value":"imported"}},"descriptions":{},
                 "aliases":{},"claims":{},"sitelinks":{}}""".formatted(id);
        assertEveryWrongCredentialRefused(
                "importer", token -> as(token).body(body).post(api("/import")));
        assertThat(as(null).get(api("/entities/" + id)).statusCode())
                .as("not imported")
                .isEqualTo(404);

        Response imported = as(TOKENS.token(IMPORTER, "importer")).body(body).post(api("/import"));
        assertThat(imported.statusCode()).as(imported.asString()).isIn(200, 201);
        assertThat(as(null).get(api("/entities/" + id)).statusCode()).isEqualTo(200);
    }

    @Test
    void orphanCleanupWithDeletionNeedsAnAdmin() {
        // a real deleting run; the ten-year grace keeps every object of the shared test bucket
        String body = "{\"dry_run\":false,\"grace_period\":\"P3650D\"}";
        assertEveryWrongCredentialRefused(
                "admin", token -> as(token).body(body).post(api("/statements/cleanup-orphaned")));

        Response admitted = as(TOKENS.token(ADMIN, "admin")).body(body).post(api("/statements/cleanup-orphaned"));
        assertThat(admitted.statusCode()).as(admitted.asString()).isEqualTo(200);
        assertThat(admitted.jsonPath().getBoolean("dry_run")).isFalse();
        assertThat(admitted.jsonPath().getString("grace_period")).isEqualTo("PT87600H");
        assertThat(admitted.jsonPath().getInt("deleted")).isZero();
    }

    /**
     * Every route and method of routes.json that needs more than an editor (or a role to read) refuses every wrong
     * credential with the gateway's own error body, before any service is asked: the answers name the gateway's
     * codes, and the routes to user-service (not started here) would otherwise be the gateway's 503.
     */
    @Test
    void everyPrivilegedRouteOfTheTableRefusesEveryWrongCredential() {
        RouteTable table = RouteTableSource.fromClasspath().table();
        List<String> checked = new ArrayList<>();
        for (Route route : table.routes()) {
            for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
                Role needed = "GET".equals(method) ? route.readRole() : route.writeRole(method);
                if (!route.allows(method) || needed == null || needed == Role.EDITOR || needed == Role.READER) {
                    continue;
                }
                String path = table.prefix() + examplePath(route);
                assertThat(table.match(method, path))
                        .as("%s %s is the route %s", method, path, route.name())
                        .contains(route);
                assertEveryWrongCredentialRefused(
                        needed.key(), token -> as(token).body("{}").request(method, gateway.baseUrl() + path));
                checked.add(method + " " + route.name());
            }
        }
        assertThat(checked)
                .as("the privileged routes of API.md")
                .contains(
                        "PUT entity-protection",
                        "DELETE entity",
                        "POST import",
                        "POST statements-cleanup",
                        "GET api-keys",
                        "POST api-keys",
                        "DELETE api-keys",
                        "GET audit");
    }

    /** A path the route's template matches: placeholders filled with an entity id, {@code **} with one segment. */
    private static String examplePath(Route route) {
        assertThat(route.template()).as("route %s has a template", route.name()).isNotNull();
        return route.template().replaceAll("\\{[^}]+}", "Q1").replace("**", "x");
    }

    @Test
    void aForgedUserIdCannotEditAsSomeoneElse() {
        String id = createItem("auth forged");
        String relabel = "{\"value\":\"forged\"}";
        String labels = "/entities/items/" + id + "/labels/en";
        assertRefused(
                as(TOKENS.token(EDITOR, "editor"))
                        .header("X-User-ID", "8")
                        .body(relabel)
                        .put(api(labels)),
                403,
                "user-mismatch");
        assertRefused(as(null).header("X-User-ID", "8").body(relabel).put(api(labels)), 401, "unauthenticated");
        assertThat(as(null).get(api("/entities/" + id + "/history")).jsonPath().getList("revisions"))
                .as("no edit landed")
                .hasSize(1);

        // the credential's user edits, whether or not it repeats its own id
        Response own = as(TOKENS.token(EDITOR, "editor"))
                .header("X-User-ID", "7")
                .body(relabel)
                .put(api(labels));
        assertThat(own.statusCode()).as(own.asString()).isEqualTo(200);
        Response history = as(null).get(api("/entities/" + id + "/history"));
        assertThat(history.jsonPath().getLong("revisions[0].user_id")).isEqualTo(EDITOR);
    }

    @Test
    void anonymousEditsActAsUserZero() {
        String id = createItem("auth anonymous");
        String relabel = "{\"value\":\"anonymous\"}";
        Response anonymous = as(null).body(relabel).put(api("/entities/items/" + id + "/labels/en"));
        assertThat(anonymous.statusCode()).as(anonymous.asString()).isEqualTo(200);
        List<Long> users =
                as(null).get(api("/entities/" + id + "/history")).jsonPath().getList("revisions.user_id", Long.class);
        assertThat(users).containsExactly(0L, EDITOR);
    }

    // ---------------------------------------------------------------- rate limits

    private static Response readThroughLimited(String token, String id) {
        return as(token).get(limited.apiUrl() + "/entities/" + id);
    }

    /** {@code burst} requests pass with RateLimit-* counting down; the next is 429 from {@code by}'s bucket. */
    private static Response exhaust(String token, String id, int burst, String by) {
        for (int i = 0; i < burst; i++) {
            Response passed = readThroughLimited(token, id);
            assertThat(passed.statusCode())
                    .as("request %d of the burst: %s", i + 1, passed.asString())
                    .isEqualTo(200);
            assertThat(passed.header("RateLimit-Limit")).isEqualTo(Integer.toString(burst));
            assertThat(passed.header("RateLimit-Remaining")).isEqualTo(Integer.toString(burst - 1 - i));
        }
        Response refused = readThroughLimited(token, id);
        assertRefused(refused, 429, "rate-limited");
        assertThat(refused.jsonPath().getString("context.by")).isEqualTo(by);
        assertThat(refused.header("Retry-After")).isIn("1", "2"); // one token at 0.5/s, less what refilled meanwhile
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        return refused;
    }

    private static void awaitRetryAfter(Response refused) throws InterruptedException {
        Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000 + 100);
    }

    @Test
    void aBurstOverTheIpLimitGets429ThenSucceedsAfterRetryAfter() throws Exception {
        String id = createItem("auth ip limit");
        Response refused = exhaust(null, id, 3, "ip");
        awaitRetryAfter(refused);
        assertThat(readThroughLimited(null, id).statusCode()).isEqualTo(200);
    }

    @Test
    void eachCredentialHasItsOwnLimitAndBotsAHigherOne() throws Exception {
        String id = createItem("auth credential limit");
        String first = TOKENS.token(21, "editor");
        Response refused = exhaust(first, id, 3, "credential");
        // another user's credential from the same address is not limited by the first one's bucket
        assertThat(readThroughLimited(TOKENS.token(22, "editor"), id).statusCode())
                .isEqualTo(200);
        String bot = TOKENS.token(23, "bot");
        for (int i = 0; i < 10; i++) {
            assertThat(readThroughLimited(bot, id).statusCode())
                    .as("bot request %d", i + 1)
                    .isEqualTo(200);
        }
        awaitRetryAfter(refused);
        assertThat(readThroughLimited(first, id).statusCode()).isEqualTo(200);
    }
}
