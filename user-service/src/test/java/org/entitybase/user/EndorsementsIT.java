package org.entitybase.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import org.entitybase.testkit.stack.LocalStack;
import org.entitybase.user.storage.StatementObjects;
import org.entitybase.user.support.UserStack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code POST|DELETE /statements/{hash}/endorse}, {@code GET /statements/{hash}/endorsements}: the rules, and
 * statement existence read from the statement objects in S3 while S3 is up and down. The objects are put as
 * statement-service stores them (content bucket, {@code statement/<2 hex>/<hash>}).
 */
@QuarkusTest
class EndorsementsIT {

    private static final String ENDORSE = "/v1/entitybase/statements/{hash}/endorse";
    private static final String ENDORSEMENTS = "/v1/entitybase/statements/{hash}/endorsements";

    @Inject
    S3Client s3;

    @Test
    void oneEndorsementPerUserCountedAndPaged() {
        String hash = storedStatement("endorsed");
        as(71).post(ENDORSE, hash).then().statusCode(201).body("user_id", equalTo(71));
        as(72).post(ENDORSE, hash).then().statusCode(201);
        as(73).post(ENDORSE, hash).then().statusCode(201);
        as(71).post(ENDORSE, hash)
                .then()
                .statusCode(409)
                .body("code", equalTo("already-endorsed"))
                .body("context.hash", equalTo(hash));
        assertThat(endorsements(hash)).isEqualTo(3);

        JsonPath first = given().get(ENDORSEMENTS + "?limit=2", hash)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(first.getInt("count")).isEqualTo(3);
        assertThat(first.getList("endorsements")).hasSize(2);
        JsonPath second = given().queryParam("after", first.getString("next"))
                .get(ENDORSEMENTS + "?limit=2", hash)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(second.getList("endorsements")).hasSize(1);
        assertThat(second.getString("next")).isNull();
        assertThat(first.getList("endorsements.user_id", Integer.class))
                .doesNotContainAnyElementsOf(second.getList("endorsements.user_id", Integer.class));

        as(72).delete(ENDORSE, hash).then().statusCode(204);
        as(72).delete(ENDORSE, hash).then().statusCode(404).body("code", equalTo("endorsement-not-found"));
        given().get(ENDORSEMENTS, hash).then().statusCode(200).body("count", equalTo(2));
        given().get("/v1/entitybase/users/71").then().statusCode(404);
    }

    @Test
    void refusalsStoreNothing() {
        String hash = storedStatement("refusals");
        String missing = sha256("no such statement");
        long before = UserStack.count("SELECT COUNT(*) FROM user_statement_endorsements");
        as(74).post(ENDORSE, missing)
                .then()
                .statusCode(404)
                .body("code", equalTo("statement-not-found"))
                .body("context.hash", equalTo(missing));
        as(0).post(ENDORSE, hash).then().statusCode(403).body("code", equalTo("anonymous-not-allowed"));
        given().post(ENDORSE, hash).then().statusCode(400).body("code", equalTo("missing-user-id"));
        as(74).post(ENDORSE, "ABC").then().statusCode(400).body("context.parameter", equalTo("hash"));
        as(74).delete(ENDORSE, hash).then().statusCode(404).body("code", equalTo("endorsement-not-found"));
        given().get(ENDORSEMENTS + "?after=zzz", hash).then().statusCode(400);
        assertThat(UserStack.count("SELECT COUNT(*) FROM user_statement_endorsements"))
                .isEqualTo(before);
    }

    @Test
    void s3DownIsA503AndNeverA404() {
        String hash = storedStatement("outage");
        UserStack.s3().kill();
        try {
            as(75).post(ENDORSE, hash)
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "5")
                    .body("code", equalTo("service-unavailable"))
                    .body("context.dependency", equalTo("storage"));
            assertThat(endorsements(hash)).isZero();
        } finally {
            UserStack.s3().restart();
        }
        as(75).post(ENDORSE, hash).then().statusCode(201);
    }

    /** A statement object as statement-service stores it; its address. */
    private String storedStatement(String label) {
        String json = "{\"mainsnak\":{\"snaktype\":\"value\",\"property\":\"P1476\",\"datavalue\":{\"value\":\"" + label
                + " " + System.nanoTime() + "\",\"type\":\"string\"}},\"type\":\"statement\",\"rank\":\"normal\"}";
        String hash = sha256(json);
        s3.putObject(
                b -> b.bucket(LocalStack.current().s3ContentBucket()).key(StatementObjects.key(hash)),
                RequestBody.fromString(json));
        return hash;
    }

    private static long endorsements(String hash) {
        return UserStack.count(
                "SELECT COUNT(*) FROM user_statement_endorsements WHERE statement_hash = '" + hash + "'");
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static RequestSpecification as(long user) {
        return given().contentType(ContentType.JSON).header("X-User-ID", user);
    }
}
