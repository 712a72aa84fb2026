package org.entitybase.runtime.rest;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Internal routes answer at /internal/..., outside the public prefix, and only there. */
@QuarkusTest
class InternalRoutesTest {

    @Test
    void anInternalRouteAnswersOutsideThePrefixWithItsQuery() {
        given().get("/internal/probe?q=ranges")
                .then()
                .statusCode(200)
                .header(RequestIds.HEADER, notNullValue())
                .body(equalTo("internal ranges"));
    }

    @Test
    void anInternalRouteTakesABody() {
        given().contentType(ContentType.TEXT)
                .body("a body")
                .post("/internal/probe")
                .then()
                .statusCode(200)
                .body(equalTo("internal got a body"));
    }

    @Test
    void theSameRouteUnderThePublicPrefixIs404() {
        given().get("/v1/entitybase/internal/probe?q=x")
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("code", equalTo("not-found"))
                .body("context.path", equalTo("/v1/entitybase/internal/probe"));
    }

    @Test
    void publicRoutesAreUntouched() {
        given().get("/v1/entitybase/probe/conflict").then().statusCode(409);
        given().get("/internal/nothing-here").then().statusCode(404);
    }
}
