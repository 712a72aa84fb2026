package org.entitybase.entity.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entitybase.model.content.EntitySplitter;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.error.WikibaseJsonException;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.json.WikibaseJsonWriter;
import org.entitybase.model.json.WikibaseSyntax;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.lexeme.Sense;
import org.entitybase.model.statement.Statement;
import org.entitybase.runtime.rest.ApiException;

/**
 * The statements of a subject by property, GUID or content address ({@link EntitySplitter#statementAddress}, 64 hex
 * digits): reads and the change functions of the statement routes. The subject is an entity ({@code claims}) or a
 * form or sense of a lexeme ({@code L42-F1}: its own {@code claims}, edited as a revision of the lexeme). Property
 * existence and datatypes are checked by the write path as for any client edit.
 */
public final class StatementEdits {

    private static final EntitySplitter SPLITTER = new EntitySplitter();
    private static final WikibaseJsonWriter WRITER = new WikibaseJsonWriter();
    private static final ObjectMapper TREES = new ObjectMapper();

    private StatementEdits() {}

    /** One statement as the property listing shows it. */
    public record Summary(String hash, String id, String rank) {}

    /** A statement key of a route: a GUID ({@code Q42$…}) or a 64-hex content address; 400 otherwise. */
    public record Key(String guid, String hash) {

        public static Key parse(String value) {
            if (value != null && value.indexOf('$') > 0) {
                if (WikibaseSyntax.statementGuidSubject(value) == null) {
                    throw invalidKey(value);
                }
                return new Key(value, null);
            }
            if (value != null && value.length() == 64 && value.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return new Key(null, value.toLowerCase(Locale.ROOT));
            }
            throw invalidKey(value);
        }

        public boolean matches(Statement statement) {
            return guid != null
                    ? guid.equals(statement.id())
                    : hash.equals(SPLITTER.statementAddress(statement).sha256());
        }

        String value() {
            return guid != null ? guid : hash;
        }

        private static ApiException invalidKey(String value) {
            return new ApiException(
                    400,
                    "invalid-statement-id",
                    "not a statement GUID (Q42$…) or a 64-hex content address: " + value,
                    Map.of("statement", String.valueOf(value)));
        }
    }

    // ---------------------------------------------------------------- reads

    /** The entity to edit for statements of {@code subject}: the lexeme of a form or sense, else the subject. */
    public static EntityId owner(EntityId subject) {
        return LexemeEdits.lexemeOf(subject);
    }

    /** The statements of {@code subject} in {@code entity}; 404 for a form or sense the lexeme does not have. */
    public static Map<String, List<Statement>> claims(Entity entity, EntityId subject) {
        return switch (subject.type()) {
            case FORM -> LexemeEdits.form(entity, subject).claims();
            case SENSE -> LexemeEdits.sense(entity, subject).claims();
            default -> entity.claims();
        };
    }

    /** {@code entity} with the statements of {@code subject} replaced. */
    static Entity withClaims(Entity entity, EntityId subject, Map<String, List<Statement>> claims) {
        return switch (subject.type()) {
            case FORM ->
                LexemeEdits.changeForm(
                                subject, f -> new Form(f.id(), f.representations(), f.grammaticalFeatures(), claims))
                        .apply(entity);
            case SENSE ->
                LexemeEdits.changeSense(subject, s -> new Sense(s.id(), s.glosses(), claims))
                        .apply(entity);
            default -> entity.withClaims(claims);
        };
    }

    /** Properties that have statements, in the subject's order. */
    public static List<String> properties(Entity entity, EntityId subject) {
        List<String> out = new ArrayList<>();
        claims(entity, subject).forEach((property, statements) -> {
            if (!statements.isEmpty()) {
                out.add(property);
            }
        });
        return out;
    }

    /** Per requested property (in request order), its statements' content addresses, GUIDs and ranks. */
    public static Map<String, List<Summary>> summaries(Entity entity, EntityId subject, List<String> properties) {
        Map<String, List<Summary>> out = new LinkedHashMap<>();
        Map<String, List<Statement>> claims = claims(entity, subject);
        for (String property : properties) {
            List<Summary> list = new ArrayList<>();
            for (Statement s : claims.getOrDefault(property, List.of())) {
                list.add(new Summary(
                        SPLITTER.statementAddress(s).sha256(), s.id(), s.rank().jsonName()));
            }
            out.put(property, list);
        }
        return out;
    }

    /** 400 {@code invalid-value} unless {@code value} is a property id. */
    public static String propertyId(String value) {
        if (!WikibaseSyntax.isPropertyId(value)) {
            throw new ApiException(
                    400,
                    "invalid-value",
                    "not a property id: " + value,
                    Map.of("parameter", "property", "property", String.valueOf(value)));
        }
        return value;
    }

    // ---------------------------------------------------------------- changes

