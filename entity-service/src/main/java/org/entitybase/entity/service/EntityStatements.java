package org.entitybase.entity.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.lexeme.Sense;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.statement.Reference;
import org.entitybase.model.statement.Statement;

/**
 * Rewrites every statement of an entity (a lexeme's forms and senses included) or every snak of a statement, keeping
 * JSON order, with the JSON path of each part for error messages ({@code claims.P31[0].mainsnak}).
 */
final class EntityStatements {

    /** Rewrites one statement; {@code owner} is the entity, form or sense the statement belongs to. */
    @FunctionalInterface
    interface StatementRewriter {
        Statement rewrite(EntityId owner, String path, Statement statement);
    }

    @FunctionalInterface
    interface SnakRewriter {
        Snak rewrite(String path, Snak snak);
    }

    private EntityStatements() {}

    static Entity rewrite(Entity entity, StatementRewriter rewriter) {
        String claimsField = entity.type() == EntityType.MEDIAINFO ? "statements" : "claims";
        Map<String, List<Statement>> claims = rewrite(entity.claims(), entity.id(), claimsField, rewriter);
        if (!(entity instanceof Lexeme lexeme)) {
            return entity.withClaims(claims);
        }
        List<Form> forms = new ArrayList<>(lexeme.forms().size());
        for (int i = 0; i < lexeme.forms().size(); i++) {
            Form f = lexeme.forms().get(i);
            String path = join(index("forms", i), "claims");
            forms.add(new Form(
                    f.id(), f.representations(), f.grammaticalFeatures(), rewrite(f.claims(), f.id(), path, rewriter)));
        }
        List<Sense> senses = new ArrayList<>(lexeme.senses().size());
        for (int i = 0; i < lexeme.senses().size(); i++) {
            Sense s = lexeme.senses().get(i);
            String path = join(index("senses", i), "claims");
            senses.add(new Sense(s.id(), s.glosses(), rewrite(s.claims(), s.id(), path, rewriter)));
        }
        return new Lexeme(
                lexeme.id(),
                lexeme.lemmas(),
                lexeme.lexicalCategory(),
                lexeme.language(),
                claims,
                forms,
                senses,
                lexeme.nextFormId(),
                lexeme.nextSenseId(),
                lexeme.page());
    }

    /** The statement with every snak (main, qualifiers, references) rewritten. */
    static Statement rewriteSnaks(Statement statement, String path, SnakRewriter rewriter) {
        Snak mainsnak = rewriter.rewrite(join(path, "mainsnak"), statement.mainsnak());
        Map<String, List<Snak>> qualifiers = rewriteGroups(statement.qualifiers(), join(path, "qualifiers"), rewriter);
        List<Reference> references = new ArrayList<>(statement.references().size());
        for (int i = 0; i < statement.references().size(); i++) {
            Reference r = statement.references().get(i);
            String snaksPath = join(index(join(path, "references"), i), "snaks");
            references.add(new Reference(r.hash(), rewriteGroups(r.snaks(), snaksPath, rewriter), r.snaksOrder()));
        }
        return new Statement(
                statement.id(), mainsnak, statement.rank(), qualifiers, statement.qualifiersOrder(), references);
    }

    private static Map<String, List<Statement>> rewrite(
            Map<String, List<Statement>> claims, EntityId owner, String base, StatementRewriter rewriter) {
        Map<String, List<Statement>> out = new LinkedHashMap<>(claims.size() * 2);
        claims.forEach((property, statements) -> {
            String propertyPath = join(base, property);
            List<Statement> rewritten = new ArrayList<>(statements.size());
            for (int i = 0; i < statements.size(); i++) {
                rewritten.add(rewriter.rewrite(owner, index(propertyPath, i), statements.get(i)));
            }
            out.put(property, rewritten);
        });
        return out;
    }

    private static Map<String, List<Snak>> rewriteGroups(
            Map<String, List<Snak>> groups, String base, SnakRewriter rewriter) {
        Map<String, List<Snak>> out = new LinkedHashMap<>(groups.size() * 2);
        groups.forEach((property, snaks) -> {
            String propertyPath = join(base, property);
            List<Snak> rewritten = new ArrayList<>(snaks.size());
            for (int i = 0; i < snaks.size(); i++) {
                rewritten.add(rewriter.rewrite(index(propertyPath, i), snaks.get(i)));
            }
            out.put(property, rewritten);
        });
        return out;
    }

    /** Property ids and field names are plain words: no quoting needed. */
    private static String join(String base, String name) {
        return base.isEmpty() ? name : base + '.' + name;
    }

    private static String index(String base, int index) {
        return base + '[' + index + ']';
    }
}
