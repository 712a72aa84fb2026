package org.entitybase.entity.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.lexeme.Sense;
import org.entitybase.model.term.Term;
import org.entitybase.runtime.rest.ApiException;

/**
 * Lemmas, lexical category, language, forms and senses of a lexeme (API.md "Sub-resources: Lexemes"): reads and the
 * change functions of the lexeme routes, run by {@link EntityWriteService#edit} like every other sub-resource write.
 *
 * <p>Rules (WikibaseLexeme's): a lexeme keeps at least one lemma, a form at least one representation and a sense at
 * least one gloss (422). New forms and senses take their number from the lexeme's {@code nextFormId} /
 * {@code nextSenseId} (or above every number in use when the JSON has no counter), and the counter then moves past
 * it; {@link #keepCounters} makes every later revision keep counters at least that high, so a removed id is never
 * handed out again, also after a revert or a whole-lexeme PUT.
 */
public final class LexemeEdits {

    private LexemeEdits() {}

    // ---------------------------------------------------------------- reads

    public static Lexeme lexeme(Entity entity) {
        if (entity instanceof Lexeme lexeme) {
            return lexeme;
        }
        throw new ApiException(
                400,
                "entity-type-mismatch",
                entity.id() + " is not a lexeme",
                Map.of("id", entity.id().value(), "type", "lexeme"));
    }

    /** The lemma of {@code language}; 404 {@code lemma-not-found}. */
    public static Term lemma(Entity entity, String language) {
        Term lemma = lexeme(entity).lemmas().get(language);
        if (lemma == null) {
            throw termMissing("lemma", entity.id(), language);
        }
        return lemma;
    }

    /** The form {@code formId} of the lexeme; 404 {@code form-not-found}. */
    public static Form form(Entity entity, EntityId formId) {
        for (Form form : lexeme(entity).forms()) {
            if (formId.equals(form.id())) {
                return form;
            }
        }
        throw partMissing("form", formId);
    }

    /** The sense {@code senseId} of the lexeme; 404 {@code sense-not-found}. */
    public static Sense sense(Entity entity, EntityId senseId) {
        for (Sense sense : lexeme(entity).senses()) {
            if (senseId.equals(sense.id())) {
                return sense;
            }
        }
        throw partMissing("sense", senseId);
    }

    public static Term representation(Entity entity, EntityId formId, String language) {
        Term term = form(entity, formId).representations().get(language);
        if (term == null) {
            throw termMissing("representation", formId, language);
        }
        return term;
    }

    public static Term gloss(Entity entity, EntityId senseId, String language) {
        Term term = sense(entity, senseId).glosses().get(language);
        if (term == null) {
            throw termMissing("gloss", senseId, language);
        }
        return term;
    }

    /** The lexeme id a form or sense id belongs to ({@code L42-F1} → {@code L42}). */
    public static EntityId lexemeOf(EntityId part) {
        String value = part.value();
        int dash = value.indexOf('-');
        return dash < 0 ? part : new EntityId(EntityType.LEXEME, value.substring(0, dash));
    }

    // ---------------------------------------------------------------- lemmas, category, language

    public static UnaryOperator<Entity> setLemma(String language, String value) {
        return entity -> {
            Lexeme l = lexeme(entity);
            Map<String, Term> lemmas = new LinkedHashMap<>(l.lemmas());
            lemmas.put(language, new Term(language, value));
            return with(l, lemmas, l.lexicalCategory(), l.language(), l.forms(), l.senses());
        };
    }

    /** Removes the lemma of {@code language}; 404 when there is none, 422 {@code lemma-required} for the last one. */
    public static UnaryOperator<Entity> removeLemma(String language) {
        return entity -> {
            Lexeme l = lexeme(entity);
            Map<String, Term> lemmas = new LinkedHashMap<>(l.lemmas());
            if (lemmas.remove(language) == null) {
                throw termMissing("lemma", l.id(), language);
            }
            if (lemmas.isEmpty()) {
                throw EntityErrors.unprocessable(
                        "lemma-required",
                        l.id() + " would have no lemma left; a lexeme keeps at least one",
                        Map.of("id", l.id().value(), "language", language));
            }
            return with(l, lemmas, l.lexicalCategory(), l.language(), l.forms(), l.senses());
        };
    }

    public static UnaryOperator<Entity> setLexicalCategory(String item) {
        return entity -> {
            Lexeme l = lexeme(entity);
            return with(l, l.lemmas(), item, l.language(), l.forms(), l.senses());
        };
    }

