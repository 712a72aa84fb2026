package org.entitybase.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.entitybase.testkit.stack.EntityServiceUnderTest;
import org.entitybase.testkit.stack.LocalStack;
import org.entitybase.testkit.stack.ServiceJar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys for bots end to end: the gateway jar (authentication on, a one-second key cache) in front of the real
 * user-service (which keeps the keys, hashed) and entity-service. An admin creates a key (shown once, only its SHA-256
 * stored), the key acts as its user with its roles and no more, a revoked key is refused within the cache's TTL, and
 * a wrong key is 401. The admin routes themselves need the admin role, reads included.
 */
class GatewayApiKeysIT {
    private static final long ADMIN = 9;
    private static final long BOT_USER = 31;
    private static final String USER_DATABASE = "entitybase_test_gateway_keys_user";

    private static final SignedTokens TOKENS = new SignedTokens();
    private static EntityServiceUnderTest entities;
    private static ServiceJar users;
    private static ServiceJar gateway;

    @BeforeAll
    static void start() throws Exception {
        entities = EntityServiceUnderTest.start("gateway_keys");
        LocalStack.current().recreateDatabase(USER_DATABASE);
        users = ServiceJar.start(
                "user-service",
                Map.of("VITESS_DATABASE", USER_DATABASE, "KAFKA_ENTITY_CHANGE_TOPIC", entities.entityChangeTopic()));
        Map<String, String> env = new HashMap<>(GatewayAuthIT.gatewayEnvironment(entities, Map.of()));
        env.put("GATEWAY_JWT_KEYS", TOKENS.publicKeyFile().toString());
        env.put("USER_SERVICE_URL", users.baseUrl());
        env.put("GATEWAY_API_KEY_CACHE_TTL", "1s");
        gateway = ServiceJar.start("gateway", env);
        for (long user : List.of(ADMIN, BOT_USER)) {
            Response made = given().contentType(ContentType.JSON)
                    .header("X-User-ID", Long.toString(user))
                    .body("{\"name\":\"keys-it-" + user + "\"}")
                    .put(users.apiUrl() + "/users/" + user);
            assertThat(made.statusCode()).as(made.asString()).isIn(200, 201);
        }
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {gateway, users, entities}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // keep closing the others
                }
            }
        }
    }

    private static String api(String path) {
        return gateway.apiUrl() + path;
    }

    private static RequestSpecification as(String credential) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return credential == null ? request : request.header("Authorization", "Bearer " + credential);
    }

    private static String admin() {
        return TOKENS.token(ADMIN, "admin");
    }

    private static Response createKey(long user, String... roles) {
        String body = new io.vertx.core.json.JsonObject()
                .put("user_id", user)
                .put("roles", List.of(roles))
                .put("label", "keys-it")
                .encode();
        return as(admin()).body(body).post(api("/api-keys"));
    }

    private static String itemAs(String credential) {
        Response created = as(credential).body(GatewayAuthIT.item("keys it")).post(api("/entities/items"));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.jsonPath().getString("id");
    }

    private static void assertRefused(Response response, int status, String code) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.jsonPath().getString("code")).isEqualTo(code);
        assertThat(response.jsonPath().getString("message")).isNotBlank();
    }

    @Test
    void aKeyIsCreatedShownOnceUsedAsItsUserAndRefusedAfterRevocation() throws Exception {
        Response created = createKey(BOT_USER, "bot");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String key = created.jsonPath().getString("key");
        String keyId = created.jsonPath().getString("key_id");
        assertThat(key).startsWith("ebk_" + keyId + "_");
        assertThat(created.jsonPath().getList("roles")).containsExactly("bot");
        assertThat(created.jsonPath().getLong("created_by")).isEqualTo(ADMIN);
        assertThat(storedHash(keyId)).as("only the SHA-256 is stored").isEqualTo(sha256(key));

        Response listed = as(admin()).get(api("/api-keys?user_id=" + BOT_USER));
        assertThat(listed.statusCode()).as(listed.asString()).isEqualTo(200);
        assertThat(listed.jsonPath().getList("api_keys.key_id")).contains(keyId);
        assertThat(listed.asString()).doesNotContain(key.substring(keyId.length() + 5));
        assertThat(listed.jsonPath().getList("api_keys.key")).containsOnlyNulls();

        // the key edits as its user
        String id = itemAs(key);
        Response relabel = as(key).body("{\"value\":\"by key\"}").put(api("/entities/items/" + id + "/labels/en"));
        assertThat(relabel.statusCode()).as(relabel.asString()).isEqualTo(200);
        List<Long> authors =
                as(null).get(api("/entities/" + id + "/history")).jsonPath().getList("revisions.user_id", Long.class);
        assertThat(authors).containsOnly(BOT_USER);

        Response revoked = as(admin()).delete(api("/api-keys/" + keyId));
        assertThat(revoked.statusCode()).as(revoked.asString()).isEqualTo(200);
        assertThat(revoked.jsonPath().getBoolean("revoked")).isTrue();
        assertThat(revoked.jsonPath().getLong("revoked_by")).isEqualTo(ADMIN);
        Thread.sleep(1_500); // the gateway's key cache TTL (1 s here; 30 s by default)
        Response after =
                as(key).body("{\"value\":\"after revocation\"}").put(api("/entities/items/" + id + "/labels/en"));
        assertRefused(after, 401, "unauthenticated");
        assertThat(after.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(as(null).get(api("/entities/" + id + "/history")).jsonPath().getList("revisions"))
                .as("nothing changed")
                .hasSize(2);
        Response again = as(admin()).delete(api("/api-keys/" + keyId));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.jsonPath().getString("revoked_at"))
                .isEqualTo(revoked.jsonPath().getString("revoked_at"));
    }

    @Test
    void aWrongKeyIs401() {
        String forged = "ebk_0123456789abcdef_" + "A".repeat(43);
        assertRefused(
                as(forged).body(GatewayAuthIT.item("forged")).post(api("/entities/items")), 401, "unauthenticated");
        assertRefused(as("ebk_not-even-shaped").get(api("/entities/Q1")), 401, "unauthenticated");
        // a real key id with another secret
        String key = createKey(BOT_USER, "bot").jsonPath().getString("key");
        String otherSecret = key.substring(0, key.length() - 4) + (key.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertRefused(
                as(otherSecret).body(GatewayAuthIT.item("forged")).post(api("/entities/items")),
                401,
                "unauthenticated");
    }

    @Test
    void aKeysRolesLimitWhatItMayDo() {
        String reader = createKey(BOT_USER, "reader").jsonPath().getString("key");
        String bot = createKey(BOT_USER, "bot").jsonPath().getString("key");
        String id = itemAs(bot);
        assertRefused(
                as(reader).body("{\"value\":\"reader\"}").put(api("/entities/items/" + id + "/labels/en")),
                403,
                "forbidden");
        assertRefused(as(bot).body("{\"locked\":true}").put(api("/entities/" + id + "/protection")), 403, "forbidden");
        assertRefused(createKeyWith(bot), 403, "forbidden");
        assertRefused(as(bot).get(api("/api-keys")), 403, "forbidden");
        assertThat(as(null).get(api("/entities/" + id + "/protection"))
                        .jsonPath()
                        .getBoolean("locked"))
                .as("nothing changed")
                .isFalse();

        String adminKey = createKey(ADMIN, "admin").jsonPath().getString("key");
        Response locked = as(adminKey).body("{\"locked\":true}").put(api("/entities/" + id + "/protection"));
        assertThat(locked.statusCode()).as(locked.asString()).isEqualTo(200);
    }

    @Test
    void theAdminRoutesNeedAnAdminAndCheckTheirInput() {
        assertRefused(as(null).get(api("/api-keys")), 401, "unauthenticated");
        assertRefused(as(TOKENS.token(7, "editor")).get(api("/api-keys")), 403, "forbidden");
        assertRefused(
                as(null).body("{\"user_id\":31,\"roles\":[\"bot\"]}").post(api("/api-keys")), 401, "unauthenticated");
        assertRefused(createKey(BOT_USER, "superuser"), 400, "invalid-body");
        assertRefused(createKey(BOT_USER), 400, "invalid-body");
        assertRefused(createKey(987_654, "bot"), 422, "unknown-user");
        assertRefused(as(admin()).delete(api("/api-keys/not-a-key-id")), 400, "invalid-parameter");
        assertRefused(as(admin()).delete(api("/api-keys/0123456789abcdef")), 404, "not-found");
    }

    private static Response createKeyWith(String credential) {
        return as(credential).body("{\"user_id\":31,\"roles\":[\"admin\"]}").post(api("/api-keys"));
    }

    private static byte[] storedHash(String keyId) throws Exception {
        try (Connection db = LocalStack.current().connect(USER_DATABASE);
                PreparedStatement query = db.prepareStatement("SELECT key_sha256 FROM api_keys WHERE key_id = ?")) {
            query.setString(1, keyId);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getBytes(1);
            }
        }
    }

    private static byte[] sha256(String key) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    }
}
