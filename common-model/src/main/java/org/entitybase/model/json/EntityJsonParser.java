package org.entitybase.model.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Fingerprint;
import org.entitybase.model.entity.Item;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.entity.MediaInfo;
import org.entitybase.model.entity.PageMetadata;
import org.entitybase.model.entity.Property;
import org.entitybase.model.entity.PropertyDatatype;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.lexeme.Sense;
import org.entitybase.model.sitelink.Sitelink;
import org.entitybase.model.snak.NoValueSnak;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.snak.SnakType;
import org.entitybase.model.snak.SomeValueSnak;
import org.entitybase.model.snak.ValueSnak;
import org.entitybase.model.statement.Rank;
import org.entitybase.model.statement.Reference;
import org.entitybase.model.statement.Statement;
import org.entitybase.model.term.Term;
import org.entitybase.model.value.DataValue;
import org.entitybase.model.value.EntityIdValue;

/**
 * One streaming read of Wikibase JSON into the model (a new instance per document; not thread-safe). Each method
 * starts with the parser at the value's first token and returns with it at the value's last token. Checks that need
 * fields which may come later in the object (the entity id for statement ids, a snak's datatype for its value) run
 * when the object closes, with paths built relative to it.
 */
final class EntityJsonParser {
    // Entity fields, as bits for duplicate detection and the per-type allow lists.
    private static final int F_TYPE = 1;
    private static final int F_ID = 1 << 1;
    private static final int F_DATATYPE = 1 << 2;
    private static final int F_PAGEID = 1 << 3;
    private static final int F_NS = 1 << 4;
    private static final int F_TITLE = 1 << 5;
    private static final int F_LASTREVID = 1 << 6;
    private static final int F_MODIFIED = 1 << 7;
    private static final int F_LABELS = 1 << 8;
    private static final int F_DESCRIPTIONS = 1 << 9;
    private static final int F_ALIASES = 1 << 10;
    private static final int F_CLAIMS = 1 << 11;
    private static final int F_STATEMENTS = 1 << 12;
    private static final int F_SITELINKS = 1 << 13;
    private static final int F_LEMMAS = 1 << 14;
    private static final int F_LEXICAL_CATEGORY = 1 << 15;
    private static final int F_LANGUAGE = 1 << 16;
    private static final int F_FORMS = 1 << 17;
    private static final int F_SENSES = 1 << 18;
    private static final int F_NEXT_FORM_ID = 1 << 19;
    private static final int F_NEXT_SENSE_ID = 1 << 20;
    private static final String[] ENTITY_FIELDS = {
        "type",
        "id",
        "datatype",
        "pageid",
        "ns",
        "title",
        "lastrevid",
        "modified",
        "labels",
        "descriptions",
        "aliases",
        "claims",
        "statements",
        "sitelinks",
        "lemmas",
        "lexicalCategory",
        "language",
        "forms",
        "senses",
        "nextFormId",
        "nextSenseId"
    };

    private static final int PAGE_FIELDS = F_PAGEID | F_NS | F_TITLE | F_LASTREVID | F_MODIFIED;
    private static final int COMMON = F_TYPE | F_ID | PAGE_FIELDS;
    private static final int ITEM_FIELDS = COMMON | F_LABELS | F_DESCRIPTIONS | F_ALIASES | F_CLAIMS | F_SITELINKS;
    private static final int PROPERTY_FIELDS = COMMON | F_DATATYPE | F_LABELS | F_DESCRIPTIONS | F_ALIASES | F_CLAIMS;
    private static final int LEXEME_FIELDS = COMMON
            | F_LEMMAS
            | F_LEXICAL_CATEGORY
            | F_LANGUAGE
            | F_CLAIMS
            | F_FORMS
            | F_SENSES
            | F_NEXT_FORM_ID
            | F_NEXT_SENSE_ID;
    private static final int MEDIAINFO_FIELDS = COMMON | F_LABELS | F_DESCRIPTIONS | F_STATEMENTS;

    private final JsonCursor c;
    private final JsonParser p;
    private final boolean strict;
    private final DataValueParser dataValues;

    EntityJsonParser(JsonParser parser, boolean strict) {
        this.c = new JsonCursor(parser);
        this.p = parser;
        this.strict = strict;
        this.dataValues = new DataValueParser(c);
    }

    JsonCursor cursor() {
        return c;
    }

    // ================================================================ entities

