package org.entitybase.entity.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.entitybase.entity.repository.EntityTermRepository;
import org.entitybase.entity.repository.EntityTermRepository.EntityTerm;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Fingerprint;
import org.entitybase.model.entity.Item;
import org.entitybase.model.entity.MediaInfo;
import org.entitybase.model.entity.Property;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.json.WikibaseSyntax;
import org.entitybase.model.term.Term;
import org.entitybase.runtime.rest.ApiException;

/**
 * Labels, descriptions and aliases: reads, the change functions of the term routes, and the Wikibase term rules every
 * client write obeys (a term at most {@value #MAX_LENGTH} characters; label and description of one language differ).
 */
public final class EntityTerms {

    /** Wikibase's default {@code multilang-limits.length}, in characters (code points). */
    public static final int MAX_LENGTH = 250;

    /** A single-valued term kind. */
    public enum Kind {
        LABEL("labels", "label"),
        DESCRIPTION("descriptions", "description");

        private final String field;
        private final String noun;

        Kind(String field, String noun) {
            this.field = field;
            this.noun = noun;
        }

        public String field() {
            return field;
        }

        /**
         * The kind a route's path segment names: {@code labels…} (also v1's {@code labels_with_language_fallback}) or
         * {@code descriptions…}; the routes' patterns admit nothing else.
         */
        public static Kind ofPathSegment(String segment) {
            return segment.startsWith(LABEL.field) ? LABEL : DESCRIPTION;
        }
    }

    private EntityTerms() {}

    // ---------------------------------------------------------------- reads

    /** The entity's terms; 404 for an entity type without them (lexemes have lemmas). */
    public static Fingerprint of(Entity entity) {
        Fingerprint f = fingerprintOrNull(entity);
        if (f == null) {
            throw new ApiException(
                    404,
                    "terms-not-supported",
                    entity.id() + " is a " + entity.type().jsonName() + ": it has no labels, descriptions or aliases",
                    Map.of("id", entity.id().value()));
        }
        return f;
    }

    public static Map<String, Term> terms(Entity entity, Kind kind) {
        Fingerprint f = of(entity);
        return kind == Kind.LABEL ? f.labels() : f.descriptions();
    }

    /** The term of {@code language}; 404 {@code label-not-found}/{@code description-not-found} when there is none. */
    public static Term term(Entity entity, Kind kind, String language) {
        Term term = terms(entity, kind).get(language);
        if (term == null) {
            throw missing(entity.id(), kind.noun, language);
        }
        return term;
    }

    /** The aliases of {@code language}; 404 {@code aliases-not-found} when there are none. */
    public static List<Term> aliases(Entity entity, String language) {
        List<Term> aliases = of(entity).aliases().get(language);
        if (aliases == null || aliases.isEmpty()) {
            throw missing(entity.id(), "aliases", language);
        }
        return aliases;
    }

    /** The {@code entity_terms} rows of a fingerprint: labels, descriptions, and aliases by position. */
    public static List<EntityTerm> rows(Fingerprint f) {
        List<EntityTerm> rows = new ArrayList<>();
        f.labels()
                .forEach((language, term) ->
                        rows.add(new EntityTerm(EntityTermRepository.LABEL, language, 0, term.value())));
        f.descriptions()
                .forEach((language, term) ->
                        rows.add(new EntityTerm(EntityTermRepository.DESCRIPTION, language, 0, term.value())));
        f.aliases().forEach((language, terms) -> {
            for (int i = 0; i < terms.size(); i++) {
                rows.add(new EntityTerm(
                        EntityTermRepository.ALIAS, language, i, terms.get(i).value()));
            }
        });
        return rows;
    }

    // ---------------------------------------------------------------- changes

    public static UnaryOperator<Entity> set(Kind kind, String language, String value) {
        return entity -> {
            Fingerprint f = of(entity);
            Map<String, Term> terms = new LinkedHashMap<>(kind == Kind.LABEL ? f.labels() : f.descriptions());
            terms.put(language, new Term(language, value));
            return with(entity, kind, f, terms);
        };
    }

    public static UnaryOperator<Entity> remove(Kind kind, String language) {
        return entity -> {
            Fingerprint f = of(entity);
            Map<String, Term> terms = new LinkedHashMap<>(kind == Kind.LABEL ? f.labels() : f.descriptions());
            if (terms.remove(language) == null) {
                throw missing(entity.id(), kind.noun, language);
            }
            return with(entity, kind, f, terms);
        };
    }

    /** The aliases of {@code language} become {@code values} (none: removed); 400 for a value given twice. */
    public static UnaryOperator<Entity> setAliases(String language, List<String> values) {
        if (new LinkedHashSet<>(values).size() != values.size()) {
            throw new ApiException(
                    400,
                    "duplicate-alias",
                    "an alias is given twice for language " + language,
                    Map.of("language", language));
        }
        return entity -> withAliases(entity, language, values);
    }

