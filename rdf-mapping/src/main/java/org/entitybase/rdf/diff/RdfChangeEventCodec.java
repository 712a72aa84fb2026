package org.entitybase.rdf.diff;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entitybase.rdf.diff.RdfChangeEvent.Meta;
import org.entitybase.rdf.diff.RdfChangeEvent.Operation;
import org.entitybase.rdf.diff.RdfChangeEvent.RdfData;

/** JSON of {@link RdfChangeEvent}: fields in a fixed order, so the same event is always the same bytes. */
public final class RdfChangeEventCodec {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RdfChangeEventCodec() {}

    public static String write(RdfChangeEvent e) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("$schema", RdfChangeEvent.SCHEMA);
            json.writeObjectFieldStart("meta");
            json.writeStringField("id", e.meta().id());
            json.writeStringField("dt", e.meta().dt());
            json.writeStringField("stream", e.meta().stream());
            json.writeStringField("request_id", e.meta().requestId());
            json.writeEndObject();
            json.writeStringField("dt", e.dt());
            json.writeStringField("entity_id", e.entityId());
            json.writeNumberField("rev_id", e.revId());
            json.writeStringField("operation", e.operation().jsonName());
            json.writeNumberField("sequence", e.sequence());
            json.writeNumberField("sequence_length", e.sequenceLength());
            data(json, "rdf_added_data", e.addedData());
            data(json, "rdf_deleted_data", e.deletedData());
            data(json, "rdf_linked_shared_data", e.linkedSharedData());
            data(json, "rdf_unlinked_shared_data", e.unlinkedSharedData());
            json.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    private static void data(JsonGenerator json, String field, RdfData data) throws IOException {
        if (data != null) {
            json.writeObjectFieldStart(field);
            json.writeStringField("data", data.data());
            json.writeStringField("mime_type", data.mimeType());
            json.writeEndObject();
        }
    }

    /** Parses an event; {@link IllegalArgumentException} when it is not one. */
    public static RdfChangeEvent read(String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (node == null
                || !node.isObject()
                || !RdfChangeEvent.SCHEMA.equals(node.path("$schema").asText())) {
            throw new IllegalArgumentException("not an " + RdfChangeEvent.SCHEMA + " event");
        }
        JsonNode meta = node.path("meta");
        return new RdfChangeEvent(
                node.path("entity_id").asText(),
                node.path("rev_id").asLong(),
                Operation.fromJsonName(node.path("operation").asText()),
                node.path("dt").asText(),
                new Meta(
                        meta.path("id").asText(),
                        meta.path("dt").asText(),
                        meta.path("stream").asText(),
                        meta.path("request_id").asText()),
                node.path("sequence").asInt(),
                node.path("sequence_length").asInt(),
                data(node.get("rdf_added_data")),
                data(node.get("rdf_deleted_data")),
                data(node.get("rdf_linked_shared_data")),
                data(node.get("rdf_unlinked_shared_data")));
    }

    private static RdfData data(JsonNode node) {
        return node == null || node.isNull()
                ? null
                : new RdfData(node.path("data").asText(), node.path("mime_type").asText());
    }
}
