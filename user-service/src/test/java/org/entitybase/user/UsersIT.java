package org.entitybase.user;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import org.entitybase.user.support.UserStack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** {@code POST /users}, {@code PUT /users/{id}}, {@code GET /users/{id}} against the real stack. */
@QuarkusTest
@QuarkusTestResource(value = UserStack.class, restrictToAnnotatedClass = false)
class UsersIT {

    @Test
    void registerAllocatesAnIdAndNamesAreUniqueIgnoringCase() {
        int id = as(1).body("{\"name\":\"Ada Lovelace\"}")
                .post("/v1/entitybase/users")
                .then()
                .statusCode(201)
                .body("name", equalTo("Ada Lovelace"))
                .body("registered_at", notNullValue())
                .extract()
                .path("id");
        assertThat(id).isPositive();

        long before = UserStack.count("SELECT COUNT(*) FROM users");
        as(1).body("{\"name\":\"ada LOVELACE\"}")
                .post("/v1/entitybase/users")
                .then()
                .statusCode(409)
                .body("code", equalTo("name-taken"))
                .body("message", notNullValue())
                .body("context.name", equalTo("ada LOVELACE"));
        assertThat(UserStack.count("SELECT COUNT(*) FROM users")).isEqualTo(before);
        assertThat(UserStack.count("SELECT COUNT(*) FROM user_names")).isEqualTo(before);

        given().get("/v1/entitybase/users/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("Ada Lovelace"))
                .body("edit_count", equalTo(0))
                .body("thanks_sent", equalTo(0))
                .body("thanks_received", equalTo(0))
                .body("endorsements_given", equalTo(0));
    }

    @Test
    void importKeepsTheIdAndARepeatChangesNothing() {
        as(1).body("{\"name\":\"Imported 900001\"}")
                .put("/v1/entitybase/users/900001")
                .then()
                .statusCode(201)
                .body("id", equalTo(900001));
        as(1).body("{\"name\":\"Imported 900001\"}")
                .put("/v1/entitybase/users/900001")
                .then()
                .statusCode(200)
                .body("id", equalTo(900001));
        // the id with another name; the name (another case) for another id
        as(1).body("{\"name\":\"Somebody Else\"}")
                .put("/v1/entitybase/users/900001")
                .then()
                .statusCode(409)
                .body("code", equalTo("user-exists"));
        as(1).body("{\"name\":\"IMPORTED 900001\"}")
                .put("/v1/entitybase/users/900002")
                .then()
                .statusCode(409)
                .body("code", equalTo("name-taken"));
        assertThat(UserStack.count("SELECT COUNT(*) FROM users WHERE user_id IN (900001, 900002)"))
                .isEqualTo(1);
        assertThat(UserStack.count("SELECT COUNT(*) FROM users WHERE user_name = 'Somebody Else'"))
                .isZero();
        // allocation continues above imported ids
        int next = as(1).body("{\"name\":\"After import\"}")
                .post("/v1/entitybase/users")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(next).isGreaterThan(900001);
    }

    @Test
    void badInputIsA4xxWithTheErrorBodyAndStoresNothing() {
        long before = UserStack.count("SELECT COUNT(*) FROM users");
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"No header\"}")
                .post("/v1/entitybase/users")
                .then()
                .statusCode(400)
                .body("code", equalTo("missing-user-id"));
        as(1).body("{\"name\":\" padded\"}")
                .post("/v1/entitybase/users")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid-user-name"));
        as(1).body("{\"name\":\"" + "x".repeat(256) + "\"}")
                .post("/v1/entitybase/users")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid-user-name"));
        as(1).body("{\"nom\":\"x\"}")
                .post("/v1/entitybase/users")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid-body"))
                .body("context.field", equalTo("name"));
        as(1).body("{\"name\":\"Zero\"}")
                .put("/v1/entitybase/users/0")
                .then()
                .statusCode(400)
                .body("context.parameter", equalTo("id"));
        assertThat(UserStack.count("SELECT COUNT(*) FROM users")).isEqualTo(before);

        given().get("/v1/entitybase/users/987654321")
                .then()
                .statusCode(404)
                .body("code", equalTo("user-not-found"))
                .body("context.id", equalTo(987654321));
        given().get("/v1/entitybase/users/abc").then().statusCode(400).body("code", equalTo("invalid-parameter"));
    }

    static RequestSpecification as(long user) {
        return given().contentType(ContentType.JSON).header("X-User-ID", user);
    }
}
