package org.entitybase.gateway.proxy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A test double of one Entitybase service: answers its readiness and OpenAPI endpoints, and echoes any other request
 * as JSON (method, uri, headers, body length and SHA-256) with the status and headers the test asks for through
 * {@code X-Fake-*} request headers.
 */
final class FakeUpstream {
    private final Vertx vertx;
    private final String service;
    private final int port;
    private HttpServer server;

    FakeUpstream(Vertx vertx, String service, int port) {
        this.vertx = vertx;
        this.service = service;
        this.port = port;
    }

    void start() throws Exception {
        if (server == null) {
            server = vertx.createHttpServer()
                    .requestHandler(this::handle)
                    .listen(port, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);
        }
    }

    void stop() throws Exception {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            server = null;
        }
    }

    private void handle(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        switch (request.path()) {
            case "/q/health/ready" ->
                response.putHeader("Content-Type", "application/json")
                        .end(new JsonObject()
                                .put("status", "UP")
                                .put(
                                        "checks",
                                        new JsonArray()
                                                .add(new JsonObject()
                                                        .put("name", service + "-db")
                                                        .put("status", "UP")))
                                .encode());
            case "/q/openapi" ->
                response.putHeader("Content-Type", "application/json")
                        .end(new JsonObject()
                                .put("openapi", "3.1.0")
                                .put(
                                        "paths",
                                        new JsonObject()
                                                .put(
                                                        "/v1/entitybase/" + service,
                                                        new JsonObject()
                                                                .put(
                                                                        "get",
                                                                        new JsonObject().put("operationId", service)))
                                                .put(
                                                        "/internal/" + service,
                                                        new JsonObject().put("get", new JsonObject()))
                                                .put(
                                                        "/v1/entitybase/internal/" + service,
                                                        new JsonObject().put("post", new JsonObject())))
                                .put(
                                        "components",
                                        new JsonObject()
                                                .put(
                                                        "schemas",
                                                        new JsonObject()
                                                                .put(
                                                                        service + "Thing",
                                                                        new JsonObject().put("type", "object"))))
                                .encode());
            default -> request.body().onSuccess(body -> echo(request, body));
        }
    }

    private void echo(HttpServerRequest request, Buffer body) {
        JsonObject headers = new JsonObject();
        request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue()));
        JsonObject echo = new JsonObject()
                .put("service", service)
                .put("method", request.method().name())
                .put("uri", request.uri())
                .put("headers", headers)
                .put("bodyLength", body.length())
                .put("bodySha256", sha256(body));
        HttpServerResponse response = request.response()
                .setStatusCode(Integer.parseInt(headerOr(request, "X-Fake-Status", "200")))
                .putHeader("Content-Type", "application/json")
                .putHeader("ETag", "\"7\"")
                .putHeader("X-Upstream", service)
                // hop-by-hop: must not reach the client
                .putHeader("Keep-Alive", "timeout=30")
                .putHeader("Connection", "keep-alive, X-Upstream-Hop")
                .putHeader("X-Upstream-Hop", "secret");
        String location = request.getHeader("X-Fake-Location");
        if (location != null) {
            response.putHeader("Location", location.startsWith("/") ? "http://localhost:" + port + location : location);
        }
        String delay = request.getHeader("X-Fake-Delay-Ms");
        if (response.getStatusCode() == 204 || response.getStatusCode() == 304) {
            response.end();
        } else if (delay != null) {
            vertx.setTimer(Long.parseLong(delay), timer -> response.end(echo.encode()));
        } else {
            response.end(echo.encode());
        }
    }

    private static String headerOr(HttpServerRequest request, String name, String fallback) {
        String value = request.getHeader(name);
        return value != null ? value : fallback;
    }

    private static String sha256(Buffer body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
