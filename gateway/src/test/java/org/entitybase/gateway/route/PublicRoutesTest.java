package org.entitybase.gateway.route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.entitybase.gateway.route.IngressGenerator.IngressPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway and the Ingress route only public routes: every route of routes.json and every Ingress path serves at
 * least one route of deploy/gateway/public-routes.txt (API.md's list), every public route is routed, and no internal
 * path (under {@code /internal/}, or the old internal paths under the prefix) reaches a service.
 */
class PublicRoutesTest {
    private static final Path REPO = Path.of(System.getProperty("entitybase.repo", ".."));
    private static final Path PUBLIC_ROUTES = REPO.resolve("deploy/gateway/public-routes.txt");
    private static final RouteTable TABLE = RouteTableSource.fromFile(REPO.resolve(IngressGenerator.ROUTES_FILE))
            .table();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    /** Internal routes as callers inside the cluster use them, and where they were before they left the prefix. */
    private static final List<String> INTERNAL_PATHS = List.of(
            "/internal/id-ranges",
            "/internal/revisions/cleanup-orphaned",
            "/internal/statements/rebuild",
            "/internal/entities/Q42/rdf-reconcile",
            TABLE.prefix() + "/internal/id-ranges",
            TABLE.prefix() + "/internal/revisions/cleanup-orphaned",
            TABLE.prefix() + "/statements/internal/rebuild",
            TABLE.prefix() + "/statements/internal/backlink-statistics");

    record PublicRoute(String method, String template, String example) {}

    static List<PublicRoute> publicRoutes() throws IOException {
        List<PublicRoute> routes = new ArrayList<>();
        for (String line : Files.readAllLines(PUBLIC_ROUTES)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split(" ");
            assertThat(parts).as("line '%s' is METHOD path", line).hasSize(2);
            routes.add(new PublicRoute(parts[0], parts[1], TABLE.prefix() + example(parts[1])));
        }
        return routes;
    }

    private static String example(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String sample = switch (m.group(1)) {
                case "id" -> "Q42";
                case "rev" -> "7";
                case "lang" -> "en";
                case "pid" -> "P31";
                case "list" -> "P31,P279";
                case "form" -> "L1-F1";
                case "sense" -> "L1-S1";
                case "site" -> "enwiki";
                default -> "a1b2c3";
            };
            m.appendReplacement(out, sample);
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void everyPublicRouteIsRouted() throws IOException {
        List<PublicRoute> routes = publicRoutes();
        assertThat(routes).hasSizeGreaterThan(50);
        for (PublicRoute route : routes) {
            assertThat(TABLE.match(route.method(), route.example()))
                    .as("%s %s", route.method(), route.template())
                    .isPresent();
        }
    }

    @Test
    void everyGatewayRouteServesAPublicRoute() throws IOException {
        List<PublicRoute> routes = publicRoutes();
        for (Route gatewayRoute : TABLE.routes()) {
            boolean used = routes.stream()
                    .map(route -> TABLE.match(route.method(), route.example()))
                    .flatMap(Optional::stream)
                    .anyMatch(gatewayRoute::equals);
            assertThat(used)
                    .as("route %s (%s) serves no route of %s", gatewayRoute.name(), gatewayRoute.label(), PUBLIC_ROUTES)
                    .isTrue();
        }
    }

    @Test
    void everyIngressPathToAServiceServesAPublicRoute() throws IOException {
        List<PublicRoute> routes = publicRoutes();
        for (IngressPath path : IngressGenerator.paths(TABLE)) {
            Pattern regex = Pattern.compile("^" + path.regex(), Pattern.CASE_INSENSITIVE);
            boolean used = routes.stream()
                    .anyMatch(route -> regex.matcher(route.example()).find());
            assertThat(used).as("Ingress path %s", path.comment()).isTrue();
        }
    }

    @Test
    void noInternalPathReachesAService() {
        for (String path : INTERNAL_PATHS) {
            for (String method : List.of("GET", "POST")) {
                assertThat(TABLE.match(method, path)).as("%s %s", method, path).isEmpty();
            }
            for (IngressPath ingress : IngressGenerator.paths(TABLE)) {
                boolean matches = Pattern.compile("^" + ingress.regex(), Pattern.CASE_INSENSITIVE)
                        .matcher(path)
                        .find();
                // the Ingress may send a path under the prefix to the gateway, which answers 404; never to a service
                if (matches) {
                    assertThat(ingress.k8sService()).as("Ingress for %s", path).isEqualTo("gateway");
                }
            }
        }
    }
}