    public static UnaryOperator<Entity> setLanguage(String item) {
        return entity -> {
            Lexeme l = lexeme(entity);
            return with(l, l.lemmas(), l.lexicalCategory(), item, l.forms(), l.senses());
        };
    }

    // ---------------------------------------------------------------- forms

    /**
     * A new form (its id, if the client gave one, is ignored: ids are the lexeme's to give) with the next form number;
     * {@code assigned} learns the id (again on each attempt of the edit: the last one is the one committed).
     */
    public static UnaryOperator<Entity> addForm(Form form, Consumer<EntityId> assigned) {
        return entity -> {
            Lexeme l = lexeme(entity);
            int number = nextForm(l);
            EntityId id = new EntityId(EntityType.FORM, l.id().value() + "-F" + number);
            assigned.accept(id);
            List<Form> forms = new ArrayList<>(l.forms());
            forms.add(new Form(id, form.representations(), form.grammaticalFeatures(), form.claims()));
            requireTerms(id, "representation", form.representations());
            return withCounters(l, forms, l.senses(), number + 1, l.nextSenseId());
        };
    }

    /** {@code change} applied to the form {@code formId}; 404 {@code form-not-found}. */
    public static UnaryOperator<Entity> changeForm(EntityId formId, UnaryOperator<Form> change) {
        return entity -> {
            Lexeme l = lexeme(entity);
            List<Form> forms = new ArrayList<>(l.forms());
            int index = indexOf(forms.stream().map(Form::id).toList(), formId, "form");
            Form changed = change.apply(forms.get(index));
            requireTerms(formId, "representation", changed.representations());
            forms.set(index, changed);
            return with(l, l.lemmas(), l.lexicalCategory(), l.language(), forms, l.senses());
        };
    }

    /** Removes the form; the form counter stays where it was (the id is never given again). */
    public static UnaryOperator<Entity> removeForm(EntityId formId) {
        return entity -> {
            Lexeme l = lexeme(entity);
            List<Form> forms = new ArrayList<>(l.forms());
            forms.remove(indexOf(forms.stream().map(Form::id).toList(), formId, "form"));
            return withCounters(l, forms, l.senses(), nextForm(l), l.nextSenseId());
        };
    }

    public static UnaryOperator<Form> setRepresentation(String language, String value) {
        return form -> {
            Map<String, Term> terms = new LinkedHashMap<>(form.representations());
            terms.put(language, new Term(language, value));
            return new Form(form.id(), terms, form.grammaticalFeatures(), form.claims());
        };
    }

    public static UnaryOperator<Form> removeRepresentation(String language) {
        return form -> {
            Map<String, Term> terms = new LinkedHashMap<>(form.representations());
            if (terms.remove(language) == null) {
                throw termMissing("representation", form.id(), language);
            }
            return new Form(form.id(), terms, form.grammaticalFeatures(), form.claims());
        };
    }

    public static UnaryOperator<Form> setGrammaticalFeatures(List<String> features) {
        return form -> new Form(form.id(), form.representations(), features, form.claims());
    }

    // ---------------------------------------------------------------- senses

    /** A new sense with the next sense number (see {@link #addForm}). */
    public static UnaryOperator<Entity> addSense(Sense sense, Consumer<EntityId> assigned) {
        return entity -> {
            Lexeme l = lexeme(entity);
            int number = nextSense(l);
            EntityId id = new EntityId(EntityType.SENSE, l.id().value() + "-S" + number);
            assigned.accept(id);
            List<Sense> senses = new ArrayList<>(l.senses());
            senses.add(new Sense(id, sense.glosses(), sense.claims()));
            requireTerms(id, "gloss", sense.glosses());
            return withCounters(l, l.forms(), senses, l.nextFormId(), number + 1);
        };
    }

    public static UnaryOperator<Entity> changeSense(EntityId senseId, UnaryOperator<Sense> change) {
        return entity -> {
            Lexeme l = lexeme(entity);
            List<Sense> senses = new ArrayList<>(l.senses());
            int index = indexOf(senses.stream().map(Sense::id).toList(), senseId, "sense");
            Sense changed = change.apply(senses.get(index));
            requireTerms(senseId, "gloss", changed.glosses());
            senses.set(index, changed);
            return with(l, l.lemmas(), l.lexicalCategory(), l.language(), l.forms(), senses);
        };
    }

