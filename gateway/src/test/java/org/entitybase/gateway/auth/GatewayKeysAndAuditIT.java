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
 * a wrong key is 401. The admin routes themselves need the admin role, reads included. Privileged actions, admitted
 * or refused, reach user-service's audit log through a private audit topic and are listed, paged, for admins.
 * Semi-protected entities refuse anonymous, unregistered and new users (autoconfirmed here: 3 s old and 1 edit).
 */
class GatewayKeysAndAuditIT {
    private static final long ADMIN = 9;
    private static final long BOT_USER = 31;
    private static final long NEWCOMER = 41;
    private static final long REGULAR = 42;
    /** Not registered in user-service. */
    private static final long STRANGER = 43;

    private static final String USER_DATABASE = "entitybase_test_gateway_keys_user";

    private static final SignedTokens TOKENS = new SignedTokens();
    private static EntityServiceUnderTest entities;
    private static ServiceJar users;
    private static ServiceJar gateway;

    @BeforeAll
    static void start() throws Exception {
        entities = EntityServiceUnderTest.start("gateway_keys");
        LocalStack.current().recreateDatabase(USER_DATABASE);
        String auditTopic = "entitybase.it.gateway_keys." + System.currentTimeMillis() + ".audit";
        users = ServiceJar.start(
                "user-service",
                Map.of(
                        "VITESS_DATABASE",
                        USER_DATABASE,
                        "KAFKA_ENTITY_CHANGE_TOPIC",
                        entities.entityChangeTopic(),
                        "KAFKA_AUDIT_TOPIC",
                        auditTopic,
                        "USER_AUTOCONFIRM_MIN_AGE",
                        "3s",
                        "USER_AUTOCONFIRM_MIN_EDITS",
                        "1"));
        Map<String, String> env = new HashMap<>(GatewayAuthIT.gatewayEnvironment(entities, Map.of()));
        env.put("GATEWAY_JWT_KEYS", TOKENS.publicKeyFile().toString());
        env.put("USER_SERVICE_URL", users.baseUrl());
        env.put("GATEWAY_API_KEY_CACHE_TTL", "1s");
        env.put("KAFKA_AUDIT_TOPIC", auditTopic);
        env.put("GATEWAY_AUTOCONFIRMED_CACHE_TTL", "1s");
        gateway = ServiceJar.start("gateway", env);
        for (long user : List.of(ADMIN, BOT_USER, NEWCOMER, REGULAR)) {
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

    @Test
    void privilegedActionsAdmittedOrRefusedAreListedForAdmins() throws Exception {
        String id = itemAs(TOKENS.token(7, "editor"));
        String run = Long.toString(System.nanoTime());
        String lock = "{\"locked\":true}";
        Response refused = as(TOKENS.token(7, "editor"))
                .header("X-Request-ID", "refused-" + run)
                .body(lock)
                .put(api("/entities/" + id + "/protection"));
        assertThat(refused.statusCode()).isEqualTo(403);
        Response badToken = as(TOKENS.tampered(ADMIN, "admin"))
                .header("X-Request-ID", "bad-token-" + run)
                .body(lock)
                .put(api("/entities/" + id + "/protection"));
        assertThat(badToken.statusCode()).isEqualTo(401);
        Response admitted = as(admin())
                .header("X-Request-ID", "admitted-" + run)
                .body(lock)
                .put(api("/entities/" + id + "/protection"));
        assertThat(admitted.statusCode()).as(admitted.asString()).isEqualTo(200);
        String keyId = as(admin())
                .header("X-Request-ID", "key-created-" + run)
                .body("{\"user_id\":31,\"roles\":[\"bot\"]}")
                .post(api("/api-keys"))
                .jsonPath()
                .getString("key_id");
        assertThat(as(admin())
                        .header("X-Request-ID", "key-revoked-" + run)
                        .delete(api("/api-keys/" + keyId))
                        .statusCode())
                .isEqualTo(200);

        Map<String, Map<String, Object>> byRequest =
                awaitAudited(List.of("refused-", "bad-token-", "admitted-", "key-created-", "key-revoked-").stream()
                        .map(prefix -> prefix + run)
                        .toList());
        assertThat(byRequest.get("refused-" + run))
                .containsEntry("user_id", 7)
                .containsEntry("roles", List.of("editor"))
                .containsEntry("method", "PUT")
                .containsEntry("path", "/v1/entitybase/entities/" + id + "/protection")
                .containsEntry("route", "entity-protection")
                .containsEntry("status", 403);
        assertThat(byRequest.get("bad-token-" + run))
                .containsEntry("user_id", 0)
                .containsEntry("status", 401);
        assertThat(byRequest.get("admitted-" + run))
                .containsEntry("user_id", (int) ADMIN)
                .containsEntry("roles", List.of("admin"))
                .containsEntry("status", 200);
        assertThat(byRequest.get("key-created-" + run))
                .containsEntry("route", "api-keys")
                .containsEntry("status", 201);
        assertThat(byRequest.get("key-revoked-" + run))
                .containsEntry("method", "DELETE")
                .containsEntry("path", "/v1/entitybase/api-keys/" + keyId)
                .containsEntry("status", 200);

        // paged newest first, pages do not overlap
        Response first = as(admin()).get(api("/audit?limit=2"));
        assertThat(first.jsonPath().getList("records")).hasSize(2);
        String next = first.jsonPath().getString("next");
        assertThat(next).isNotNull();
        Response second =
                as(admin()).queryParam("after", next).queryParam("limit", 2).get(api("/audit"));
        assertThat(second.statusCode()).as(second.asString()).isEqualTo(200);
        assertThat(second.jsonPath().getList("records.audit_id"))
                .doesNotContainAnyElementsOf(first.jsonPath().getList("records.audit_id"));
        assertThat(second.jsonPath().getString("records[0].at"))
                .isLessThanOrEqualTo(first.jsonPath().getString("records[1].at"));

        assertRefused(as(null).get(api("/audit")), 401, "unauthenticated");
        assertRefused(as(TOKENS.token(7, "editor")).get(api("/audit")), 403, "forbidden");
        assertRefused(as(admin()).get(api("/audit?after=nonsense")), 400, "invalid-parameter");
    }

    @Test
    void semiProtectedEntitiesRefuseAnonymousUnregisteredAndNewUsers() throws Exception {
        long registeredBy = System.currentTimeMillis(); // every test user was registered before this
        String regular = TOKENS.token(REGULAR, "editor");
        itemAs(regular); // the regular's one edit, counted once user-service has consumed it
        for (int attempt = 0; attempt < 150; attempt++) {
            if (given().get(users.apiUrl() + "/users/" + REGULAR).jsonPath().getLong("edit_count") >= 1) {
                break;
            }
            Thread.sleep(200);
        }
        Thread.sleep(Math.max(0, registeredBy + 3_100 - System.currentTimeMillis())); // old enough: 3 s

        String id = itemAs(admin());
        Response semi = as(admin()).body("{\"semi_protected\":true}").put(api("/entities/" + id + "/protection"));
        assertThat(semi.statusCode()).as(semi.asString()).isEqualTo(200);
        String labels = "/entities/items/" + id + "/labels/en";
        int revisions = as(null).get(api("/entities/" + id + "/history"))
                .jsonPath()
                .getList("revisions")
                .size();
        assertRefused(as(null).body("{\"value\":\"anonymous\"}").put(api(labels)), 403, "semi-protected");
        Response newcomer = as(TOKENS.token(NEWCOMER, "editor"))
                .header("X-User-Autoconfirmed", "true") // a client's claim: dropped by the gateway
                .body("{\"value\":\"newcomer\"}")
                .put(api(labels));
        assertRefused(newcomer, 403, "semi-protected");
        assertThat(newcomer.jsonPath().getLong("context.user")).isEqualTo(NEWCOMER);
        assertRefused(
                as(TOKENS.token(STRANGER, "editor"))
                        .body("{\"value\":\"stranger\"}")
                        .put(api(labels)),
                403,
                "semi-protected");
        assertThat(as(null).get(api("/entities/" + id + "/history")).jsonPath().getList("revisions"))
                .as("nothing changed")
                .hasSize(revisions);

        Response byRegular = as(regular).body("{\"value\":\"regular\"}").put(api(labels));
        assertThat(byRegular.statusCode()).as(byRegular.asString()).isEqualTo(200);
        String botKey = createKey(BOT_USER, "bot").jsonPath().getString("key"); // bots are autoconfirmed by role
        Response byBot = as(botKey).body("{\"value\":\"bot\"}").put(api(labels));
        assertThat(byBot.statusCode()).as(byBot.asString()).isEqualTo(200);
    }

    /** The audit records of these request ids, once user-service has them all (it consumes the topic). */
    private static Map<String, Map<String, Object>> awaitAudited(List<String> requestIds) throws Exception {
        Map<String, Map<String, Object>> found = new HashMap<>();
        for (int attempt = 0; attempt < 150 && found.size() < requestIds.size(); attempt++) {
            Response listed = as(admin()).get(api("/audit?limit=1000"));
            assertThat(listed.statusCode()).as(listed.asString()).isEqualTo(200);
            for (Map<String, Object> record : listed.jsonPath().<Map<String, Object>>getList("records")) {
                if (requestIds.contains(record.get("request_id"))) {
                    found.put((String) record.get("request_id"), record);
                }
            }
            if (found.size() < requestIds.size()) {
                Thread.sleep(200);
            }
        }
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(requestIds);
        return found;
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
