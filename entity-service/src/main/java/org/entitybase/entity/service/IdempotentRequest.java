package org.entitybase.entity.service;

import java.util.function.Function;

/**
 * A write sent with an {@code Idempotency-Key}: the key, the hash of the request (method, path, body) and how the
 * route answers a result, so the commit stores exactly the answer the client gets (API.md "Idempotency-Key").
 */
public record IdempotentRequest(String key, String requestHash, Function<EditResult, Answer> answer) {

    /** An answer as stored: status, headers as a JSON object, body bytes. */
    public record Answer(int status, String headers, byte[] body) {}
}