    public static UnaryOperator<Entity> removeSense(EntityId senseId) {
        return entity -> {
            Lexeme l = lexeme(entity);
            List<Sense> senses = new ArrayList<>(l.senses());
            senses.remove(indexOf(senses.stream().map(Sense::id).toList(), senseId, "sense"));
            return withCounters(l, l.forms(), senses, l.nextFormId(), nextSense(l));
        };
    }

    public static UnaryOperator<Sense> setGloss(String language, String value) {
        return sense -> {
            Map<String, Term> terms = new LinkedHashMap<>(sense.glosses());
            terms.put(language, new Term(language, value));
            return new Sense(sense.id(), terms, sense.claims());
        };
    }

    public static UnaryOperator<Sense> removeGloss(String language) {
        return sense -> {
            Map<String, Term> terms = new LinkedHashMap<>(sense.glosses());
            if (terms.remove(language) == null) {
                throw termMissing("gloss", sense.id(), language);
            }
            return new Sense(sense.id(), terms, sense.claims());
        };
    }

    // ---------------------------------------------------------------- counters

    /**
     * {@code proposed} with form and sense counters at least those of {@code before} (the head it replaces), so that
     * no revision, whatever its origin (a revert to an older revision, a whole-lexeme PUT without the counters),
     * lets an id that was handed out be handed out again. Unchanged when its counters are high enough already (a
     * real lexeme's JSON without counters stays without them).
     */
    static Entity keepCounters(Entity before, Entity proposed) {
        if (!(before instanceof Lexeme old) || !(proposed instanceof Lexeme now)) {
            return proposed;
        }
        int form = Math.max(nextForm(old), nextForm(now));
        int sense = Math.max(nextSense(old), nextSense(now));
        Integer formCounter = form > nextForm(now) ? Integer.valueOf(form) : now.nextFormId();
        Integer senseCounter = sense > nextSense(now) ? Integer.valueOf(sense) : now.nextSenseId();
        if (Objects.equals(formCounter, now.nextFormId()) && Objects.equals(senseCounter, now.nextSenseId())) {
            return proposed;
        }
        return withCounters(now, now.forms(), now.senses(), formCounter, senseCounter);
    }

    /** The number the next new form gets: the counter, or above every form number in use. */
    static int nextForm(Lexeme lexeme) {
        return next(lexeme.nextFormId(), lexeme.forms().stream().map(Form::id).toList());
    }

    static int nextSense(Lexeme lexeme) {
        return next(
                lexeme.nextSenseId(), lexeme.senses().stream().map(Sense::id).toList());
    }

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

    // ---------------------------------------------------------------- machinery

    private static int indexOf(List<EntityId> ids, EntityId wanted, String kind) {
        int index = ids.indexOf(wanted);
        if (index < 0) {
            throw partMissing(kind, wanted);
        }
        return index;
    }

    private static void requireTerms(EntityId owner, String noun, Map<String, Term> terms) {
        if (terms.isEmpty()) {
            String plural = noun.equals("gloss") ? "glosses" : noun + "s";
            throw EntityErrors.unprocessable(
                    noun + "-required",
                    owner + " would have no " + plural + "; it keeps at least one " + noun,
                    Map.of("id", owner.value(), "path", plural));
        }
    }

    private static Lexeme with(
            Lexeme l,
            Map<String, Term> lemmas,
            String lexicalCategory,
            String language,
            List<Form> forms,
            List<Sense> senses) {
        return new Lexeme(
                l.id(),
                lemmas,
                lexicalCategory,
                language,
                l.claims(),
                forms,
                senses,
                l.nextFormId(),
                l.nextSenseId(),
                l.page());
    }

    private static Lexeme withCounters(
            Lexeme l, List<Form> forms, List<Sense> senses, Integer nextFormId, Integer nextSenseId) {
        return new Lexeme(
                l.id(),
                l.lemmas(),
                l.lexicalCategory(),
                l.language(),
                l.claims(),
                forms,
                senses,
                nextFormId,
                nextSenseId,
                l.page());
    }

    private static ApiException partMissing(String kind, EntityId id) {
        return new ApiException(
                404,
                kind + "-not-found",
                "lexeme " + lexemeOf(id) + " has no " + kind + " " + id,
                Map.of("id", id.value()));
    }

    private static ApiException termMissing(String noun, EntityId owner, String language) {
        return new ApiException(
                404,
                noun + "-not-found",
                owner + " has no " + noun + " in " + language,
                Map.of("id", owner.value(), "language", language));
    }
}
