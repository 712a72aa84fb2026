package org.entitybase.gateway.route;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.entitybase.gateway.route.RouteExamples.Example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableTest {
    private static final RouteTable TABLE = RouteTableSource.fromClasspath().table();

    static Stream<Example> examples() {
        return RouteExamples.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void routesExampleToItsService(Example example) {
        assertThat(TABLE.match(example.method(), example.path()).map(Route::service))
                .as(example.toString())
                .isEqualTo(java.util.Optional.ofNullable(example.service()));
    }

    @Test
    void bundledTableHasEveryServiceOnItsPort() {
        assertThat(TABLE.prefix()).isEqualTo("/v1/entitybase");
        assertThat(TABLE.services().keySet())
                .containsExactly(
                        "gateway",
                        "id-allocator",
                        "entity-service",
                        "statement-service",
                        "rdf-service",
                        "user-service",
                        "watchlist-consumer",
                        "stats-workers");
        assertThat(TABLE.services().get("entity-service").localUrl()).hasToString("http://127.0.0.1:8082");
        assertThat(TABLE.services().get("stats-workers").port()).isEqualTo(8087);
    }

    @Test
    void noPublicRouteReachesTheIdAllocator() {
        assertThat(TABLE.routes()).extracting(Route::service).doesNotContain("id-allocator");
    }

    @Test
    void pathsAreCaseSensitive() {
        assertThat(TABLE.match("GET", "/v1/entitybase/Entities/Q42")).isEmpty();
    }

    @Test
    void methodRestrictedRouteFallsThroughForOtherMethods() {
        RouteTable table = RouteTable.parse("""
                {"prefix": "/api",
                 "routes": [
                   {"name": "create", "methods": ["post"], "path": "/things", "service": "writer"},
                   {"name": "things", "path": "/things/**", "service": "reader"}],
                 "services": {
                   "gateway": {"localUrl": "http://127.0.0.1:8080", "k8sService": "gateway", "port": 8080},
                   "writer": {"localUrl": "http://127.0.0.1:9001", "k8sService": "writer", "port": 9001},
                   "reader": {"localUrl": "http://127.0.0.1:9002", "k8sService": "reader", "port": 9002}}}
                """);
        assertThat(table.match("POST", "/api/things").map(Route::service)).contains("writer");
        assertThat(table.match("GET", "/api/things").map(Route::service)).contains("reader");
        assertThat(table.match("POST", "/api/things/1").map(Route::service)).contains("reader");
    }

    @Test
    void regexRouteMatchesTheWholeRestOfThePath() {
        RouteTable table = RouteTable.parse("""
                {"prefix": "/api",
                 "routes": [{"name": "numbered", "regex": "/n/[0-9]+", "service": "gateway"}],
                 "services": {"gateway": {"localUrl": "http://127.0.0.1:8080", "k8sService": "gateway", "port": 8080}}}
                """);
        assertThat(table.match("GET", "/api/n/42")).isPresent();
        assertThat(table.match("GET", "/api/n/42x")).isEmpty();
        assertThat(table.match("GET", "/api/x/n/42")).isEmpty();
    }

    @Test
    void rejectsBrokenTables() {
        String services =
                "\"services\": {\"gateway\": {\"localUrl\": \"http://127.0.0.1:8080\", \"k8sService\": \"g\", \"port\": 8080}}";
        assertThatThrownBy(() -> RouteTable.parse("{\"prefix\": \"/api\", \"routes\": "
                        + "[{\"name\": \"a\", \"path\": \"/a\", \"service\": \"nowhere\"}], " + services + "}"))
                .hasMessageContaining("unknown service 'nowhere'");
        assertThatThrownBy(() -> RouteTable.parse("{\"prefix\": \"/api\", \"routes\": "
                        + "[{\"name\": \"a\", \"path\": \"/a\", \"service\": \"gateway\"},"
                        + " {\"name\": \"a\", \"path\": \"/b\", \"service\": \"gateway\"}], " + services + "}"))
                .hasMessageContaining("duplicate route name: a");
        assertThatThrownBy(() -> RouteTable.parse("{\"prefix\": \"/api\", \"routes\": "
                        + "[{\"name\": \"a\", \"pth\": \"/a\", \"service\": \"gateway\"}], " + services + "}"))
                .hasMessageContaining("unknown key \"pth\"");
        assertThatThrownBy(() -> RouteTable.parse("{\"prefix\": \"/api/\", \"routes\": "
                        + "[{\"name\": \"a\", \"path\": \"/a\", \"service\": \"gateway\"}], " + services + "}"))
                .hasMessageContaining("prefix");
        assertThatThrownBy(() -> RouteTable.parse("{\"prefix\": \"/api\", \"routes\": "
                        + "[{\"name\": \"a\", \"path\": \"/a\", \"regex\": \"/a\", \"service\": \"gateway\"}], "
                        + services + "}"))
                .hasMessageContaining("exactly one of");
        assertThatThrownBy(() -> RouteTable.parse("{\"prefix\": \"/api\", \"routes\": "
                        + "[{\"name\": \"a\", \"methods\": [\"FETCH\"], \"path\": \"/a\", \"service\": \"gateway\"}], "
                        + services + "}"))
                .hasMessageContaining("unknown HTTP method FETCH");
        assertThatThrownBy(() -> RouteTable.parse("{\"prefix\": \"/api\", \"routes\": [], " + services + "}"))
                .hasMessageContaining("no routes");
        assertThatThrownBy(() -> RouteTable.parse("{not json")).hasMessageContaining("not valid JSON");
    }
}