    /** An entity object; {@code expectedType} (nullable) is the type a caller requires, and the default for a missing type. */
    Entity entity(EntityType expectedType) throws IOException {
        int seen = 0;
        EntityType type = null;
        EntityId id = null;
        String datatype = null;
        Long pageId = null;
        Integer namespace = null;
        String title = null;
        Long lastRevision = null;
        String modified = null;
        Map<String, Term> labels = Map.of();
        Map<String, Term> descriptions = Map.of();
        Map<String, List<Term>> aliases = Map.of();
        Map<String, List<Statement>> claims = Map.of();
        Map<String, Sitelink> sitelinks = Map.of();
        Map<String, Term> lemmas = null;
        String lexicalCategory = null;
        String language = null;
        List<Form> forms = List.of();
        List<Sense> senses = List.of();
        Integer nextFormId = null;
        Integer nextSenseId = null;

        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            switch (field) {
                case "type" -> {
                    seen = c.once(seen, F_TYPE);
                    String name = c.nextString();
                    type = EntityType.fromJsonName(name);
                    if (type == null || type.prefix() == null || type == EntityType.ENTITY_SCHEMA) {
                        throw c.invalid(
                                "", "unknown entity type '" + name + "'; expected item, property, lexeme or mediainfo");
                    }
                }
                case "id" -> {
                    seen = c.once(seen, F_ID);
                    id = entityId("an entity id");
                }
                case "datatype" -> {
                    seen = c.once(seen, F_DATATYPE);
                    datatype = datatypeName();
                }
                case "pageid" -> {
                    seen = c.once(seen, F_PAGEID);
                    pageId = c.nextLong(0, Long.MAX_VALUE);
                }
                case "ns" -> {
                    seen = c.once(seen, F_NS);
                    namespace = (int) c.nextLong(Integer.MIN_VALUE, Integer.MAX_VALUE);
                }
                case "title" -> {
                    seen = c.once(seen, F_TITLE);
                    title = c.nextNonEmptyString();
                }
                case "lastrevid" -> {
                    seen = c.once(seen, F_LASTREVID);
                    lastRevision = c.nextLong(0, Long.MAX_VALUE);
                }
                case "modified" -> {
                    seen = c.once(seen, F_MODIFIED);
                    modified = c.nextString();
                    if (!WikibaseSyntax.isTimestamp(modified)) {
                        throw c.invalid("", "'" + modified + "' is not a timestamp like 2025-01-01T00:00:00Z");
                    }
                }
                case "labels" -> {
                    seen = c.once(seen, F_LABELS);
                    labels = termMapField();
                }
                case "descriptions" -> {
                    seen = c.once(seen, F_DESCRIPTIONS);
                    descriptions = termMapField();
                }
                case "aliases" -> {
                    seen = c.once(seen, F_ALIASES);
                    aliases = aliasesField();
                }
                case "claims" -> {
                    seen = c.once(seen, F_CLAIMS);
                    claims = statementMapField();
                }
                case "statements" -> {
                    seen = c.once(seen, F_STATEMENTS);
                    claims = statementMapField();
                }
                case "sitelinks" -> {
                    seen = c.once(seen, F_SITELINKS);
                    sitelinks = sitelinksField();
                }
                case "lemmas" -> {
                    seen = c.once(seen, F_LEMMAS);
                    lemmas = termMapField();
                }
                case "lexicalCategory" -> {
                    seen = c.once(seen, F_LEXICAL_CATEGORY);
                    lexicalCategory = itemId();
                }
                case "language" -> {
                    seen = c.once(seen, F_LANGUAGE);
                    language = itemId();
                }
                case "forms" -> {
                    seen = c.once(seen, F_FORMS);
                    forms = forms();
                }
                case "senses" -> {
                    seen = c.once(seen, F_SENSES);
                    senses = senses();
                }
                case "nextFormId" -> {
                    seen = c.once(seen, F_NEXT_FORM_ID);
                    nextFormId = (int) c.nextLong(1, Integer.MAX_VALUE);
                }
                case "nextSenseId" -> {
                    seen = c.once(seen, F_NEXT_SENSE_ID);
                    nextSenseId = (int) c.nextLong(1, Integer.MAX_VALUE);
                }
                default -> c.skipValue();
            }
        }

