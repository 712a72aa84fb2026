package org.entitybase.model.id;

import java.util.regex.Pattern;

/**
 * An entity id such as {@code Q42}, {@code P31}, {@code L42}, {@code L42-F1}, {@code L42-S1}, {@code M1}, {@code E79}.
 * Numbers have no leading zeros and are at least 1, as in Wikibase.
 */
public record EntityId(EntityType type, String value) implements Comparable<EntityId> {
    private static final Pattern TOP = Pattern.compile("[QPLME][1-9][0-9]{0,17}");
    private static final Pattern FORM = Pattern.compile("L[1-9][0-9]{0,17}-F[1-9][0-9]{0,17}");
    private static final Pattern SENSE = Pattern.compile("L[1-9][0-9]{0,17}-S[1-9][0-9]{0,17}");

    public EntityId {
        if (type == null || value == null) {
            throw new IllegalArgumentException("entity id needs a type and a value");
        }
    }

    /** Parses an id; returns null where it is not a valid id (callers turn that into a located error). */
    public static EntityId tryParse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (TOP.matcher(s).matches()) {
            return new EntityId(
                    switch (s.charAt(0)) {
                        case 'Q' -> EntityType.ITEM;
                        case 'P' -> EntityType.PROPERTY;
                        case 'L' -> EntityType.LEXEME;
                        case 'M' -> EntityType.MEDIAINFO;
                        default -> EntityType.ENTITY_SCHEMA;
                    },
                    s);
        }
        if (FORM.matcher(s).matches()) {
            return new EntityId(EntityType.FORM, s);
        }
        if (SENSE.matcher(s).matches()) {
            return new EntityId(EntityType.SENSE, s);
        }
        return null;
    }

    public static EntityId parse(String s) {
        EntityId id = tryParse(s);
        if (id == null) {
            throw new IllegalArgumentException("not a valid entity id: " + s);
        }
        return id;
    }

    /** The id for {@code entity-type} + {@code numeric-id} (legacy JSON without {@code id}). */
    public static EntityId ofNumeric(EntityType type, long numericId) {
        if (type.prefix() == null || numericId < 1) {
            throw new IllegalArgumentException("no numeric id form for " + type + " " + numericId);
        }
        return new EntityId(type, type.prefix() + numericId);
    }

    /** The numeric part of a top-level id ({@code Q42} gives 42); for forms and senses, that of the lexeme. */
    public long numericId() {
        int end = value.indexOf('-');
        return Long.parseLong(value.substring(1, end < 0 ? value.length() : end));
    }

    /** The lexeme of a form or sense ({@code L42-F1} gives {@code L42}); any other id is its own. */
    public EntityId container() {
        if (type != EntityType.FORM && type != EntityType.SENSE) {
            return this;
        }
        return new EntityId(EntityType.LEXEME, value.substring(0, value.indexOf('-')));
    }

    /** Is this a form or sense id, a part of a lexeme? */
    public boolean isLexemePart() {
        return type == EntityType.FORM || type == EntityType.SENSE;
    }

    @Override
    public int compareTo(EntityId o) {
        int c = type.compareTo(o.type);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(value.length(), o.value.length());
        return c != 0 ? c : value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
