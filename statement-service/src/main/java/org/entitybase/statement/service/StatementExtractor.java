package org.entitybase.statement.service;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.entitybase.model.content.EntitySplitter;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.hash.content.JsonCanonicalizer;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.json.WikibaseJsonWriter;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.lexeme.Sense;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.snak.ValueSnak;
import org.entitybase.model.statement.Reference;
import org.entitybase.model.statement.Statement;
import org.entitybase.model.value.EntityIdValue;

/**
 * Entity JSON → {@link RevisionStatements}. Statements are those the entity-service splitter addresses: the entity's
 * own and, for a lexeme, those of its forms and senses. Backlinks go from the top-level entity to every
 * item/property/lexeme/form/sense value in main snaks, qualifiers and references. Pure and thread-safe.
 */
public final class StatementExtractor {

    private static final Set<EntityType> LINK_TYPES =
            EnumSet.of(EntityType.ITEM, EntityType.PROPERTY, EntityType.LEXEME, EntityType.FORM, EntityType.SENSE);

    private final WikibaseJsonReader reader = WikibaseJsonReader.lenient();
    private final WikibaseJsonWriter writer = new WikibaseJsonWriter();
    private final EntitySplitter splitter = new EntitySplitter();

    public RevisionStatements extract(byte[] entityJson) {
        return extract(reader.readEntity(entityJson));
    }

    public RevisionStatements extract(Entity entity) {
        String source = entity.id().value();
        TreeMap<String, RevisionStatements.StatementContent> statements = new TreeMap<>();
        Map<String, Integer> occurrences = new HashMap<>();
        Set<Backlink> backlinks = new TreeSet<>();
        add(entity.claims(), source, statements, occurrences, backlinks);
        if (entity instanceof Lexeme lexeme) {
            for (Form form : lexeme.forms()) {
                add(form.claims(), source, statements, occurrences, backlinks);
            }
            for (Sense sense : lexeme.senses()) {
                add(sense.claims(), source, statements, occurrences, backlinks);
            }
        }
        return new RevisionStatements(statements, Map.copyOf(occurrences), Set.copyOf(backlinks));
    }

    /** The self-contained JSON stored for a statement: canonical, without its GUID (so it matches the address). */
    public byte[] contentJson(Statement statement) {
        return JsonCanonicalizer.canonicalize(writer.toBytes(statement.withId(null)));
    }

    private void add(
            Map<String, List<Statement>> claims,
            String source,
            Map<String, RevisionStatements.StatementContent> statements,
            Map<String, Integer> occurrences,
            Set<Backlink> backlinks) {
        for (List<Statement> group : claims.values()) {
            for (Statement statement : group) {
                String hash = splitter.statementAddress(statement).sha256();
                if (occurrences.merge(hash, 1, Integer::sum) == 1) {
                    statements.put(
                            hash,
                            new RevisionStatements.StatementContent(statement.property(), contentJson(statement)));
                }
                links(statement, source, backlinks);
            }
        }
    }

    static void links(Statement statement, String source, Set<Backlink> out) {
        link(statement.mainsnak(), source, out);
        statement.qualifiers().values().forEach(snaks -> snaks.forEach(s -> link(s, source, out)));
        for (Reference reference : statement.references()) {
            reference.snaks().values().forEach(snaks -> snaks.forEach(s -> link(s, source, out)));
        }
    }

    private static void link(Snak snak, String source, Set<Backlink> out) {
        if (snak instanceof ValueSnak value
                && value.value() instanceof EntityIdValue id
                && LINK_TYPES.contains(id.id().type())) {
            out.add(new Backlink(id.id().value(), source, snak.property()));
        }
    }
}
