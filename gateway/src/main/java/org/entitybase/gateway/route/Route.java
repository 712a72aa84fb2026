package org.entitybase.gateway.route;

import java.util.Set;

/**
 * One row of the route table.
 *
 * @param name unique name, also the metrics/log label of the route
 * @param methods HTTP methods the route takes (upper case); empty = all
 * @param template the path template it came from, or {@code null} for a {@code regex} route
 * @param regex the path regex relative to the table prefix, matched against the whole rest of the path
 * @param service the name of the service in {@link RouteTable#services()} that serves it
 */
public record Route(String name, Set<String> methods, String template, String regex, String service) {
    public Route {
        methods = Set.copyOf(methods);
    }

    public boolean allows(String method) {
        return methods.isEmpty() || methods.contains(method);
    }

    /** What identifies the route in metrics: the template if there is one (bounded cardinality), else the name. */
    public String label() {
        return template != null ? template : name;
    }
}
