package org.entitybase.runtime.rest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.JsonNode;

import org.entitybase.model.json.StrictJson;

/**
 * Every {@code JsonNode} request body of every service is read by {@link StrictJson}, not by Quarkus' Jackson reader:
 * invalid UTF-8, raw control characters and lone surrogates are 400 {@code invalid-json} with the path of the bad value
 * (RestExceptionMappers), never a tree that breaks later (a lone surrogate made the canonicalizer throw: 500).
 * Registered for exactly {@code JsonNode}, which Quarkus REST prefers over its reader for {@code Object}.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public class StrictJsonNodeReader implements MessageBodyReader<JsonNode> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonNode.class;
    }

    @Override
    public JsonNode readFrom(
            Class<JsonNode> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream)
            throws IOException {
        byte[] body = entityStream.readAllBytes();
        // no body: null, as Quarkus' own reader gives it, so each route answers its own "body required"
        return isBlank(body) ? null : StrictJson.readTree(body);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
