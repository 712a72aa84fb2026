package org.entitybase.model.hash.wikibase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Item;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.entity.MediaInfo;
import org.entitybase.model.entity.Property;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.lexeme.Sense;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.statement.Reference;
import org.entitybase.model.statement.Statement;

/**
 * Sets every snak and reference {@code hash} to its computed Wikibase value, on the write path. A hash that came with
 * the input is overwritten, not trusted: Wikibase computes hashes at output time, so a stale or foreign hash must not
 * reach storage. Forms and senses of lexemes are covered too.
 */
public final class HashFiller {
    private HashFiller() {}

    /** The entity with every snak and reference hash computed. */
    public static Entity withHashes(Entity entity) {
        if (entity instanceof Item i) {
            return i.withClaims(claims(i.claims()));
        }
        if (entity instanceof Property p) {
            return p.withClaims(claims(p.claims()));
        }
        if (entity instanceof MediaInfo m) {
            return m.withClaims(claims(m.claims()));
        }
        Lexeme l = (Lexeme) entity;
        List<Form> forms = new ArrayList<>(l.forms().size());
        for (Form f : l.forms()) {
            forms.add(new Form(f.id(), f.representations(), f.grammaticalFeatures(), claims(f.claims())));
        }
        List<Sense> senses = new ArrayList<>(l.senses().size());
        for (Sense s : l.senses()) {
            senses.add(new Sense(s.id(), s.glosses(), claims(s.claims())));
        }
        return new Lexeme(
                l.id(),
                l.lemmas(),
                l.lexicalCategory(),
                l.language(),
                claims(l.claims()),
                forms,
                senses,
                l.nextFormId(),
                l.nextSenseId(),
                l.page());
    }

    /** Statements grouped by property, each with computed hashes. */
    public static Map<String, List<Statement>> claims(Map<String, List<Statement>> claims) {
        Map<String, List<Statement>> out = new LinkedHashMap<>(claims.size() * 2);
        claims.forEach((property, statements) -> {
            List<Statement> filled = new ArrayList<>(statements.size());
            for (Statement s : statements) {
                filled.add(withHashes(s));
            }
            out.put(property, filled);
        });
        return out;
    }

    public static Statement withHashes(Statement statement) {
        List<Reference> references = new ArrayList<>(statement.references().size());
        for (Reference r : statement.references()) {
            references.add(withHashes(r));
        }
        return new Statement(
                statement.id(),
                withHash(statement.mainsnak()),
                statement.rank(),
                snaks(statement.qualifiers()),
                statement.qualifiersOrder(),
                references);
    }

    /** The reference and each of its snaks with computed hashes (the reference hash from the snak hashes). */
    public static Reference withHashes(Reference reference) {
        Map<String, List<Snak>> snaks = snaks(reference.snaks());
        List<String> hashes = new ArrayList<>();
        snaks.values().forEach(list -> list.forEach(s -> hashes.add(s.hash())));
        String hash = ReferenceHasher.hashOfSnakHashes(hashes.toArray(new String[0]));
        return new Reference(hash, snaks, reference.snaksOrder());
    }

    public static Snak withHash(Snak snak) {
        String hash = SnakHasher.hash(snak);
        return hash.equals(snak.hash()) ? snak : snak.withHash(hash);
    }

    private static Map<String, List<Snak>> snaks(Map<String, List<Snak>> byProperty) {
        Map<String, List<Snak>> out = new LinkedHashMap<>(byProperty.size() * 2);
        byProperty.forEach((property, snaks) -> {
            List<Snak> filled = new ArrayList<>(snaks.size());
            for (Snak s : snaks) {
                filled.add(withHash(s));
            }
            out.put(property, filled);
        });
        return out;
    }
}
