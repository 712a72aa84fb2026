package org.entitybase.rdf.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Item;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.entity.MediaInfo;
import org.entitybase.model.entity.Property;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.lexeme.Sense;
import org.entitybase.model.term.Term;

/**
 * What RDF needs of an entity that is only mentioned (as a value, a property or a redirect target): its terms, or the
 * entity it redirects to. {@code labels} are language → text: labels of items and properties, lemmas of lexemes,
 * representations of forms, glosses of senses; {@code descriptions} exist for items and properties only.
 */
public record EntityStub(
        EntityId id, Map<String, String> labels, Map<String, String> descriptions, EntityId redirectTarget) {

    public EntityStub {
        if (id == null) {
            throw new IllegalArgumentException("a stub needs an id");
        }
        labels = labels == null ? Map.of() : unmodifiableCopy(labels);
        descriptions = descriptions == null ? Map.of() : unmodifiableCopy(descriptions);
    }

    public static EntityStub of(EntityId id, Map<String, String> labels, Map<String, String> descriptions) {
        return new EntityStub(id, labels, descriptions, null);
    }

    /** {@code from} is a redirect to {@code target}: RDF says {@code owl:sameAs}. */
    public static EntityStub redirect(EntityId from, EntityId target) {
        return new EntityStub(from, Map.of(), Map.of(), target);
    }

    public boolean isRedirect() {
        return redirectTarget != null;
    }

    /** The stub of a full entity: its labels and descriptions, or a lexeme's lemmas. */
    public static EntityStub of(Entity entity) {
        if (entity instanceof Item item) {
            return of(
                    item.id(),
                    texts(item.fingerprint().labels()),
                    texts(item.fingerprint().descriptions()));
        }
        if (entity instanceof Property property) {
            return of(
                    property.id(),
                    texts(property.fingerprint().labels()),
                    texts(property.fingerprint().descriptions()));
        }
        if (entity instanceof MediaInfo mediaInfo) {
            return of(
                    mediaInfo.id(),
                    texts(mediaInfo.fingerprint().labels()),
                    texts(mediaInfo.fingerprint().descriptions()));
        }
        Lexeme lexeme = (Lexeme) entity;
        return of(lexeme.id(), texts(lexeme.lemmas()), Map.of());
    }

    static EntityStub of(Form form) {
        return of(form.id(), texts(form.representations()), Map.of());
    }

    static EntityStub of(Sense sense) {
        return of(sense.id(), texts(sense.glosses()), Map.of());
    }

    private static Map<String, String> texts(Map<String, Term> terms) {
        Map<String, String> texts = new LinkedHashMap<>();
        terms.forEach((language, term) -> texts.put(language, term.value()));
        return texts;
    }

    /** Keeps the given order (output order follows it) and rejects nulls. */
    private static Map<String, String> unmodifiableCopy(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException("null language or text in a stub");
            }
            copy.put(k, v);
        });
        return Collections.unmodifiableMap(copy);
    }
}