    /**
     * Statements appended to {@code property}'s; each gets a GUID unless it brings one (which must be new to the
     * entity: 409 {@code statement-exists}). The mainsnak of each must be of {@code property} (400
     * {@code property-mismatch}).
     *
     * @return the statements as they will be added (GUIDs set), to find them in the stored entity
     */
    public static List<Statement> withGuids(EntityId id, String property, List<Statement> statements) {
        List<Statement> out = new ArrayList<>(statements.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            if (!s.property().equals(property)) {
                throw new ApiException(
                        400,
                        "property-mismatch",
                        "statement " + i + " is about " + s.property() + ", the path about " + property,
                        Map.of("path", "[" + i + "].mainsnak.property", "property", property));
            }
            Statement withGuid = s.id() != null
                    ? s
                    : s.withId(id.value() + '$' + UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
            if (!seen.add(withGuid.id())) {
                throw new ApiException(
                        400, "duplicate-statement-id", "statement id " + s.id() + " is given twice", Map.of());
            }
            out.add(withGuid);
        }
        return out;
    }

    public static UnaryOperator<Entity> add(EntityId subject, String property, List<Statement> statements) {
        return entity -> {
            Map<String, List<Statement>> claims = new LinkedHashMap<>(claims(entity, subject));
            for (Statement s : statements) {
                if (find(claims, s.id()) != null) {
                    throw new ApiException(
                            409,
                            "statement-exists",
                            subject + " has a statement " + s.id() + " already",
                            Map.of("id", subject.value(), "statement", s.id()));
                }
            }
            List<Statement> list = new ArrayList<>(claims.getOrDefault(property, List.of()));
            list.addAll(statements);
            claims.put(property, list);
            return withClaims(entity, subject, claims);
        };
    }

    /** Removes every statement {@code key} names (a content address may name several); 404 when none. */
    public static UnaryOperator<Entity> remove(EntityId subject, Key key) {
        return entity -> {
            Map<String, List<Statement>> claims = new LinkedHashMap<>();
            int removed = 0;
            for (Map.Entry<String, List<Statement>> e : claims(entity, subject).entrySet()) {
                List<Statement> kept = new ArrayList<>();
                for (Statement s : e.getValue()) {
                    if (key.matches(s)) {
                        removed++;
                    } else {
                        kept.add(s);
                    }
                }
                if (!kept.isEmpty()) {
                    claims.put(e.getKey(), kept);
                }
            }
            if (removed == 0) {
                throw missing(subject, key);
            }
            return withClaims(entity, subject, claims);
        };
    }

    /**
     * The statement {@code key} names with {@code patch} applied to its Wikibase JSON, read again strictly (422
     * {@code patched-statement-invalid}); its {@code id} and property cannot change (422). A content address that
     * names several statements is ambiguous: 409 {@code statement-ambiguous} (use the GUID).
     */
    public static UnaryOperator<Entity> patch(EntityId subject, Key key, JsonPatch patch) {
        return change(subject, key, original -> patched(subject, original, patch));
    }

    /**
     * The statement {@code key} names replaced by {@code change(statement)}, in its place; 404 when there is none,
     * 409 {@code statement-ambiguous} when a content address names several.
     */
    public static UnaryOperator<Entity> change(EntityId subject, Key key, UnaryOperator<Statement> change) {
        return entity -> {
            Map<String, List<Statement>> current = claims(entity, subject);
            String property = null;
            int index = -1;
            for (Map.Entry<String, List<Statement>> e : current.entrySet()) {
                List<Statement> list = e.getValue();
                for (int i = 0; i < list.size(); i++) {
                    if (key.matches(list.get(i))) {
                        if (property != null) {
                            throw new ApiException(
                                    409,
                                    "statement-ambiguous",
                                    "several statements of " + subject + " have content " + key.value()
                                            + ": patch one by its GUID",
                                    Map.of("id", subject.value(), "statement", key.value()));
                        }
                        property = e.getKey();
                        index = i;
                    }
                }
            }
            if (property == null) {
                throw missing(subject, key);
            }
            Statement changed = change.apply(current.get(property).get(index));
            Map<String, List<Statement>> claims = new LinkedHashMap<>(current);
            List<Statement> list = new ArrayList<>(claims.get(property));
            list.set(index, changed);
            claims.put(property, list);
            return withClaims(entity, subject, claims);
        };
    }

    static Statement patched(EntityId id, Statement original, JsonPatch patch) {
        JsonNode result;
        try {
            result = patch.apply(TREES.readTree(WRITER.toBytes(original)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode newId = result.isObject() ? result.get("id") : null;
        if (newId == null || !newId.isTextual() || !newId.textValue().equals(original.id())) {
            throw EntityErrors.unprocessable(
                    "statement-id-immutable",
                    "a patch cannot change or remove the statement's id " + original.id(),
                    Map.of("path", "id", "statement", original.id()));
        }
        Statement statement;
        try {
            statement = WikibaseJsonReader.strict().readStatement(TREES.writeValueAsBytes(result), id);
        } catch (WikibaseJsonException e) {
            throw EntityErrors.unprocessable(
                    "patched-statement-invalid",
                    "the patched statement is not valid: " + e.getMessage(),
                    Map.of("path", e.path(), "reason", e.code()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!statement.property().equals(original.property())) {
            throw EntityErrors.unprocessable(
                    "statement-property-immutable",
                    "a patch cannot move a statement from " + original.property() + " to " + statement.property(),
                    Map.of("path", "mainsnak.property", "property", original.property()));
        }
        return statement;
    }

    /** The statement with {@code guid} among {@code claims}, or null. */
    public static Statement find(Map<String, List<Statement>> claims, String guid) {
        for (List<Statement> list : claims.values()) {
            for (Statement s : list) {
                if (guid.equals(s.id())) {
                    return s;
                }
            }
        }
        return null;
    }

    private static ApiException missing(EntityId id, Key key) {
        return new ApiException(
                404,
                "statement-not-found",
                id + " has no statement " + key.value(),
                Map.of("id", id.value(), "statement", key.value()));
    }
}
