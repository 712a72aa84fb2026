package org.entitybase.gateway.route;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.entitybase.gateway.auth.Role;

/**
 * One row of the route table.
 *
 * @param name unique name, also the metrics/log label of the route
 * @param methods HTTP methods the route takes (upper case); empty = all
 * @param template the path template it came from, or {@code null} for a {@code regex} route
 * @param regex the path regex relative to the table prefix, matched against the whole rest of the path
 * @param service the name of the service in {@link RouteTable#services()} that serves it
 * @param writeRoles the role writes (methods other than GET, HEAD, OPTIONS) need when authentication is on, by method
 *     ({@code "*"} = any other method); a {@code null} role = anyone may send them (POSTs that only read). Reads are
 *     open to anyone unless {@code readRole} says otherwise.
 * @param readRole the role reads (GET, HEAD, OPTIONS) need when authentication is on, or {@code null}: open to anyone
 *     (every route but the admin lists: API keys, the audit log)
 */
public record Route(
        String name,
        Set<String> methods,
        String template,
        String regex,
        String service,
        Map<String, Role> writeRoles,
        Role readRole) {
    /** The {@link #writeRoles} key of every method not named. */
    public static final String ANY_METHOD = "*";

    public Route {
        methods = Set.copyOf(methods);
        writeRoles = Collections.unmodifiableMap(new HashMap<>(writeRoles)); // null values: anyone
    }

    /** The role a write with {@code method} needs, or {@code null} when anyone may send it. */
    public Role writeRole(String method) {
        return writeRoles.containsKey(method) ? writeRoles.get(method) : writeRoles.get(ANY_METHOD);
    }

    public boolean allows(String method) {
        return methods.isEmpty() || methods.contains(method);
    }

    /** What identifies the route in metrics: the template if there is one (bounded cardinality), else the name. */
    public String label() {
        return template != null ? template : name;
    }
}
