package org.entitybase.gateway.auth;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.entitybase.gateway.route.Route;
import org.entitybase.gateway.route.RouteTable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessPolicyTest {
    private static final RouteTable TABLE = RouteTable.parse("""
            {"prefix": "/v1/entitybase",
             "routes": [
               {"name": "protection", "path": "/entities/{id}/protection", "service": "s", "writeRole": "admin"},
               {"name": "entity", "path": "/entities/{id}", "service": "s",
                "writeRole": {"DELETE": "admin", "*": "editor"}},
               {"name": "batch", "path": "/statements/batch", "service": "s", "writeRole": "anyone"},
               {"name": "import", "path": "/import/**", "service": "s", "writeRole": "importer"},
               {"name": "keys", "path": "/api-keys/**", "service": "s", "writeRole": "admin", "readRole": "admin"},
               {"name": "entities", "path": "/entities/**", "service": "s"}],
             "services": {
               "gateway": {"localUrl": "http://127.0.0.1:8080", "k8sService": "gateway", "port": 8080},
               "s": {"localUrl": "http://127.0.0.1:8082", "k8sService": "s", "port": 8082}}}""");

    private static final Identity EDITOR = new Identity(7, Set.of(Role.EDITOR), "jwt:7:a");
    private static final Identity BOT = new Identity(8, Set.of(Role.BOT), "jwt:8:a");
    private static final Identity ADMIN = new Identity(9, Set.of(Role.ADMIN), "jwt:9:a");
    private static final Identity READER = new Identity(10, Set.of(Role.READER), "jwt:10:a");

    private final AccessPolicy open = new AccessPolicy(true);
    private final AccessPolicy closed = new AccessPolicy(false);

    private static Route route(String method, String path) {
        return TABLE.match(method, "/v1/entitybase" + path).orElseThrow();
    }

    private static Integer status(AccessPolicy policy, String method, String path, Identity who, String userHeader) {
        return policy.check(route(method, path), method, who, userHeader)
                .map(AccessPolicy.Refusal::status)
                .orElse(200);
    }

    @Test
    void readsAreOpenToEveryone() {
        assertThat(status(closed, "GET", "/entities/Q1/protection", Identity.ANONYMOUS, null))
                .isEqualTo(200);
        assertThat(status(closed, "HEAD", "/entities/Q1", Identity.ANONYMOUS, null))
                .isEqualTo(200);
    }

    @Test
    void aRouteWithAReadRoleIsClosedToOthersReads() {
        assertThat(status(open, "GET", "/api-keys", Identity.ANONYMOUS, null)).isEqualTo(401);
        assertThat(status(open, "GET", "/api-keys/0123456789abcdef", EDITOR, null))
                .isEqualTo(403);
        assertThat(status(open, "GET", "/api-keys", BOT, null)).isEqualTo(403);
        assertThat(status(open, "GET", "/api-keys", ADMIN, null)).isEqualTo(200);
        assertThat(status(open, "POST", "/api-keys", EDITOR, null)).isEqualTo(403);
    }

    @Test
    void aWriteNeedsItsRoutesRole() {
        assertThat(status(open, "PUT", "/entities/Q1/protection", Identity.ANONYMOUS, null))
                .isEqualTo(401);
        assertThat(status(open, "PUT", "/entities/Q1/protection", EDITOR, null)).isEqualTo(403);
        assertThat(status(open, "PUT", "/entities/Q1/protection", ADMIN, null)).isEqualTo(200);
        assertThat(status(open, "POST", "/import", EDITOR, null)).isEqualTo(403);
        assertThat(status(open, "POST", "/import", new Identity(3, Set.of(Role.IMPORTER), "k"), null))
                .isEqualTo(200);
    }

    @Test
    void aRoleCanDependOnTheMethod() {
        assertThat(status(open, "DELETE", "/entities/Q1", EDITOR, null)).isEqualTo(403);
        assertThat(status(open, "DELETE", "/entities/Q1", ADMIN, null)).isEqualTo(200);
        assertThat(status(open, "POST", "/entities/items", EDITOR, null)).isEqualTo(200);
    }

    @Test
    void botAndAdminEditReaderDoesNot() {
        assertThat(status(closed, "PUT", "/entities/items/Q1", BOT, null)).isEqualTo(200);
        assertThat(status(closed, "PUT", "/entities/items/Q1", ADMIN, null)).isEqualTo(200);
        assertThat(status(closed, "PUT", "/entities/items/Q1", READER, null)).isEqualTo(403);
    }

    @Test
    void anonymousEditsFollowTheSetting() {
        assertThat(status(open, "PUT", "/entities/items/Q1", Identity.ANONYMOUS, null))
                .isEqualTo(200);
        assertThat(status(closed, "PUT", "/entities/items/Q1", Identity.ANONYMOUS, null))
                .isEqualTo(401);
        assertThat(status(closed, "POST", "/statements/batch", Identity.ANONYMOUS, null))
                .isEqualTo(200);
    }

    @Test
    void aClientsUserIdMustBeTheCredentials() {
        assertThat(status(open, "PUT", "/entities/items/Q1", EDITOR, "7")).isEqualTo(200);
        var mismatch = open.check(route("PUT", "/entities/items/Q1"), "PUT", EDITOR, "8")
                .orElseThrow();
        assertThat(mismatch.status()).isEqualTo(403);
        assertThat(mismatch.code()).isEqualTo("user-mismatch");
        var anonymous = open.check(route("GET", "/entities/Q1"), "GET", Identity.ANONYMOUS, "8")
                .orElseThrow();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("unauthenticated");
        assertThat(status(open, "PUT", "/entities/items/Q1", Identity.ANONYMOUS, "0"))
                .isEqualTo(200);
    }

    @Test
    void theTableRefusesUnknownRolesAndMethods() {
        String table = """
                {"prefix": "/p", "routes": [{"name": "r", "path": "/x", "service": "gateway", "writeRole": %s}],
                 "services": {"gateway": {"localUrl": "http://127.0.0.1:8080", "k8sService": "g", "port": 8080}}}""";
        assertThatThrownBy(() -> RouteTable.parse(table.formatted("\"root\"")))
                .hasMessageContaining("route 'r': writeRole must be one of");
        assertThatThrownBy(() -> RouteTable.parse(table.formatted("{\"FETCH\": \"admin\"}")))
                .hasMessageContaining("unknown method FETCH");
    }
}
