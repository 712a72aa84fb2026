package org.entitybase.entity.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Item;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.entity.PageMetadata;
import org.entitybase.model.entity.Property;
import org.entitybase.model.entity.PropertyDatatype;
import org.entitybase.model.hash.wikibase.HashFiller;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.lexeme.Sense;
import org.entitybase.model.snak.NoValueSnak;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.snak.SomeValueSnak;
import org.entitybase.model.snak.ValueSnak;
import org.entitybase.model.statement.Reference;
import org.entitybase.model.statement.Statement;
import org.entitybase.model.value.EntityIdValue;

/**
 * Turns a proposed entity into the content that is stored: its id set, {@code lastrevid}/{@code modified} dropped
 * (they belong to the revision row), form and sense ids and statement GUIDs filled in, every snak checked against
 * its property's datatype, and every snak and reference hash computed (HASHES.md: input hashes are not trusted).
 * Pure: the datatypes come in as a map.
 */
final class EntityPreparer {

    /** How much the input is trusted. */
    enum Mode {
        /**
         * A client's edit: every property must exist, a snak's own {@code datatype} must be its property's (and is
         * filled in when absent), statement GUIDs must name their entity (others are replaced).
         */
        CLIENT,
        /**
         * An import of existing Wikibase JSON (dumps, fixtures): referenced properties may be absent (a dump refers
         * to properties it does not hold, or holds later); values are checked against the properties that exist, and
         * the JSON is otherwise kept as it is.
         */
        IMPORT
    }

    private EntityPreparer() {}

    /** Every statement of the entity (forms' and senses' included). */
    static Set<Statement> statements(Entity entity) {
        Set<Statement> statements = new HashSet<>();
        EntityStatements.rewrite(entity, (owner, path, statement) -> {
            statements.add(statement);
            return statement;
        });
        return statements;
    }

    /** Every property a snak of the entity refers to, in first-use order. */
    static Set<String> referencedProperties(Entity entity) {
        Set<String> properties = new LinkedHashSet<>();
        EntityStatements.rewrite(entity, (owner, path, statement) -> {
            properties.add(statement.mainsnak().property());
            statement.qualifiers().values().forEach(snaks -> snaks.forEach(s -> properties.add(s.property())));
            for (Reference r : statement.references()) {
                r.snaks().values().forEach(snaks -> snaks.forEach(s -> properties.add(s.property())));
            }
            return statement;
        });
        return properties;
    }

    /**
     * The stored form of {@code proposed} as entity {@code id}.
     *
     * @param datatypes datatype of each live property among {@link #referencedProperties}
     * @throws org.entitybase.runtime.rest.ApiException 422 for an unknown property or a value of the wrong type
     */
    static Entity prepare(Entity proposed, EntityId id, Map<String, String> datatypes, Mode mode) {
        return prepare(proposed, id, datatypes, mode, Set.of());
    }

    /**
     * As {@link #prepare(Entity, EntityId, Map, Mode)}; a statement equal to one in {@code stored} (the base
     * revision's) is kept as stored, not checked again: an edit of a label must not fail because an old statement
     * refers to a property that was deleted or never imported.
     */
    static Entity prepare(
            Entity proposed, EntityId id, Map<String, String> datatypes, Mode mode, Set<Statement> stored) {
        Entity entity = proposed.withId(id);
        PageMetadata page = entity.page();
        entity = entity.withPage(new PageMetadata(page.pageId(), page.namespace(), page.title(), null, null));
        if (entity instanceof Property property) {
            checkPropertyDatatype(property);
        }
        if (entity instanceof Lexeme lexeme) {
            entity = withSubEntityIds(lexeme);
        }
        entity = EntityStatements.rewrite(entity, (owner, path, statement) -> {
            Mode snakMode = stored.contains(statement) ? Mode.IMPORT : mode;
            Statement checked = EntityStatements.rewriteSnaks(
                    statement, path, (snakPath, snak) -> checkedSnak(snak, snakPath, datatypes, snakMode));
            return withGuid(checked, owner, mode);
        });
        return HashFiller.withHashes(entity);
    }

    private static void checkPropertyDatatype(Property property) {
        if (property.datatype() == null || PropertyDatatype.fromId(property.datatype()) == null) {
            throw EntityErrors.unprocessable(
                    "unknown-datatype",
                    "a property needs one of the Wikibase datatypes, not " + property.datatype(),
                    Map.of("path", "datatype", "datatype", String.valueOf(property.datatype())));
        }
    }

