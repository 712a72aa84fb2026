package org.entitybase.gateway.route;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.entitybase.gateway.auth.Role;

/**
 * The ordered gateway route table (deploy/gateway/routes.json): the first route whose method and path match wins.
 * Patterns are compiled once here; {@link #match} is called on every request.
 */
public final class RouteTable {
    /** The service name of routes the gateway answers itself (health, merged OpenAPI). */
    public static final String GATEWAY = "gateway";

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("$comment", "prefix", "routes", "services");
    private static final Set<String> ROUTE_KEYS =
            Set.of("$comment", "name", "methods", "path", "regex", "service", "writeRole", "readRole");
    /** The {@code writeRole} of a route whose writes anyone may send. */
    public static final String ANYONE = "anyone";

    private static final Set<String> SERVICE_KEYS = Set.of("$comment", "localUrl", "k8sService", "port");
    private static final Set<String> HTTP_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    private final String prefix;
    private final List<Route> routes;
    private final Pattern[] patterns;
    private final Map<String, ServiceEndpoint> services;

    private RouteTable(String prefix, List<Route> routes, Map<String, ServiceEndpoint> services) {
        this.prefix = prefix;
        this.routes = List.copyOf(routes);
        this.services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        this.patterns = new Pattern[routes.size()];
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            try {
                patterns[i] = Pattern.compile(route.regex());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("route '" + route.name() + "': bad regex " + route.regex(), e);
            }
        }
    }

    /** The public path prefix every route lives under, e.g. {@code /v1/entitybase}. */
    public String prefix() {
        return prefix;
    }

    public List<Route> routes() {
        return routes;
    }

    /** Services by name, in file order. */
    public Map<String, ServiceEndpoint> services() {
        return services;
    }

    /**
     * The first route that takes {@code method} on {@code path} (the full request path, without query), or empty when
     * the path is outside the prefix or no route matches.
     */
    public Optional<Route> match(String method, String path) {
        if (!path.startsWith(prefix)) {
            return Optional.empty();
        }
        int start = prefix.length();
        if (path.length() > start && path.charAt(start) != '/') {
            return Optional.empty(); // "/v1/entitybaseX" is not under the prefix
        }
        for (int i = 0; i < patterns.length; i++) {
            Route route = routes.get(i);
            if (!route.allows(method)) {
                continue;
            }
            Matcher matcher = patterns[i].matcher(path).region(start, path.length());
            if (matcher.matches()) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** Parses and validates a routes.json document; every problem is an IllegalArgumentException naming the spot. */
    public static RouteTable parse(String json) {
        JsonObject root;
        try {
            root = new JsonObject(json);
        } catch (DecodeException e) {
            throw new IllegalArgumentException("route table is not valid JSON: " + e.getMessage(), e);
        }
        requireOnlyKeys(root, TOP_LEVEL_KEYS, "route table");
        String prefix = requireString(root, "prefix", "route table");
        if (!prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix must start with '/' and not end with it: " + prefix);
        }
        Map<String, ServiceEndpoint> services = parseServices(requireObject(root, "services", "route table"));
        List<Route> routes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonArray routeArray = root.getJsonArray("routes");
        if (routeArray == null || routeArray.isEmpty()) {
            throw new IllegalArgumentException("route table has no routes");
        }
        for (int i = 0; i < routeArray.size(); i++) {
            Route route = parseRoute(routeArray.getValue(i), "routes[" + i + "]");
            if (!names.add(route.name())) {
                throw new IllegalArgumentException("duplicate route name: " + route.name());
            }
            if (!services.containsKey(route.service())) {
                throw new IllegalArgumentException(
                        "route '" + route.name() + "' names unknown service '" + route.service() + "'");
            }
            routes.add(route);
        }
        return new RouteTable(prefix, routes, services);
    }

    private static Route parseRoute(Object value, String where) {
        if (!(value instanceof JsonObject json)) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        requireOnlyKeys(json, ROUTE_KEYS, where);
        String name = requireString(json, "name", where);
        String service = requireString(json, "service", where);
        String path = json.getString("path");
        String regex = json.getString("regex");
        if ((path == null) == (regex == null)) {
            throw new IllegalArgumentException("route '" + name + "' needs exactly one of \"path\" and \"regex\"");
        }
        if (regex != null && (regex.startsWith("^") || regex.endsWith("$"))) {
            throw new IllegalArgumentException(
                    "route '" + name + "': regex is matched against the whole path; leave out '^' and '$'");
        }
        Set<String> methods = new LinkedHashSet<>();
        JsonArray methodArray = json.getJsonArray("methods");
        if (methodArray != null) {
            for (Object method : methodArray) {
                String upper = String.valueOf(method).toUpperCase(Locale.ROOT);
                if (!HTTP_METHODS.contains(upper)) {
                    throw new IllegalArgumentException("route '" + name + "': unknown HTTP method " + method);
                }
                methods.add(upper);
            }
        }
        String routeRegex;
        try {
            routeRegex = path != null ? PathTemplate.toRegex(path) : regex;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("route '" + name + "': " + e.getMessage(), e);
        }
        Object readRole = json.getValue("readRole");
        return new Route(
                name,
                methods,
                path,
                routeRegex,
                service,
                writeRoles(json, name),
                readRole == null ? null : role(readRole, name, "readRole"));
    }

    /**
     * {@code "writeRole"}: a role or {@code "anyone"} for every write, or an object of them by HTTP method with
     * {@code "*"} for the other methods; absent = editor.
     */
    private static Map<String, Role> writeRoles(JsonObject json, String name) {
        Object value = json.getValue("writeRole");
        Map<String, Role> roles = new HashMap<>();
        roles.put(Route.ANY_METHOD, Role.EDITOR);
        if (value instanceof JsonObject byMethod) {
            for (String method : byMethod.fieldNames()) {
                if (!Route.ANY_METHOD.equals(method) && !HTTP_METHODS.contains(method)) {
                    throw new IllegalArgumentException(
                            "route '" + name + "': writeRole names unknown method " + method);
                }
                roles.put(method, role(byMethod.getValue(method), name, "writeRole"));
            }
        } else if (value != null) {
            roles.put(Route.ANY_METHOD, role(value, name, "writeRole"));
        }
        return roles;
    }

    private static Role role(Object value, String name, String key) {
        if (ANYONE.equals(value)) {
            return null;
        }
        return Role.of(String.valueOf(value))
                .orElseThrow(() -> new IllegalArgumentException("route '" + name + "': " + key + " must be one of "
                        + Arrays.stream(Role.values()).map(Role::key).toList() + " or \"" + ANYONE + "\": " + value));
    }

    private static Map<String, ServiceEndpoint> parseServices(JsonObject json) {
        Map<String, ServiceEndpoint> services = new LinkedHashMap<>();
        for (String name : json.fieldNames()) {
            Object value = json.getValue(name);
            String where = "services." + name;
            if (!(value instanceof JsonObject service)) {
                throw new IllegalArgumentException(where + " must be an object");
            }
            requireOnlyKeys(service, SERVICE_KEYS, where);
            URI localUrl = URI.create(requireString(service, "localUrl", where));
            if (!("http".equals(localUrl.getScheme()) || "https".equals(localUrl.getScheme()))
                    || localUrl.getHost() == null) {
                throw new IllegalArgumentException(where + ".localUrl must be an absolute http(s) URL: " + localUrl);
            }
            Object port = service.getValue("port");
            if (!(port instanceof Integer portNumber) || portNumber < 1 || portNumber > 65535) {
                throw new IllegalArgumentException(where + ".port must be a port number: " + port);
            }
            services.put(
                    name, new ServiceEndpoint(name, localUrl, requireString(service, "k8sService", where), portNumber));
        }
        if (!services.containsKey(GATEWAY)) {
            throw new IllegalArgumentException("services must include '" + GATEWAY + "' (the gateway itself)");
        }
        return services;
    }

    private static void requireOnlyKeys(JsonObject json, Set<String> allowed, String where) {
        for (String key : json.fieldNames()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key \"" + key + "\" (allowed: " + allowed + ")");
            }
        }
    }

    private static String requireString(JsonObject json, String key, String where) {
        Object value = json.getValue(key);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException(where + ": \"" + key + "\" must be a non-empty string");
        }
        return text;
    }

    private static JsonObject requireObject(JsonObject json, String key, String where) {
        Object value = json.getValue(key);
        if (!(value instanceof JsonObject object)) {
            throw new IllegalArgumentException(where + ": \"" + key + "\" must be an object");
        }
        return object;
    }
}
