package org.entitybase.gateway.proxy;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;

import org.entitybase.gateway.route.ServiceEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

class ProxyHeadersTest {
    private static final Upstream ENTITY = Upstream.of("entity-service", URI.create("http://127.0.0.1:8082"));
    private static final String PUBLIC = "https://api.example.org";

    @Test
    void rewritesLocationsPointingAtTheUpstreamUnderAnyLoopbackName() {
        assertThat(ProxyHeaders.rewriteToPublic("http://127.0.0.1:8082/v1/entitybase/entities/Q1", ENTITY, PUBLIC))
                .isEqualTo(PUBLIC + "/v1/entitybase/entities/Q1");
        assertThat(ProxyHeaders.rewriteToPublic("http://localhost:8082/v1/x?a=1&b=%20#f", ENTITY, PUBLIC))
                .isEqualTo(PUBLIC + "/v1/x?a=1&b=%20#f");
        assertThat(ProxyHeaders.rewriteToPublic("http://127.0.0.1:8082", ENTITY, PUBLIC))
                .isEqualTo(PUBLIC + "/");
    }

    @Test
    void leavesRelativeAndForeignLocationsAlone() {
        assertThat(ProxyHeaders.rewriteToPublic("/v1/entitybase/entities/Q1", ENTITY, PUBLIC))
                .isEqualTo("/v1/entitybase/entities/Q1");
        assertThat(ProxyHeaders.rewriteToPublic("http://127.0.0.1:8083/v1/x", ENTITY, PUBLIC))
                .isEqualTo("http://127.0.0.1:8083/v1/x");
        assertThat(ProxyHeaders.rewriteToPublic("https://www.wikidata.org/wiki/Q1", ENTITY, PUBLIC))
                .isEqualTo("https://www.wikidata.org/wiki/Q1");
        assertThat(ProxyHeaders.rewriteToPublic("http://bad host/", ENTITY, PUBLIC))
                .isEqualTo("http://bad host/");
    }

    @Test
    void upstreamOriginComparesPortAndHostWithDefaultPorts() {
        Upstream k8s = Upstream.of("entity-service", URI.create("http://entity-service"));
        assertThat(k8s.port()).isEqualTo(80);
        assertThat(k8s.isOriginOf(URI.create("http://entity-service/x"))).isTrue();
        assertThat(k8s.isOriginOf(URI.create("http://entity-service:8080/x"))).isFalse();
        assertThat(k8s.isOriginOf(URI.create("http://localhost/x"))).isFalse();
    }

    @Test
    void copiesOnlyEndToEndResponseHeaders() {
        MultiMap upstream = HttpHeaders.headers()
                .add("ETag", "\"7\"")
                .add("Set-Cookie", "a=1")
                .add("Set-Cookie", "b=2")
                .add("Connection", "keep-alive, X-Hop")
                .add("X-Hop", "1")
                .add("Keep-Alive", "timeout=5")
                .add("Transfer-Encoding", "chunked")
                .add("Content-Length", "12");
        MultiMap client = HttpHeaders.headers();
        ProxyHeaders.copyResponseHeaders(upstream, client);
        assertThat(client.names()).containsExactlyInAnyOrder("ETag", "Set-Cookie", "Content-Length");
        assertThat(client.getAll("set-cookie")).containsExactly("a=1", "b=2");
    }

    @Test
    void bodylessResponsesFollowTheMethodAndStatus() {
        assertThat(ProxyHeaders.isBodyless(HttpMethod.HEAD, 200)).isTrue();
        assertThat(ProxyHeaders.isBodyless(HttpMethod.GET, 304)).isTrue();
        assertThat(ProxyHeaders.isBodyless(HttpMethod.DELETE, 204)).isTrue();
        assertThat(ProxyHeaders.isBodyless(HttpMethod.GET, 200)).isFalse();
        assertThat(ProxyHeaders.isBodyless(HttpMethod.POST, 201)).isFalse();
    }

    @Test
    void serviceUrlComesFromItsVariableElseFromTheRouteTable() {
        ServiceEndpoint endpoint =
                new ServiceEndpoint("entity-service", URI.create("http://127.0.0.1:8082"), "entity-service", 8082);
        assertThat(Upstreams.overrideVariable("watchlist-consumer")).isEqualTo("WATCHLIST_CONSUMER_URL");
        assertThat(Upstreams.resolveUrl(endpoint, name -> Optional.empty())).hasToString("http://127.0.0.1:8082");
        assertThat(Upstreams.resolveUrl(
                        endpoint,
                        name -> name.equals("ENTITY_SERVICE_URL") ? Optional.of("http://entity:80") : Optional.empty()))
                .hasToString("http://entity:80");
        assertThat(Upstreams.resolveUrl(endpoint, name -> Optional.of(" "))).hasToString("http://127.0.0.1:8082");
    }
}
