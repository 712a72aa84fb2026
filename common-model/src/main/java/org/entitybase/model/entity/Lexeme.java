package org.entitybase.model.entity;

import java.util.List;
import java.util.Map;

import org.entitybase.model.Immutables;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.lexeme.Sense;
import org.entitybase.model.statement.Statement;
import org.entitybase.model.term.Term;

/**
 * A lexeme: lemmas, lexical category and language (item ids), statements, forms and senses. {@code nextFormId} and
 * {@code nextSenseId} are kept when the JSON has them (Wikibase uses them so removed sub-ids are never reused).
 */
public record Lexeme(
        EntityId id,
        Map<String, Term> lemmas,
        String lexicalCategory,
        String language,
        Map<String, List<Statement>> claims,
        List<Form> forms,
        List<Sense> senses,
        Integer nextFormId,
        Integer nextSenseId,
        PageMetadata page)
        implements Entity {
    public Lexeme {
        lemmas = Immutables.orderedMap(lemmas);
        claims = Immutables.orderedMultimap(claims);
        forms = Immutables.list(forms);
        senses = Immutables.list(senses);
        page = page == null ? PageMetadata.NONE : page;
    }

    @Override
    public EntityType type() {
        return EntityType.LEXEME;
    }

    @Override
    public Lexeme withId(EntityId id) {
        return new Lexeme(id, lemmas, lexicalCategory, language, claims, forms, senses, nextFormId, nextSenseId, page);
    }

    @Override
    public Lexeme withPage(PageMetadata page) {
        return new Lexeme(id, lemmas, lexicalCategory, language, claims, forms, senses, nextFormId, nextSenseId, page);
    }

    @Override
    public Lexeme withClaims(Map<String, List<Statement>> claims) {
        return new Lexeme(id, lemmas, lexicalCategory, language, claims, forms, senses, nextFormId, nextSenseId, page);
    }
}
