package org.entitybase.runtime.rest;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The shared REST glue inside a real Quarkus app: the API prefix from the shared config, the
 * error mappers winning over Quarkus' built-in ones, the request id on every kind of route.
 */
@QuarkusTest
class RestErrorHandlingTest {

    private static final String PREFIX = "/v1/entitybase/probe";

    @Test
    void malformedJsonIs400InvalidJson() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": ")
                .post(PREFIX + "/greeting")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("code", equalTo("invalid-json"));
    }

    @Test
    void wrongJsonShapeIs400InvalidJson() {
        given().contentType(ContentType.JSON)
                .body("[1, 2]")
                .post(PREFIX + "/greeting")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid-json"));
    }

    @Test
    void aViolatedConstraintIs400ValidationFailed() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"\"}")
                .post(PREFIX + "/greeting")
                .then()
                .statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("context.violations", hasSize(1));
    }

    @Test
    void aValidRequestPasses() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"Douglas\"}")
                .post(PREFIX + "/greeting")
                .then()
                .statusCode(200)
                .body(equalTo("hello Douglas"));
    }

    @Test
    void wrongMediaTypeIs415() {
        given().contentType(ContentType.TEXT)
                .body("name")
                .post(PREFIX + "/greeting")
                .then()
                .statusCode(415)
                .body("code", equalTo("unsupported-media-type"));
    }

    @Test
    void wrongMethodIs405() {
        given().delete(PREFIX + "/conflict").then().statusCode(405).body("code", equalTo("method-not-allowed"));
    }

    @Test
    void apiExceptionKeepsItsCode() {
        given().get(PREFIX + "/conflict")
                .then()
                .statusCode(409)
                .body("code", equalTo("edit-conflict"))
                .body("context.head_revision_id", equalTo(3));
    }

    @Test
    void aBugIs500WithTheRequestIdInContextAndHeader() {
        given().header(RequestIds.HEADER, "bug-report-1")
                .get(PREFIX + "/bug")
                .then()
                .statusCode(500)
                .header(RequestIds.HEADER, "bug-report-1")
                .body("code", equalTo("internal-error"))
                .body("message", equalTo("internal error"))
                .body("context.request_id", equalTo("bug-report-1"));
    }

    @Test
    void theRequestIdIsInTheMdcOnWorkerAndEventLoopRoutes() {
        given().header(RequestIds.HEADER, "on-worker")
                .get(PREFIX + "/request-id/worker")
                .then()
                .statusCode(200)
                .body(equalTo("on-worker"));
        given().header(RequestIds.HEADER, "on-event-loop")
                .get(PREFIX + "/request-id/event-loop")
                .then()
                .statusCode(200)
                .body(equalTo("on-event-loop"));
    }

    @Test
    void nonApplicationRoutesGetARequestIdToo() {
        given().get("/q/health/live").then().statusCode(200).header(RequestIds.HEADER, notNullValue());
    }
}
