package org.entitybase.entity.rest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.entitybase.entity.service.EditContext;
import org.entitybase.entity.service.EditContext.ExpectationSource;
import org.entitybase.entity.service.EntityErrors;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.runtime.rest.ApiException;

/** The edit headers of API.md ("Edit requests") and path parameters, checked: bad input is a 400, never a 500. */
public final class EditRequests {

    public static final String USER_ID = "X-User-ID";
    static final String EDIT_SUMMARY = "X-Edit-Summary";
    static final String BASE_REVISION = "X-Base-Revision-ID";
    /** Set by the gateway on edits of signed-in users: "false" = too new for semi-protected entities. */
    public static final String AUTOCONFIRMED = "X-User-Autoconfirmed";

    static final String REVISION_ID = "X-Revision-ID";
    static final int MAX_SUMMARY = 500;

    private EditRequests() {}

    public static EditContext context(String userId, String summary, String ifMatch, String baseRevision) {
        long user = userId(userId);
        String text = summary == null ? "" : utf8(summary);
        if (text.length() > MAX_SUMMARY) {
            throw new ApiException(
                    400,
                    "edit-summary-too-long",
                    EDIT_SUMMARY + " has " + text.length() + " characters; at most " + MAX_SUMMARY + " are allowed",
                    Map.of("header", EDIT_SUMMARY, "length", text.length()));
        }
        Long expected = ifMatch == null ? null : etag(ifMatch, "If-Match");
        if (expected != null) {
            return new EditContext(user, text, expected, ExpectationSource.IF_MATCH, false);
        }
        if (baseRevision != null) {
            return new EditContext(
                    user, text, positive(baseRevision, BASE_REVISION), ExpectationSource.BASE_REVISION, false);
        }
        return new EditContext(user, text, null, ExpectationSource.NONE, false);
    }

    private static long userId(String value) {
        if (value == null || value.isBlank()) {
            throw new ApiException(
                    400, "missing-user-id", "every write needs an " + USER_ID + " header", Map.of("header", USER_ID));
        }
        try {
            long user = Long.parseLong(value.trim());
            if (user >= 0) {
                return user;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiException(
                400,
                "invalid-user-id",
                USER_ID + " must be an integer ≥ 0 (0 = anonymous), not " + value,
                Map.of("header", USER_ID));
    }

    /**
     * A revision id in an entity tag: {@code "12"}, {@code W/"12"} or bare {@code 12}; null for {@code *} (any
     * revision).
     */
    public static Long etag(String value, String header) {
        String tag = value.trim();
        if (tag.equals("*")) {
            return null;
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        return positive(tag, header);
    }

    /** {@code If-None-Match}: does any of its tags name {@code revisionId}? */
    public static boolean matchesAny(String ifNoneMatch, long revisionId) {
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*")) {
                return true;
            }
            try {
                Long named = etag(t, "If-None-Match");
                if (named != null && named == revisionId) {
                    return true;
                }
            } catch (ApiException e) {
                // a tag that is not ours matches nothing
            }
        }
        return false;
    }

    public static String etagOf(long revisionId) {
        return "\"" + revisionId + "\"";
    }

    static long positive(String value, String name) {
        try {
            long number = Long.parseLong(value.trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiException(
                400,
                "invalid-parameter",
                name + " must be a positive integer, not " + value,
                Map.of("parameter", name));
    }

    /** An entity id of a top-level entity (item, property, lexeme, mediainfo), else 400 invalid-entity-id. */
    static EntityId entityId(String value) {
        EntityId id = EntityId.tryParse(value);
        if (id == null
                || !(id.type() == EntityType.ITEM
                        || id.type() == EntityType.PROPERTY
                        || id.type() == EntityType.LEXEME
                        || id.type() == EntityType.MEDIAINFO)) {
            throw EntityErrors.invalidEntityId(value);
        }
        return id;
    }

    /**
     * The subject of a statement route: a top-level entity id as {@link #entityId}, or a lexeme's form or sense
     * ({@code L42-F1}, {@code L42-S1}), whose statements are edited as revisions of the lexeme.
     */
    static EntityId entityOrLexemePart(String value) {
        EntityId id = EntityId.tryParse(value);
        if (id != null && (id.type() == EntityType.FORM || id.type() == EntityType.SENSE)) {
            return id;
        }
        return entityId(value);
    }

    /** A form or sense id ({@code L42-F1}) where one is meant; 400 {@code invalid-entity-id} for anything else. */
    static EntityId lexemePart(String value, EntityType type) {
        EntityId id = EntityId.tryParse(value);
        if (id == null || id.type() != type) {
            throw new ApiException(
                    400,
                    "invalid-entity-id",
                    "not a " + type.jsonName() + " id (like L42-" + (type == EntityType.FORM ? "F1" : "S1") + "): "
                            + value,
                    Map.of("id", String.valueOf(value)));
        }
        return id;
    }

    /** The entity type of a collection path segment ({@code items}, {@code properties}, {@code lexemes}). */
    static EntityType collection(String segment) {
        return switch (segment) {
            case "items" -> EntityType.ITEM;
            case "properties" -> EntityType.PROPERTY;
            case "lexemes" -> EntityType.LEXEME;
            default -> throw new ApiException(404, "not-found", "no entity collection " + segment);
        };
    }

    static String collectionOf(EntityType type) {
        return switch (type) {
            case ITEM -> "items";
            case PROPERTY -> "properties";
            case LEXEME -> "lexemes";
            default -> throw new IllegalArgumentException("no collection for " + type);
        };
    }

    /** The id in a collection path, which must be of the collection's type. */
    static EntityId entityIdIn(EntityType type, String value) {
        EntityId id = entityId(value);
        if (id.type() != type) {
            throw new ApiException(
                    400,
                    "entity-type-mismatch",
                    value + " is not a " + type.jsonName() + " id",
                    Map.of("id", value, "type", type.jsonName()));
        }
        return id;
    }

    /**
     * HTTP headers arrive as ISO-8859-1 characters; a client that sent UTF-8 (as summaries in any script need) gets
     * its text back by reading those bytes as UTF-8. Text that is not valid UTF-8 is kept as it came.
     */
    static String utf8(String header) {
        for (int i = 0; i < header.length(); i++) {
            if (header.charAt(i) > 0xff) {
                return header;
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(header.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            return header;
        }
    }
}
