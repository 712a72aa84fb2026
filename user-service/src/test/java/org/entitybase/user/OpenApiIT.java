package org.entitybase.user;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document the gateway merges lists every user-service route with its operations. */
@QuarkusTest
class OpenApiIT {

    @Test
    void everyRouteIsDocumented() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        String p = "/v1/entitybase";
        assertThat(paths.get(p + "/users")).containsKey("post");
        assertThat(paths.get(p + "/users/{id}")).containsKeys("get", "put");
        assertThat(paths.get(p + "/users/{id}/watchlist")).containsKeys("get", "post", "delete");
        assertThat(paths.get(p + "/users/{id}/thank")).containsKey("post");
        assertThat(paths.get(p + "/users/{id}/thanks")).containsKey("get");
        assertThat(paths.get(p + "/users/{id}/activity")).containsKey("get");
        assertThat(paths.get(p + "/statements/{hash}/endorse")).containsKeys("post", "delete");
        assertThat(paths.get(p + "/statements/{hash}/endorsements")).containsKey("get");
        @SuppressWarnings("unchecked")
        Map<String, Object> thank =
                (Map<String, Object>) paths.get(p + "/users/{id}/thank").get("post");
        assertThat((String) thank.get("summary")).contains("revision");
    }
}
