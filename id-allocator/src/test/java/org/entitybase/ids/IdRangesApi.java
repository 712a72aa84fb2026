package org.entitybase.ids;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code /internal/id-ranges} routes of one allocator instance, callable from many test threads at once. */
final class IdRangesApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A range a caller was told is its own: {@code start..end}, inclusive, from the allocator at {@code port}. */
    record Claimed(String entityType, long start, long end, int port) {
        long size() {
            return end - start + 1;
        }

        boolean overlaps(Claimed other) {
            return entityType.equals(other.entityType) && start <= other.end && other.start <= end;
        }
    }

    record Answer(int status, JsonNode body) {}

    private final URI endpoint;
    private final int port;

    private IdRangesApi(int port) {
        this.port = port;
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/internal/id-ranges");
    }

    static IdRangesApi onPort(int port) {
        return new IdRangesApi(port);
    }

    int port() {
        return port;
    }

    Claimed claim(String entityType, int size, String owner) {
        ObjectNode request = JSON.createObjectNode()
                .put("entity_type", entityType)
                .put("size", size)
                .put("owner", owner);
        Answer answer = post("", request.toString());
        assertThat(answer.status()).as("claim answer %s", answer.body()).isEqualTo(201);
        assertThat(answer.body().get("entity_type").textValue()).isEqualTo(entityType);
        Claimed claimed = new Claimed(
                entityType,
                answer.body().get("range_start").longValue(),
                answer.body().get("range_end").longValue(),
                port);
        assertThat(claimed.size()).as("size of %s", claimed).isEqualTo(size);
        return claimed;
    }

    /** The next id a claim of {@code entityType} would start at. */
    long nextId(String entityType) {
        Answer answer = get("?entity_type=" + entityType + "&limit=1");
        assertThat(answer.status()).as("listing %s", answer.body()).isEqualTo(200);
        return answer.body().get("next_id").longValue();
    }

    Answer post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(endpoint + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(endpoint + pathAndQuery)).GET());
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
