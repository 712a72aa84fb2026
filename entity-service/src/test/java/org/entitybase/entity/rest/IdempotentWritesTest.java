package org.entitybase.entity.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import org.entitybase.entity.service.IdempotentRequest;
import org.entitybase.runtime.rest.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotentWritesTest {

    @Test
    void theRequestHashTellsPathAndBodyApart() {
        String hash = IdempotentWrites.requestHash("/v1/entitybase/entities/items", "{}".getBytes());
        assertThat(hash)
                .hasSize(64)
                .isEqualTo(IdempotentWrites.requestHash("/v1/entitybase/entities/items", "{}".getBytes()));
        assertThat(IdempotentWrites.requestHash("/v1/entitybase/entities/properties", "{}".getBytes()))
                .isNotEqualTo(hash);
        assertThat(IdempotentWrites.requestHash("/v1/entitybase/entities/items", "{ }".getBytes()))
                .isNotEqualTo(hash);
    }

    @Test
    void keysAreOneTo255VisibleAsciiCharacters() {
        IdempotentWrites.checkKey("0f8fad5b-d9cb-469f-a165-70867728950e");
        IdempotentWrites.checkKey("x".repeat(255));
        for (String bad : new String[] {"", "x".repeat(256), "two words", "tab\t", "ключ"}) {
            assertThatThrownBy(() -> IdempotentWrites.checkKey(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Test
    void theStoredAnswerKeepsStatusClientHeadersAndBody() {
        Response response = Response.status(201)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity("{\"id\":\"Q1\"}".getBytes())
                .header("ETag", "\"1\"")
                .header("X-Revision-ID", 1)
                .header("X-Internal", "not stored")
                .build();
        IdempotentRequest.Answer answer = IdempotentWrites.answer(response);
        assertThat(answer.status()).isEqualTo(201);
        assertThat(new String(answer.body())).isEqualTo("{\"id\":\"Q1\"}");
        assertThat(answer.headers())
                .contains("\"ETag\":\"\\\"1\\\"\"")
                .contains("\"X-Revision-ID\":\"1\"")
                .contains("application/json")
                .doesNotContain("X-Internal");
    }
}
