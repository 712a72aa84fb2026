package org.entitybase.entity.rest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;

/** The parameters of one action API request (query string and form body merged, as MediaWiki does). */
record ActionApiParams(Map<String, String> values) {

    /** MediaWiki's limit on multi-value parameters for clients without the apihighlimits right. */
    static final int MAX_VALUES = 50;

    String get(String name) {
        return values.get(name);
    }

    /** {@code a|b|c} as its non-empty values, in order, without repeats. */
    List<String> list(String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        Set<String> parts = new LinkedHashSet<>();
        for (String part : value.split("\\|", -1)) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        if (parts.size() > MAX_VALUES) {
            throw new ActionApiError(
                    "toomanyvalues",
                    "Too many values supplied for parameter \"" + name + "\". The limit is " + MAX_VALUES + ".");
        }
        return new ArrayList<>(parts);
    }

    /** One of {@code allowed}, or {@code fallback} when absent; MediaWiki's badvalue otherwise. */
    String oneOf(String name, Set<String> allowed, String fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw ActionApiError.badValue(name, value);
        }
        return value;
    }

    /** {@code formatversion=2}: booleans as JSON booleans ({@code "missing": true} rather than {@code ""}). */
    boolean formatVersion2() {
        String version = oneOf("formatversion", Set.of("1", "2", "latest"), "1");
        return !version.equals("1");
    }

    /**
     * An entity id as Wikibase reads it (case-insensitive: {@code q42} is Q42); anything else is Wikibase's {@code
     * no-such-entity}, which it also answers for malformed ids.
     */
    static EntityId entityId(String text) {
        EntityId id = EntityId.tryParse(text.trim().toUpperCase(Locale.ROOT));
        if (id == null || id.type() == EntityType.ENTITY_SCHEMA) {
            throw ActionApiError.noSuchEntity(text);
        }
        return id;
    }
}
