package org.entitybase.runtime.rest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter on a real Vert.x router: header in, MDC during the request, header out. */
class RequestIdFilterTest {

    private static Vertx vertx;
    private static HttpServer server;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(RequestIdFilter::handle);
        // the downstream handler reports what it sees in the MDC and the routing context
        router.get("/echo").handler(rc -> rc.response().end(RequestIds.current() + "|" + rc.get(RequestIds.MDC_KEY)));
        server = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static HttpResponse<String> get(String requestId) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/echo"));
        if (requestId != null) {
            request.header(RequestIds.HEADER, requestId);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void echoesTheCallersIdAndExposesItToTheRequest() throws Exception {
        HttpResponse<String> response = get("req-42");

        assertThat(response.headers().firstValue(RequestIds.HEADER)).contains("req-42");
        assertThat(response.body()).isEqualTo("req-42|req-42");
    }

    @Test
    void makesUpAnIdWhenTheCallerSendsNone() throws Exception {
        HttpResponse<String> response = get(null);

        String id = response.headers().firstValue(RequestIds.HEADER).orElseThrow();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(response.body()).isEqualTo(id + "|" + id);
    }

    @Test
    void replacesAnUnsafeId() throws Exception {
        HttpResponse<String> response = get("x".repeat(500));

        String id = response.headers().firstValue(RequestIds.HEADER).orElseThrow();
        assertThat(id).hasSize(36).isNotEqualTo("x".repeat(500));
    }
}
