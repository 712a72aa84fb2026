package org.entitybase.model.event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

/**
 * JSON for {@link EntityChangeEvent}, written and read by hand (no reflection: native images need nothing
 * registered). Writes the current minor version ({@link EntityChangeEvent#SCHEMA}); reads every 1.x (a 1.0.0 event
 * has no {@code content_checkpoint}: null). {@link #read} rejects what does not fit the schema with an {@link InvalidEventException}, so a
 * consumer can dead-letter it instead of stalling.
 */
public final class EntityChangeEventCodec {
    private static final JsonFactory FACTORY = new JsonFactory();

    private EntityChangeEventCodec() {}

    public static byte[] write(EntityChangeEvent e) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(512);
                JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("schema", EntityChangeEvent.SCHEMA);
            g.writeStringField("event_id", e.eventId());
            g.writeStringField("entity_id", e.entityId());
            g.writeStringField("entity_type", e.entityType());
            g.writeNumberField("revision_id", e.revisionId());
            if (e.parentRevisionId() == null) {
                g.writeNullField("parent_revision_id");
            } else {
                g.writeNumberField("parent_revision_id", e.parentRevisionId());
            }
            g.writeStringField("change_type", e.changeType().jsonName());
            g.writeNumberField("user_id", e.userId());
            g.writeStringField("edit_summary", e.editSummary() == null ? "" : e.editSummary());
            g.writeStringField("timestamp", e.timestamp());
            g.writeStringField("content_hash", e.contentHash());
            g.writeStringField("content_checkpoint", e.contentCheckpoint());
            writeStrings(g, "statements_added", e.statementsAdded());
            writeStrings(g, "statements_removed", e.statementsRemoved());
            if (e.redirectTarget() != null) {
                g.writeStringField("redirect_target", e.redirectTarget());
            }
            if (e.isBot() != null) {
                g.writeBooleanField("is_bot", e.isBot());
            }
            g.writeEndObject();
            g.flush();
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    public static EntityChangeEvent read(byte[] json) {
        String eventId = null, entityId = null, entityType = null, editSummary = null, timestamp = null;
        String contentHash = null, contentCheckpoint = null, redirectTarget = null, schema = null;
        Long revisionId = null, parentRevisionId = null, userId = null;
        ChangeType changeType = null;
        Boolean isBot = null;
        List<String> added = null, removed = null;
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidEventException("an entity_change event is a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "schema" -> schema = text(p, t, field);
                    case "event_id" -> eventId = text(p, t, field);
                    case "entity_id" -> entityId = text(p, t, field);
                    case "entity_type" -> entityType = text(p, t, field);
                    case "revision_id" -> revisionId = number(p, t, field);
                    case "parent_revision_id" ->
                        parentRevisionId = t == JsonToken.VALUE_NULL ? null : number(p, t, field);
                    case "change_type" -> {
                        changeType = ChangeType.fromJsonName(text(p, t, field));
                        if (changeType == null) {
                            throw new InvalidEventException("unknown change_type: " + p.getText());
                        }
                    }
                    case "user_id" -> userId = number(p, t, field);
                    case "edit_summary" -> editSummary = t == JsonToken.VALUE_NULL ? null : text(p, t, field);
                    case "timestamp" -> timestamp = text(p, t, field);
                    case "content_hash" -> contentHash = text(p, t, field);
                    case "content_checkpoint" -> contentCheckpoint = text(p, t, field); // from 1.1.0
                    case "statements_added" -> added = strings(p, t, field);
                    case "statements_removed" -> removed = strings(p, t, field);
                    case "redirect_target" -> redirectTarget = t == JsonToken.VALUE_NULL ? null : text(p, t, field);
                    case "is_bot" -> {
                        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE && t != JsonToken.VALUE_NULL) {
                            throw new InvalidEventException("is_bot must be a boolean");
                        }
                        isBot = t == JsonToken.VALUE_NULL ? null : t == JsonToken.VALUE_TRUE;
                    }
                    default -> p.skipChildren(); // newer minor versions may add fields
                }
            }
        } catch (IOException ex) {
            throw new InvalidEventException("not valid JSON: " + ex.getMessage());
        }
        if (schema == null || !schema.startsWith("entitybase/entity_change/1.")) {
            throw new InvalidEventException("unsupported schema: " + schema);
        }
        require(eventId, "event_id");
        require(entityId, "entity_id");
        require(entityType, "entity_type");
        require(revisionId, "revision_id");
        require(changeType, "change_type");
        require(userId, "user_id");
        require(timestamp, "timestamp");
        require(contentHash, "content_hash");
        return new EntityChangeEvent(
                eventId,
                entityId,
                entityType,
                revisionId,
                parentRevisionId,
                changeType,
                userId,
                editSummary,
                timestamp,
                contentHash,
                contentCheckpoint,
                added,
                removed,
                redirectTarget,
                isBot);
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new InvalidEventException("missing field: " + field);
        }
    }

    private static String text(JsonParser p, JsonToken t, String field) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw new InvalidEventException(field + " must be a string");
        }
        return p.getText();
    }

    private static long number(JsonParser p, JsonToken t, String field) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw new InvalidEventException(field + " must be an integer");
        }
        return p.getLongValue();
    }

    private static List<String> strings(JsonParser p, JsonToken t, String field) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            throw new InvalidEventException(field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            out.add(text(p, t, field));
        }
        return out;
    }

    /** The event cannot be read: a consumer dead-letters it. */
    public static final class InvalidEventException extends RuntimeException {
        public InvalidEventException(String message) {
            super(message);
        }
    }
}
