package org.entitybase.gateway.route;

import java.util.List;

/**
 * Requests and the service deploy/gateway/routes.json must send them to ({@code null} = no route: 404). Shared by
 * {@link RouteTableTest} (the gateway) and {@link IngressGeneratorTest} (the Ingress), which must agree.
 */
final class RouteExamples {
    record Example(String method, String path, String service) {
        @Override
        public String toString() {
            return method + " " + path + " -> " + (service == null ? "404" : service);
        }
    }

    private static final String P = "/v1/entitybase";

    static final List<Example> ALL = List.of(
            new Example("GET", P + "/health", "gateway"),
            new Example("GET", P + "/openapi", "gateway"),
            // RDF by suffix, JSON otherwise
            new Example("GET", P + "/entities/Q42", "entity-service"),
            new Example("GET", P + "/entities/Q42.ttl", "rdf-service"),
            new Example("GET", P + "/entities/Q42.nt", "rdf-service"),
            new Example("GET", P + "/entities/L42-F1.rdf", "rdf-service"),
            new Example("GET", P + "/entities/L42-S1.ttl", "rdf-service"),
            new Example("GET", P + "/entities/L42-F1", "entity-service"),
            new Example("GET", P + "/entities/L42-F1/revision/7.nt", "rdf-service"),
            new Example("GET", P + "/entities/Q42.json", "entity-service"),
            new Example("GET", P + "/entities/Q42.ttlx", "entity-service"),
            new Example("GET", P + "/entities/Q42/revision/7", "entity-service"),
            new Example("GET", P + "/entities/Q42/revision/7.nt", "rdf-service"),
            new Example("GET", P + "/entities/Q42/revision/7.ttl", "rdf-service"),
            new Example("GET", P + "/entities/Q42/revision/7/x.nt", "entity-service"),
            new Example("GET", P + "/entities/Q42/history", "entity-service"),
            new Example("GET", P + "/entities/Q42/properties/P31,P279", "entity-service"),
            new Example("POST", P + "/entities/items", "entity-service"),
            new Example("PUT", P + "/entities/items/Q42/labels/en", "entity-service"),
            new Example("DELETE", P + "/entities/Q42/statements/Q42$abc", "entity-service"),
            new Example("GET", P + "/entities/Q42/backlinks", "statement-service"),
            // endorsements belong to users, the rest of /statements to statement-service
            new Example("POST", P + "/statements/abc/endorse", "user-service"),
            new Example("DELETE", P + "/statements/abc/endorse", "user-service"),
            new Example("GET", P + "/statements/abc/endorsements", "user-service"),
            new Example("POST", P + "/statements/batch", "statement-service"),
            new Example("GET", P + "/statements/abc", "statement-service"),
            new Example("GET", P + "/statements/endorse", "statement-service"),
            new Example("GET", P + "/statements/most_used", "statement-service"),
            new Example("POST", P + "/statements/cleanup-orphaned", "statement-service"),
            // notifications belong to the watchlist consumer, a user's stats to stats-workers, the rest of /users to
            // user-service
            new Example("GET", P + "/users/1/stats", "stats-workers"),
            new Example("GET", P + "/users/1/stats/x", "user-service"),
            new Example("GET", P + "/users/1/notifications", "watchlist-consumer"),
            new Example("GET", P + "/users/1/notifications/17", "watchlist-consumer"),
            new Example("GET", P + "/users/1/watchlist", "user-service"),
            new Example("POST", P + "/users", "user-service"),
            new Example("POST", P + "/users/1/thank", "user-service"),
            new Example("GET", P + "/stats", "stats-workers"),
            new Example("GET", P + "/stats/users/5", "stats-workers"),
            new Example("GET", P + "/stats/daily", "stats-workers"),
            new Example("POST", P + "/redirects", "entity-service"),
            new Example("POST", P + "/import", "entity-service"),
            new Example("GET", P + "/export", "entity-service"),
            new Example("GET", P + "/exports", null),
            // not public
            new Example("GET", "/internal/id-ranges", null),
            new Example("POST", P + "/internal/id-ranges", null),
            new Example("POST", "/internal/statements/rebuild", null),
            new Example("POST", P + "/statements/internal/rebuild", null),
            new Example("GET", P, null),
            new Example("GET", P + "/", null),
            new Example("GET", P + "/nope", null),
            new Example("GET", P + "/statsx", null),
            new Example("GET", "/v1/entitybaseX/entities/Q42", null),
            new Example("GET", "/", null));

    private RouteExamples() {}
}