        // The entity object has closed: relative paths below start at the entity.
        if (type == null) {
            if (expectedType == null) {
                throw c.missing("type", "an entity needs a type");
            }
            type = expectedType;
        } else if (expectedType != null && type != expectedType) {
            throw c.inconsistent(
                    "type", "is " + type.jsonName() + ", but " + withArticle(expectedType) + " is expected here");
        }
        if (id != null && id.type() != type) {
            throw c.inconsistent("id", id + " is not the id of " + withArticle(type));
        }
        int allowed = switch (type) {
            case ITEM -> ITEM_FIELDS;
            case PROPERTY -> PROPERTY_FIELDS;
            case LEXEME -> LEXEME_FIELDS;
            default -> MEDIAINFO_FIELDS;
        };
        int foreign = seen & ~allowed;
        if (foreign != 0) {
            String field = ENTITY_FIELDS[Integer.numberOfTrailingZeros(foreign)];
            String hint = field.equals("claims") && type == EntityType.MEDIAINFO
                    ? "; mediainfo has statements"
                    : field.equals("statements") ? "; use claims" : "";
            throw c.invalid(field, "not a field of " + withArticle(type) + hint);
        }
        PageMetadata page = (seen & PAGE_FIELDS) == 0
                ? PageMetadata.NONE
                : new PageMetadata(pageId, namespace, title, lastRevision, modified);
        String claimsField = type == EntityType.MEDIAINFO ? "statements" : "claims";
        Set<String> guids = new HashSet<>();
        checkStatementIds(claims, id, claimsField, guids);
        return switch (type) {
            case ITEM -> new Item(id, new Fingerprint(labels, descriptions, aliases), claims, sitelinks, page);
            case PROPERTY -> {
                if (datatype == null) {
                    throw c.missing("datatype", "a property needs a datatype");
                }
                yield new Property(id, datatype, new Fingerprint(labels, descriptions, aliases), claims, page);
            }
            case LEXEME -> {
                if (lemmas == null) {
                    throw c.missing("lemmas", "a lexeme needs lemmas");
                }
                if (lexicalCategory == null) {
                    throw c.missing("lexicalCategory", "a lexeme needs a lexical category");
                }
                if (language == null) {
                    throw c.missing("language", "a lexeme needs a language");
                }
                checkLexemeParts(id, forms, senses, nextFormId, nextSenseId, guids);
                yield new Lexeme(
                        id, lemmas, lexicalCategory, language, claims, forms, senses, nextFormId, nextSenseId, page);
            }
            default -> new MediaInfo(id, new Fingerprint(labels, descriptions, Map.of()), claims, page);
        };
    }

    private static String withArticle(EntityType type) {
        return (type == EntityType.ITEM ? "an " : "a ") + type.jsonName();
    }

    /**
     * Form and sense ids must belong to the lexeme and be unique, next ids must be above the ids in use, and
     * (strict) statement ids must name the form or sense. Runs once the lexeme id is known.
     */
    private void checkLexemeParts(
            EntityId lexemeId,
            List<Form> forms,
            List<Sense> senses,
            Integer nextFormId,
            Integer nextSenseId,
            Set<String> guids) {
        Set<EntityId> ids = new HashSet<>();
        for (int i = 0; i < forms.size(); i++) {
            Form form = forms.get(i);
            String path = JsonPaths.index("forms", i);
            checkSubEntityId(lexemeId, form.id(), "-F", path, nextFormId, "nextFormId", ids);
            checkStatementIds(form.claims(), form.id(), path + ".claims", guids);
        }
        for (int i = 0; i < senses.size(); i++) {
            Sense sense = senses.get(i);
            String path = JsonPaths.index("senses", i);
            checkSubEntityId(lexemeId, sense.id(), "-S", path, nextSenseId, "nextSenseId", ids);
            checkStatementIds(sense.claims(), sense.id(), path + ".claims", guids);
        }
    }

    private void checkSubEntityId(
            EntityId lexemeId,
            EntityId subId,
            String infix,
            String path,
            Integer nextId,
            String nextIdField,
            Set<EntityId> ids) {
        if (subId == null) {
            if (lexemeId != null) {
                throw c.missing(JsonPaths.join(path, "id"), "a form or sense of an existing lexeme needs an id");
            }
            return;
        }
        if (lexemeId != null && !subId.value().startsWith(lexemeId.value() + infix)) {
            throw c.inconsistent(JsonPaths.join(path, "id"), subId + " does not belong to lexeme " + lexemeId);
        }
        if (!ids.add(subId)) {
            throw c.inconsistent(JsonPaths.join(path, "id"), "duplicate id " + subId);
        }
        long number = Long.parseLong(subId.value().substring(subId.value().lastIndexOf('-') + 2));
        if (nextId != null && number >= nextId) {
            throw c.inconsistent(
                    nextIdField, "is " + nextId + " but " + subId + " exists; it must be above every id in use");
        }
    }

    /**
     * In strict mode: every statement id names {@code owner} (case-insensitively) and none repeats within the
     * document. Syntax was checked while reading.
     */
    private void checkStatementIds(
            Map<String, List<Statement>> claims, EntityId owner, String base, Set<String> guids) {
        if (!strict) {
            return;
        }
        for (Map.Entry<String, List<Statement>> group : claims.entrySet()) {
            List<Statement> statements = group.getValue();
            for (int i = 0; i < statements.size(); i++) {
                String guid = statements.get(i).id();
                if (guid == null) {
                    continue;
                }
                String path = JsonPaths.join(JsonPaths.index(JsonPaths.key(base, group.getKey()), i), "id");
                checkStatementOwner(guid, owner, path);
                if (!guids.add(guid)) {
                    throw c.inconsistent(path, "duplicate statement id " + guid);
                }
            }
        }
    }

    private void checkStatementOwner(String guid, EntityId owner, String path) {
        EntityId subject = WikibaseSyntax.statementGuidSubject(guid);
        if (owner != null && subject != null && !subject.equals(owner)) {
            throw c.inconsistent(path, "statement " + guid + " belongs to " + subject + ", not to " + owner);
        }
    }

    // ================================================================ lexeme parts

    private List<Form> forms() throws IOException {
        c.nextArray("an array of forms");
        List<Form> forms = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                throw c.wrongType(t, "a form object");
            }
            forms.add(form());
        }
        return forms;
    }

    private List<Sense> senses() throws IOException {
        c.nextArray("an array of senses");
        List<Sense> senses = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                throw c.wrongType(t, "a sense object");
            }
            senses.add(sense());
        }
        return senses;
    }

    /** A form object; its id is optional here (a new form has none). */
    Form form() throws IOException {
        int seen = 0;
        EntityId id = null;
        Map<String, Term> representations = null;
        List<String> features = null;
        Map<String, List<Statement>> claims = Map.of();
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            switch (field) {
                case "id" -> {
                    seen = c.once(seen, 1);
                    id = subEntityId(EntityType.FORM, "a form id like L42-F1");
                }
                case "representations" -> {
                    seen = c.once(seen, 2);
                    representations = termMapField();
                }
                case "grammaticalFeatures" -> {
                    seen = c.once(seen, 4);
                    features = itemIdList();
                }
                case "claims" -> {
                    seen = c.once(seen, 8);
                    claims = statementMapField();
                }
                default -> c.skipValue();
            }
        }
        if (representations == null) {
            throw c.missing("representations", "a form needs representations");
        }
        if (features == null) {
            throw c.missing("grammaticalFeatures", "a form needs grammaticalFeatures (may be empty)");
        }
        return new Form(id, representations, features, claims);
    }

    /** A sense object; its id is optional here (a new sense has none). */
    Sense sense() throws IOException {
        int seen = 0;
        EntityId id = null;
        Map<String, Term> glosses = null;
        Map<String, List<Statement>> claims = Map.of();
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            switch (field) {
                case "id" -> {
                    seen = c.once(seen, 1);
                    id = subEntityId(EntityType.SENSE, "a sense id like L42-S1");
                }
                case "glosses" -> {
                    seen = c.once(seen, 2);
                    glosses = termMapField();
                }
                case "claims" -> {
                    seen = c.once(seen, 4);
                    claims = statementMapField();
                }
                default -> c.skipValue();
            }
        }
        if (glosses == null) {
            throw c.missing("glosses", "a sense needs glosses");
        }
        return new Sense(id, glosses, claims);
    }

    /** A form read alone: its id, when {@code lexemeId} is given, must belong to it; its statements to the form. */
    Form formOf(EntityId lexemeId) throws IOException {
        Form form = form();
        if (form.id() != null) {
            checkSubEntityId(lexemeId, form.id(), "-F", "", null, null, new HashSet<>());
        }
        checkStatementIds(form.claims(), form.id(), "claims", new HashSet<>());
        return form;
    }

    Sense senseOf(EntityId lexemeId) throws IOException {
        Sense sense = sense();
        if (sense.id() != null) {
            checkSubEntityId(lexemeId, sense.id(), "-S", "", null, null, new HashSet<>());
        }
        checkStatementIds(sense.claims(), sense.id(), "claims", new HashSet<>());
        return sense;
    }

    // ================================================================ statements

    private Map<String, List<Statement>> statementMapField() throws IOException {
        return c.nextMap("an object of statements by property") ? statementMap() : Map.of();
    }

    /** The statement groups of an object (the parser at its start): property id → statements about it. */
    Map<String, List<Statement>> statementMap() throws IOException {
        Map<String, List<Statement>> map = new LinkedHashMap<>();
        for (String property = p.nextFieldName(); property != null; property = p.nextFieldName()) {
            if (!WikibaseSyntax.isPropertyId(property)) {
                throw c.invalid("", "key '" + property + "' is not a property id");
            }
            if (map.containsKey(property)) {
                throw c.invalid("", "duplicate key");
            }
            c.nextArray("an array of statements");
            List<Statement> group = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.START_OBJECT) {
                    throw c.wrongType(t, "a statement object");
                }
                group.add(statement(property));
            }
            map.put(property, group);
        }
        return map;
    }

    /** A JSON array of statements (the parser at its start); strict mode checks their ids against {@code subject}. */
    List<Statement> statementList(EntityId subject) throws IOException {
        List<Statement> list = new ArrayList<>();
        Set<String> guids = new HashSet<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                throw c.wrongType(t, "a statement object");
            }
            Statement statement = statement(null);
            if (strict && statement.id() != null) {
                checkStatementOwner(statement.id(), subject, "id");
                if (!guids.add(statement.id())) {
                    throw c.inconsistent("id", "duplicate statement id " + statement.id());
                }
            }
            list.add(statement);
        }
        return list;
    }

    /** A statement map read alone; strict mode checks ids against {@code subject}. */
    Map<String, List<Statement>> statementMapOf(EntityId subject) throws IOException {
        Map<String, List<Statement>> map = statementMap();
        checkStatementIds(map, subject, "", new HashSet<>());
        return map;
    }

    /** A statement read alone; strict mode checks its id against {@code subject}. */
    Statement statementOf(EntityId subject) throws IOException {
        Statement statement = statement(null);
        if (strict && statement.id() != null) {
            checkStatementOwner(statement.id(), subject, "id");
        }
        return statement;
    }

    /** A statement object; {@code groupProperty} is the claims key it is listed under (null when read alone). */
    private Statement statement(String groupProperty) throws IOException {
        int seen = 0;
        Snak mainsnak = null;
        String id = null;
        Rank rank = Rank.NORMAL;
        Map<String, List<Snak>> qualifiers = Map.of();
        List<String> qualifiersOrder = null;
        List<Reference> references = List.of();
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            switch (field) {
                case "mainsnak" -> {
                    seen = c.once(seen, 1);
                    c.nextObject("a snak object");
                    mainsnak = snak();
                }
                case "type" -> {
                    seen = c.once(seen, 2);
                    String type = c.nextString();
                    if (!type.equals("statement") && !type.equals("claim")) {
                        throw c.invalid("", "must be \"statement\", not '" + type + "'");
                    }
                }
                case "id" -> {
                    seen = c.once(seen, 4);
                    id = c.nextString();
                    if (WikibaseSyntax.statementGuidSubject(id) == null) {
                        throw c.invalid(
                                "", "'" + id + "' is not a statement id like Q42$F078E5B3-F9A8-480E-B7AC-D97778CBBEF9");
                    }
                }
                case "rank" -> {
                    seen = c.once(seen, 8);
                    String name = c.nextString();
                    rank = Rank.fromJsonName(name);
                    if (rank == null) {
                        throw c.invalid("", "unknown rank '" + name + "'; expected preferred, normal or deprecated");
                    }
                }
                case "qualifiers" -> {
                    seen = c.once(seen, 16);
                    qualifiers = snakMapField("an object of qualifier snaks by property");
                }
                case "qualifiers-order" -> {
                    seen = c.once(seen, 32);
                    qualifiersOrder = propertyIdList();
                }
                case "references" -> {
                    seen = c.once(seen, 64);
                    references = references();
                }
                default -> c.skipValue();
            }
        }
        if (mainsnak == null) {
            throw c.missing("mainsnak", "a statement needs a mainsnak");
        }
        if (groupProperty != null && !groupProperty.equals(mainsnak.property())) {
            throw c.inconsistent(
                    "mainsnak.property",
                    mainsnak.property() + " differs from the key " + groupProperty + " it is listed under");
        }
        qualifiersOrder = checkOrder(qualifiers, qualifiersOrder, "qualifiers", "qualifiers-order");
        return new Statement(id, mainsnak, rank, qualifiers, qualifiersOrder, references);
    }

    private List<Reference> references() throws IOException {
        c.nextArray("an array of references");
        List<Reference> references = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                throw c.wrongType(t, "a reference object");
            }
            references.add(reference());
        }
        return references;
    }

    /** A reference object (the parser at its start). */
    Reference reference() throws IOException {
        int seen = 0;
        String hash = null;
        Map<String, List<Snak>> snaks = null;
        List<String> order = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            switch (field) {
                case "hash" -> {
                    seen = c.once(seen, 1);
                    hash = hash();
                }
                case "snaks" -> {
                    seen = c.once(seen, 2);
                    snaks = snakMapField("an object of snaks by property");
                }
                case "snaks-order" -> {
                    seen = c.once(seen, 4);
                    order = propertyIdList();
                }
                default -> c.skipValue();
            }
        }
        if (snaks == null) {
            throw c.missing("snaks", "a reference needs snaks");
        }
        return new Reference(hash, snaks, checkOrder(snaks, order, "snaks", "snaks-order"));
    }

    /**
     * An order list must name each key of its snak map exactly once (Wikibase derives it from the snaks); when
     * absent, as in some old JSON, it is the key order. Called after the enclosing object closed.
     */
    private List<String> checkOrder(
            Map<String, List<Snak>> snaks, List<String> order, String mapField, String orderField) {
        if (order == null) {
            return List.copyOf(snaks.keySet());
        }
        if (order.size() == snaks.size() && order.equals(new ArrayList<>(snaks.keySet()))) {
            return order; // the usual case: the order is the key order
        }
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < order.size(); i++) {
            String property = order.get(i);
            if (!listed.add(property)) {
                throw c.inconsistent(JsonPaths.index(orderField, i), property + " is listed twice");
            }
            if (!snaks.containsKey(property)) {
                throw c.inconsistent(JsonPaths.index(orderField, i), property + " has no snaks in " + mapField);
            }
        }
        for (String property : snaks.keySet()) {
            if (!listed.contains(property)) {
                throw c.inconsistent(orderField, "lacks " + property + ", which has snaks in " + mapField);
            }
        }
        return order;
    }

    private Map<String, List<Snak>> snakMapField(String expected) throws IOException {
        if (!c.nextMap(expected)) {
            return Map.of();
        }
        Map<String, List<Snak>> map = new LinkedHashMap<>();
        for (String property = p.nextFieldName(); property != null; property = p.nextFieldName()) {
            if (!WikibaseSyntax.isPropertyId(property)) {
                throw c.invalid("", "key '" + property + "' is not a property id");
            }
            if (map.containsKey(property)) {
                throw c.invalid("", "duplicate key");
            }
            c.nextArray("an array of snaks");
            List<Snak> group = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.START_OBJECT) {
                    throw c.wrongType(t, "a snak object");
                }
                Snak snak = snak();
                if (!snak.property().equals(property)) {
                    throw c.inconsistent(
                            "property", snak.property() + " differs from the key " + property + " it is listed under");
                }
                group.add(snak);
            }
            map.put(property, group);
        }
        return map;
    }

    private List<String> propertyIdList() throws IOException {
        c.nextArray("an array of property ids");
        List<String> ids = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_STRING) {
                throw c.wrongType(t, "a property id");
            }
            String id = p.getText();
            if (!WikibaseSyntax.isPropertyId(id)) {
                throw c.invalid("", "'" + id + "' is not a property id");
            }
            ids.add(id);
        }
        return ids;
    }

    // ================================================================ snaks and values

    /** A snak object (the parser at its start). */
    Snak snak() throws IOException {
        int seen = 0;
        String snakTypeName = null;
        String property = null;
        String hash = null;
        String datatype = null;
        DataValue value = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            switch (field) {
                case "snaktype" -> {
                    seen = c.once(seen, 1);
                    snakTypeName = c.nextString();
                }
                case "property" -> {
                    seen = c.once(seen, 2);
                    property = c.nextString();
                    if (!WikibaseSyntax.isPropertyId(property)) {
                        throw c.invalid("", "'" + property + "' is not a property id");
                    }
                }
                case "hash" -> {
                    seen = c.once(seen, 4);
                    hash = hash();
                }
                case "datavalue" -> {
                    seen = c.once(seen, 8);
                    c.nextObject("a datavalue object");
                    value = dataValues.read();
                }
                case "datatype" -> {
                    seen = c.once(seen, 16);
                    datatype = datatypeName();
                }
                default -> c.skipValue();
            }
        }
        if (snakTypeName == null) {
            throw c.missing("snaktype", "a snak needs a snaktype");
        }
        SnakType snakType = SnakType.fromJsonName(snakTypeName);
        if (snakType == null) {
            throw c.invalid(
                    "snaktype", "unknown snaktype '" + snakTypeName + "'; expected value, somevalue or novalue");
        }
        if (property == null) {
            throw c.missing("property", "a snak needs a property");
        }
        if (snakType != SnakType.VALUE) {
            if (value != null) {
                throw c.invalid("datavalue", "a " + snakTypeName + " snak has no datavalue");
            }
            return snakType == SnakType.NO_VALUE
                    ? new NoValueSnak(property, datatype, hash)
                    : new SomeValueSnak(property, datatype, hash);
        }
        if (value == null) {
            throw c.missing("datavalue", "a value snak needs a datavalue");
        }
        checkValueFitsDatatype(value, datatype);
        return new ValueSnak(property, datatype, value, hash);
    }

    /** A snak's value must have the value type (and entity type) of its datatype, where the datatype is known. */
    private void checkValueFitsDatatype(DataValue value, String datatype) {
        PropertyDatatype known = datatype == null ? null : PropertyDatatype.fromId(datatype);
        if (known == null) {
            return;
        }
        if (known.valueType() != value.type()) {
            throw c.inconsistent(
                    "datavalue.type",
                    "is " + value.type().jsonName() + ", but datatype " + datatype + " takes "
                            + known.valueType().jsonName() + " values");
        }
        if (known.entityType() != null && ((EntityIdValue) value).id().type() != known.entityType()) {
            throw c.inconsistent(
                    "datavalue.value.entity-type",
                    "is " + ((EntityIdValue) value).id().type().jsonName() + ", but datatype " + datatype + " takes "
                            + known.entityType().jsonName() + " ids");
        }
    }

    /** A datavalue object read alone (the parser at its start). */
    DataValue dataValue() throws IOException {
        return dataValues.read();
    }

    /** A snak or reference hash: 40 lowercase hex digits in strict mode, any string in lenient mode. */
    private String hash() throws IOException {
        String hash = c.nextString();
        if (strict && !WikibaseSyntax.isHash(hash)) {
            throw c.invalid("", "'" + hash + "' is not a hash (40 lowercase hex digits)");
        }
        return hash;
    }

    private String datatypeName() throws IOException {
        String name = c.nextNonEmptyString();
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            boolean ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-';
            if (!ok) {
                throw c.invalid("", "'" + name + "' is not a datatype id");
            }
        }
        return name;
    }

    // ================================================================ terms and sitelinks

    private Map<String, Term> termMapField() throws IOException {
        return c.nextMap("an object of terms by language") ? termMap() : Map.of();
    }

    /** A map of terms by language (the parser at its start): each term's language is its key. */
    Map<String, Term> termMap() throws IOException {
        Map<String, Term> map = new LinkedHashMap<>();
        for (String language = p.nextFieldName(); language != null; language = p.nextFieldName()) {
            languageKey(language, map);
            c.nextObject("a term object");
            Term term = term();
            if (!term.language().equals(language)) {
                throw c.inconsistent("language", "'" + term.language() + "' differs from the key '" + language + "'");
            }
            map.put(language, term);
        }
        return map;
    }

    private void languageKey(String language, Map<String, ?> map) {
        if (!WikibaseSyntax.isLanguageCode(language)) {
            throw c.invalid("", "key '" + language + "' is not a valid language code");
        }
        if (map.containsKey(language)) {
            throw c.invalid("", "duplicate key");
        }
    }

    private Map<String, List<Term>> aliasesField() throws IOException {
        return c.nextMap("an object of alias lists by language") ? aliases() : Map.of();
    }

    /** An alias map (the parser at its start): language → terms in that language. */
    Map<String, List<Term>> aliases() throws IOException {
        Map<String, List<Term>> map = new LinkedHashMap<>();
        for (String language = p.nextFieldName(); language != null; language = p.nextFieldName()) {
            languageKey(language, map);
            c.nextArray("an array of alias terms");
            List<Term> group = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.START_OBJECT) {
                    throw c.wrongType(t, "a term object");
                }
                Term term = term();
                if (!term.language().equals(language)) {
                    throw c.inconsistent(
                            "language", "'" + term.language() + "' differs from the key '" + language + "'");
                }
                group.add(term);
            }
            map.put(language, group);
        }
        return map;
    }

    /** A term object (the parser at its start). */
    Term term() throws IOException {
        int seen = 0;
        String language = null;
        String value = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            switch (field) {
                case "language" -> {
                    seen = c.once(seen, 1);
                    language = c.nextString();
                    if (!WikibaseSyntax.isLanguageCode(language)) {
                        throw c.invalid("", "'" + language + "' is not a valid language code");
                    }
                }
                case "value" -> {
                    seen = c.once(seen, 2);
                    value = c.nextString();
                }
                default -> c.skipValue();
            }
        }
        if (language == null) {
            throw c.missing("language", "a term needs a language");
        }
        if (value == null) {
            throw c.missing("value", "a term needs a value");
        }
        return new Term(language, value);
    }

    private Map<String, Sitelink> sitelinksField() throws IOException {
        return c.nextMap("an object of sitelinks by site") ? sitelinks() : Map.of();
    }

    /** A sitelink map (the parser at its start): site id → sitelink, each sitelink's site being its key. */
    Map<String, Sitelink> sitelinks() throws IOException {
        Map<String, Sitelink> map = new LinkedHashMap<>();
        for (String site = p.nextFieldName(); site != null; site = p.nextFieldName()) {
            if (!WikibaseSyntax.isSiteId(site)) {
                throw c.invalid("", "key '" + site + "' is not a site id");
            }
            if (map.containsKey(site)) {
                throw c.invalid("", "duplicate key");
            }
            c.nextObject("a sitelink object");
            Sitelink sitelink = sitelink();
            if (!sitelink.site().equals(site)) {
                throw c.inconsistent("site", "'" + sitelink.site() + "' differs from the key '" + site + "'");
            }
            map.put(site, sitelink);
        }
        return map;
    }

    /** A sitelink object (the parser at its start). */
    Sitelink sitelink() throws IOException {
        int seen = 0;
        String site = null;
        String title = null;
        List<String> badges = List.of();
        String url = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            switch (field) {
                case "site" -> {
                    seen = c.once(seen, 1);
                    site = c.nextString();
                    if (!WikibaseSyntax.isSiteId(site)) {
                        throw c.invalid("", "'" + site + "' is not a site id");
                    }
                }
                case "title" -> {
                    seen = c.once(seen, 2);
                    title = c.nextNonEmptyString();
                }
                case "badges" -> {
                    seen = c.once(seen, 4);
                    badges = itemIdList();
                }
                case "url" -> {
                    seen = c.once(seen, 8);
                    url = c.nextString();
                }
                default -> c.skipValue();
            }
        }
        if (site == null) {
            throw c.missing("site", "a sitelink needs a site");
        }
        if (title == null) {
            throw c.missing("title", "a sitelink needs a title");
        }
        return new Sitelink(site, title, badges, url);
    }

    // ================================================================ ids

    private EntityId entityId(String expected) throws IOException {
        String s = c.nextString();
        EntityId id = WikibaseSyntax.parseEntityId(s);
        if (id == null) {
            throw c.invalid("", "'" + s + "' is not " + expected);
        }
        return id;
    }

    private EntityId subEntityId(EntityType type, String expected) throws IOException {
        EntityId id = entityId(expected);
        if (id.type() != type) {
            throw c.invalid("", "'" + id + "' is not " + expected);
        }
        return id;
    }

    private String itemId() throws IOException {
        String s = c.nextString();
        if (!WikibaseSyntax.isItemId(s)) {
            throw c.invalid("", "'" + s + "' is not an item id");
        }
        return s;
    }

    private List<String> itemIdList() throws IOException {
        c.nextArray("an array of item ids");
        List<String> ids = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_STRING) {
                throw c.wrongType(t, "an item id");
            }
            String id = p.getText();
            if (!WikibaseSyntax.isItemId(id)) {
                throw c.invalid("", "'" + id + "' is not an item id");
            }
            ids.add(id);
        }
        return ids;
    }
}
