package org.entitybase.gateway.route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import org.entitybase.gateway.route.IngressGenerator.IngressPath;
import org.entitybase.gateway.route.RouteExamples.Example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entitybase.gateway.route.YamlPaths.at;

class IngressGeneratorTest {
    private static final Path REPO = Path.of(System.getProperty("entitybase.repo", ".."));
    private static final RouteTable TABLE = RouteTableSource.fromFile(REPO.resolve(IngressGenerator.ROUTES_FILE))
            .table();

    /**
     * Fails when deploy/k8s/generated/ingress.yaml is stale; {@code -Dentitybase.regenerate-ingress=true} rewrites it
     * instead.
     */
    @Test
    void generatedIngressIsUpToDateWithRoutesJson() throws IOException {
        Path ingress = REPO.resolve(IngressGenerator.INGRESS_FILE);
        String expected = IngressGenerator.generate(TABLE);
        if (Boolean.getBoolean("entitybase.regenerate-ingress")) {
            Files.createDirectories(ingress.getParent());
            Files.writeString(ingress, expected);
        }
        assertThat(Files.exists(ingress))
                .as("%s is missing; run %s", ingress, IngressGenerator.REGENERATE_COMMAND)
                .isTrue();
        assertThat(Files.readString(ingress))
                .as("%s is out of date with routes.json; run %s", ingress, IngressGenerator.REGENERATE_COMMAND)
                .isEqualTo(expected);
    }

    @Test
    void generatedIngressIsAValidIngressDocument() {
        Map<String, Object> doc = new Yaml().load(IngressGenerator.generate(TABLE));
        assertThat(doc).containsEntry("apiVersion", "networking.k8s.io/v1").containsEntry("kind", "Ingress");
        List<?> paths = (List<?>) at(doc, "spec", "rules", 0, "http", "paths");
        // one path: the whole prefix to the gateway, so authentication cannot be bypassed (issue 16)
        assertThat(paths).hasSize(1);
        Object only = paths.get(0);
        assertThat(at(only, "path")).isEqualTo("/v1/entitybase(?:/.*)?$");
        assertThat(at(only, "backend", "service", "name")).isEqualTo("gateway");
        assertThat(at(only, "backend", "service", "port", "number")).isEqualTo(8080);
    }

    @Test
    void theIngressSendsEveryPublicRouteThroughTheGateway() {
        java.util.regex.Pattern only = java.util.regex.Pattern.compile(
                "^" + IngressGenerator.throughGateway(TABLE).get(0).regex(), java.util.regex.Pattern.CASE_INSENSITIVE);
        for (Example example : RouteExamples.ALL) {
            boolean underPrefix =
                    example.path().equals(TABLE.prefix()) || example.path().startsWith(TABLE.prefix() + "/");
            assertThat(only.matcher(example.path()).find())
                    .as("%s reaches the gateway exactly when it is under the prefix", example.path())
                    .isEqualTo(underPrefix);
        }
        assertThat(only.matcher("/internal/ids/ranges").find())
                .as("internal routes stay unrouted")
                .isFalse();
    }

    static Stream<Example> examples() {
        return RouteExamples.ALL.stream();
    }

    /**
     * Plays ingress-nginx: regex locations ({@code ~*}: case-insensitive, '^' prepended) sorted longest first, first
     * match wins. Every path that matches must lead to the service the gateway picks, so nginx's order cannot matter.
     * Paths under the prefix that no route takes go to the gateway (which answers 404).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void nginxRoutesExampleLikeTheGateway(Example example) {
        List<IngressPath> byLength = new ArrayList<>(IngressGenerator.paths(TABLE));
        byLength.sort(
                Comparator.comparingInt((IngressPath p) -> p.regex().length()).reversed());
        List<String> matching = new ArrayList<>();
        for (IngressPath path : byLength) {
            if (Pattern.compile("^" + path.regex(), Pattern.CASE_INSENSITIVE)
                    .matcher(example.path())
                    .find()) {
                matching.add(path.k8sService());
            }
        }
        String expected;
        if (example.service() != null) {
            expected = TABLE.services().get(example.service()).k8sService();
        } else if (example.path().equals(TABLE.prefix()) || example.path().startsWith(TABLE.prefix() + "/")) {
            expected = "gateway";
        } else {
            assertThat(matching).as(example.toString()).isEmpty();
            return;
        }
        assertThat(matching).as(example.toString()).isNotEmpty().allMatch(expected::equals);
    }

    @Test
    void refusesRoutesThatDependOnTheMethod() {
        RouteTable table = RouteTable.parse("""
                {"prefix": "/api",
                 "routes": [{"name": "create", "methods": ["POST"], "path": "/things", "service": "gateway"}],
                 "services": {"gateway": {"localUrl": "http://127.0.0.1:8080", "k8sService": "gateway", "port": 8080}}}
                """);
        assertThatThrownBy(() -> IngressGenerator.generate(table)).hasMessageContaining("routes by path only");
    }
}