    private static Snak checkedSnak(Snak snak, String path, Map<String, String> datatypes, Mode mode) {
        String datatype = datatypes.get(snak.property());
        if (datatype == null) {
            if (mode == Mode.CLIENT) {
                throw EntityErrors.unprocessable(
                        "property-not-found",
                        "property " + snak.property() + " does not exist",
                        Map.of("path", path, "property", snak.property()));
            }
            return snak;
        }
        PropertyDatatype expected = PropertyDatatype.fromId(datatype);
        if (snak instanceof ValueSnak value && expected != null && !fits(value, expected)) {
            throw mismatch(
                    snak,
                    path,
                    datatype,
                    "its value is a " + value.value().type().jsonName());
        }
        if (mode == Mode.IMPORT) {
            return snak;
        }
        if (snak.datatype() != null) {
            if (!snak.datatype().equals(datatype)) {
                throw mismatch(snak, path, datatype, "the snak says " + snak.datatype());
            }
            return snak;
        }
        // Wikibase output always names the datatype: fill it in like the hashes
        if (snak instanceof ValueSnak v) {
            return new ValueSnak(v.property(), datatype, v.value(), v.hash());
        }
        if (snak instanceof SomeValueSnak s) {
            return new SomeValueSnak(s.property(), datatype, s.hash());
        }
        NoValueSnak n = (NoValueSnak) snak;
        return new NoValueSnak(n.property(), datatype, n.hash());
    }

    private static boolean fits(ValueSnak snak, PropertyDatatype datatype) {
        if (snak.value().type() != datatype.valueType()) {
            return false;
        }
        return !(snak.value() instanceof EntityIdValue id)
                || datatype.entityType() == null
                || id.id().type() == datatype.entityType();
    }

    private static RuntimeException mismatch(Snak snak, String path, String datatype, String why) {
        return EntityErrors.unprocessable(
                "datatype-mismatch",
                "property " + snak.property() + " has datatype " + datatype + ", but " + why,
                Map.of("path", path, "property", snak.property(), "datatype", datatype));
    }

    /** A GUID {@code <owner>$<UUID>} where there is none, or (client input) where it names another entity. */
    private static Statement withGuid(Statement statement, EntityId owner, Mode mode) {
        String guid = statement.id();
        if (guid != null
                && (mode == Mode.IMPORT
                        || guid.regionMatches(
                                true, 0, owner.value() + '$', 0, owner.value().length() + 1))) {
            return statement;
        }
        return statement.withId(
                owner.value() + '$' + UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
    }

    /** Ids for new forms and senses, numbered from the lexeme's next ids (which then move past them). */
    private static Lexeme withSubEntityIds(Lexeme lexeme) {
        boolean formsComplete = lexeme.forms().stream().allMatch(f -> f.id() != null);
        boolean sensesComplete = lexeme.senses().stream().allMatch(s -> s.id() != null);
        if (formsComplete && sensesComplete) {
            return lexeme;
        }
        String base = lexeme.id().value();
        int nextForm =
                next(lexeme.nextFormId(), lexeme.forms().stream().map(Form::id).toList());
        List<Form> forms = new ArrayList<>(lexeme.forms().size());
        for (Form f : lexeme.forms()) {
            forms.add(
                    f.id() != null
                            ? f
                            : new Form(
                                    new EntityId(EntityType.FORM, base + "-F" + nextForm++),
                                    f.representations(),
                                    f.grammaticalFeatures(),
                                    f.claims()));
        }
        int nextSense = next(
                lexeme.nextSenseId(), lexeme.senses().stream().map(Sense::id).toList());
        List<Sense> senses = new ArrayList<>(lexeme.senses().size());
        for (Sense s : lexeme.senses()) {
            senses.add(
                    s.id() != null
                            ? s
                            : new Sense(
                                    new EntityId(EntityType.SENSE, base + "-S" + nextSense++),
                                    s.glosses(),
                                    s.claims()));
        }
        return new Lexeme(
                lexeme.id(),
                lexeme.lemmas(),
                lexeme.lexicalCategory(),
                lexeme.language(),
                lexeme.claims(),
                forms,
                senses,
                formsComplete ? lexeme.nextFormId() : Integer.valueOf(nextForm),
                sensesComplete ? lexeme.nextSenseId() : Integer.valueOf(nextSense),
                lexeme.page());
    }

    /** The next free sub-id number: above the lexeme's counter and every id in use. */
    private static int next(Integer counter, List<EntityId> ids) {
        int next = counter == null ? 1 : counter;
        for (EntityId id : ids) {
            if (id != null) {
                String value = id.value();
                next = Math.max(next, Integer.parseInt(value.substring(value.lastIndexOf('-') + 2)) + 1);
            }
        }
        return next;
    }

    /** Site → title of an item's sitelinks (empty for other types), for the (site, title) uniqueness table. */
    static Map<String, String> sitelinkTitles(Entity entity) {
        if (!(entity instanceof Item item)) {
            return Map.of();
        }
        Map<String, String> titles = new LinkedHashMap<>();
        item.sitelinks().forEach((site, link) -> titles.put(site, link.title()));
        return titles;
    }
}
