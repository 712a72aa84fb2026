package org.entitybase.gateway.route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the Kubernetes Ingress (ingress-nginx) for a route table. The written Ingress sends the whole public prefix
 * to the gateway ({@link #throughGateway}): authentication, roles, rate limits and the audit happen there, so no public
 * request may reach a service around it (docs/DECISIONS.md "The Kubernetes bypass"; deploy/k8s/network-policies.yaml
 * keeps the services' ports closed to everything but the gateway and their callers).
 *
 * <p>{@link #paths} is the direct routing (each route straight to its service, one hop less), kept for a deployment
 * that puts ingress-nginx's {@code auth-url} in front of it; it is not what {@link #generate} writes. ingress-nginx
 * sorts regex locations by length, not by their order in the Ingress, so "first match wins" cannot
 * be kept by ordering. Instead each path excludes, with a negative lookahead, every earlier route that goes to a
 * different service: then all paths that match a request lead to the service of its first matching route, whatever
 * order nginx tries them in. Routes restricted to methods cannot be expressed (nginx locations match paths only) and
 * are refused. A last catch-all (excluding every routed path the same way) sends the rest of the prefix to the
 * gateway, which answers it with route-not-found.
 */
public final class IngressGenerator {
    public static final Path ROUTES_FILE = Path.of("deploy", "gateway", "routes.json");
    public static final Path INGRESS_FILE = Path.of("deploy", "k8s", "generated", "ingress.yaml");
    public static final String REGENERATE_COMMAND =
            "mvn -B -pl gateway test -Dtest=IngressGeneratorTest -Dentitybase.regenerate-ingress=true";

    private IngressGenerator() {}

    /** One path of the Ingress: the full regex (ingress-nginx prepends '^') and where it goes. */
    public record IngressPath(String comment, String regex, String k8sService, int port) {}

    /** Every request under the prefix to the gateway: the Ingress written by {@link #generate}. */
    public static List<IngressPath> throughGateway(RouteTable table) {
        paths(table); // the same checks as the direct routing: a route table nginx could not route is refused
        ServiceEndpoint gateway = table.services().get(RouteTable.GATEWAY);
        return List.of(new IngressPath(
                "everything under the prefix -> gateway (it authenticates, then routes per routes.json)",
                table.prefix() + "(?:/.*)?$",
                gateway.k8sService(),
                gateway.port()));
    }

    /** Each route straight to its service (see the class comment: not what {@link #generate} writes). */
    public static List<IngressPath> paths(RouteTable table) {
        List<IngressPath> paths = new ArrayList<>();
        List<Route> routes = table.routes();
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            if (!route.methods().isEmpty()) {
                throw new IllegalArgumentException("route '" + route.name() + "' is restricted to " + route.methods()
                        + ": an nginx Ingress routes by path only, so routes.json must not depend on methods");
            }
            ServiceEndpoint service = table.services().get(route.service());
            paths.add(new IngressPath(
                    route.name() + ": " + route.label() + " -> " + route.service(),
                    table.prefix() + notMatching(routes.subList(0, i), route.regex(), route.service()) + "(?:"
                            + route.regex() + ")$",
                    service.k8sService(),
                    service.port()));
        }
        ServiceEndpoint gateway = table.services().get(RouteTable.GATEWAY);
        paths.add(new IngressPath(
                "anything else under the prefix -> gateway (404 route-not-found)",
                table.prefix() + notMatching(routes, "", RouteTable.GATEWAY) + "(?:/.*)?$",
                gateway.k8sService(),
                gateway.port()));
        return paths;
    }

    /**
     * A negative lookahead that fails where one of {@code earlier} that goes elsewhere than {@code service} matches.
     * Routes whose leading literals differ (e.g. {@code /stats} and {@code /statements/}) can never match the same
     * path and are left out, which keeps the paths readable.
     */
    private static String notMatching(List<Route> earlier, String regex, String service) {
        String literal = literalPrefix(regex);
        List<String> others = new ArrayList<>();
        for (Route route : earlier) {
            String otherLiteral = literalPrefix(route.regex());
            boolean mayOverlap = literal.startsWith(otherLiteral) || otherLiteral.startsWith(literal);
            if (mayOverlap && !route.service().equals(service)) {
                others.add("(?:" + route.regex() + ")$");
            }
        }
        return others.isEmpty() ? "" : "(?!" + String.join("|", others) + ")";
    }

    /** The characters every match of {@code regex} starts with: up to the first regex metacharacter. */
    static String literalPrefix(String regex) {
        int end = 0;
        while (end < regex.length() && "\\.[]{}()*+?^$|".indexOf(regex.charAt(end)) < 0) {
            end++;
        }
        return regex.substring(0, end);
    }

    public static String generate(RouteTable table) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# GENERATED from deploy/gateway/routes.json by org.entitybase.gateway.route.IngressGenerator.\n")
                .append("# Do not edit. Regenerate: ")
                .append(REGENERATE_COMMAND)
                .append('\n')
                .append("apiVersion: networking.k8s.io/v1\n")
                .append("kind: Ingress\n")
                .append("metadata:\n")
                .append("  name: entitybase\n")
                .append("  labels:\n")
                .append("    app.kubernetes.io/part-of: entitybase\n")
                .append("  annotations:\n")
                .append("    nginx.ingress.kubernetes.io/use-regex: \"true\"\n")
                .append("    # entities are <= 4 MiB; /import takes batches\n")
                .append("    nginx.ingress.kubernetes.io/proxy-body-size: \"64m\"\n")
                .append("    nginx.ingress.kubernetes.io/proxy-read-timeout: \"60\"\n")
                .append("spec:\n")
                .append("  ingressClassName: nginx\n")
                .append("  rules:\n")
                .append("    - http:\n")
                .append("        paths:\n");
        for (IngressPath path : throughGateway(table)) {
            yaml.append("          # ")
                    .append(path.comment())
                    .append('\n')
                    .append("          - path: ")
                    .append(singleQuoted(path.regex()))
                    .append('\n')
                    .append("            pathType: ImplementationSpecific\n")
                    .append("            backend:\n")
                    .append("              service:\n")
                    .append("                name: ")
                    .append(path.k8sService())
                    .append('\n')
                    .append("                port:\n")
                    .append("                  number: ")
                    .append(path.port())
                    .append('\n');
        }
        return yaml.toString();
    }

    private static String singleQuoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** {@code IngressGenerator [repo-root]}: regenerates deploy/k8s/generated/ingress.yaml from routes.json. */
    public static void main(String[] args) throws IOException {
        Path repo = Path.of(args.length > 0 ? args[0] : ".");
        RouteTable table = RouteTableSource.fromFile(repo.resolve(ROUTES_FILE)).table();
        Path out = repo.resolve(INGRESS_FILE);
        Files.createDirectories(out.getParent());
        Files.writeString(out, generate(table));
        System.out.println("wrote " + out);
    }
}