    /** One more alias of {@code language}; adding one it has already changes nothing (a null edit). */
    public static UnaryOperator<Entity> addAlias(String language, String value) {
        return entity -> {
            List<String> values = new ArrayList<>();
            of(entity).aliases().getOrDefault(language, List.of()).forEach(t -> values.add(t.value()));
            if (!values.contains(value)) {
                values.add(value);
            }
            return withAliases(entity, language, values);
        };
    }

    public static UnaryOperator<Entity> removeAliases(String language) {
        return entity -> {
            aliases(entity, language);
            return withAliases(entity, language, List.of());
        };
    }

    // ---------------------------------------------------------------- rules

    /** 400 {@code invalid-value} unless {@code language} is a language code, as the entity JSON reader requires. */
    public static String language(String language) {
        if (!WikibaseSyntax.isLanguageCode(language)) {
            throw new ApiException(
                    400,
                    "invalid-value",
                    "'" + language + "' is not a valid language code",
                    Map.of("parameter", "language", "language", String.valueOf(language)));
        }
        return language;
    }

    /**
     * The Wikibase term rules for what a client changes from {@code before} (null for a create) to {@code after}:
     * terms that are new or changed are at most {@value #MAX_LENGTH} characters, and a language whose label or
     * description changed does not end with the two equal. Terms a client did not touch are not judged (imported
     * content may break the rules).
     *
     * @throws ApiException 422 {@code term-too-long} or {@code label-equals-description}
     */
    static void check(Entity before, Entity after) {
        Fingerprint next = fingerprintOrNull(after);
        if (next == null) {
            return;
        }
        Fingerprint previous = before == null ? null : fingerprintOrNull(before);
        Fingerprint old = previous == null ? Fingerprint.EMPTY : previous;
        checkLengths(Kind.LABEL.field, old.labels(), next.labels());
        checkLengths(Kind.DESCRIPTION.field, old.descriptions(), next.descriptions());
        next.aliases().forEach((language, terms) -> {
            List<Term> known = old.aliases().getOrDefault(language, List.of());
            for (int i = 0; i < terms.size(); i++) {
                if (!known.contains(terms.get(i))) {
                    checkLength(
                            "aliases." + language + "[" + i + "]",
                            language,
                            terms.get(i).value());
                }
            }
        });
        next.labels().forEach((language, label) -> {
            Term description = next.descriptions().get(language);
            boolean changed = !label.equals(old.labels().get(language))
                    || !Objects.equals(description, old.descriptions().get(language));
            if (changed && description != null && description.value().equals(label.value())) {
                throw EntityErrors.unprocessable(
                        "label-equals-description",
                        "label and description in " + language + " must differ",
                        Map.of("path", "descriptions." + language, "language", language));
            }
        });
    }

    private static void checkLengths(String field, Map<String, Term> before, Map<String, Term> after) {
        after.forEach((language, term) -> {
            if (!term.equals(before.get(language))) {
                checkLength(field + "." + language, language, term.value());
            }
        });
    }

    private static void checkLength(String path, String language, String value) {
        int length = value.codePointCount(0, value.length());
        if (length > MAX_LENGTH) {
            throw EntityErrors.unprocessable(
                    "term-too-long",
                    path + " has " + length + " characters; at most " + MAX_LENGTH + " are allowed",
                    Map.of("path", path, "language", language, "length", length, "limit", MAX_LENGTH));
        }
    }

    // ---------------------------------------------------------------- machinery

    private static Fingerprint fingerprintOrNull(Entity entity) {
        if (entity instanceof Item item) {
            return item.fingerprint();
        }
        if (entity instanceof Property property) {
            return property.fingerprint();
        }
        return entity instanceof MediaInfo mediaInfo ? mediaInfo.fingerprint() : null;
    }

    private static Entity withAliases(Entity entity, String language, List<String> values) {
        Fingerprint f = of(entity);
        Map<String, List<Term>> aliases = new LinkedHashMap<>(f.aliases());
        if (values.isEmpty()) {
            aliases.remove(language);
        } else {
            aliases.put(
                    language, values.stream().map(v -> new Term(language, v)).toList());
        }
        return with(entity, new Fingerprint(f.labels(), f.descriptions(), aliases));
    }

    private static Entity with(Entity entity, Kind kind, Fingerprint f, Map<String, Term> terms) {
        return with(
                entity,
                kind == Kind.LABEL
                        ? new Fingerprint(terms, f.descriptions(), f.aliases())
                        : new Fingerprint(f.labels(), terms, f.aliases()));
    }

    private static Entity with(Entity entity, Fingerprint f) {
        if (entity instanceof Item i) {
            return new Item(i.id(), f, i.claims(), i.sitelinks(), i.page());
        }
        if (entity instanceof Property p) {
            return new Property(p.id(), p.datatype(), f, p.claims(), p.page());
        }
        MediaInfo m = (MediaInfo) entity;
        return new MediaInfo(m.id(), f, m.claims(), m.page());
    }

    private static ApiException missing(EntityId id, String what, String language) {
        return new ApiException(
                404,
                what.replace(' ', '-') + "-not-found",
                id + " has no " + what + " in " + language,
                Map.of("id", id.value(), "language", language));
    }
}
