package org.entitybase.stats.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.entitybase.model.event.ChangeType;

/** How the figures read an event's change type and time (docs/DECISIONS.md "Daily statistics"). */
public final class ChangeKinds {

    private ChangeKinds() {}

    /**
     * An edit is a revision that sets content: create, edit, revert, undelete, unredirect. Deletes and redirects are
     * counted as such, protection changes only as revisions.
     */
    public static boolean isEdit(ChangeType type) {
        return switch (type) {
            case CREATE, EDIT, REVERT, UNDELETE, UNREDIRECT -> true;
            case DELETE, REDIRECT, PROTECT -> false;
        };
    }

    /** The edit change types as an SQL list ({@code 'create', 'edit', ...}), for queries that count edits. */
    public static String editTypesSql() {
        return Arrays.stream(ChangeType.values())
                .filter(ChangeKinds::isEdit)
                .map(t -> "'" + t.jsonName() + "'")
                .collect(Collectors.joining(", "));
    }

    /** The UTC day of a revision's commit. */
    public static LocalDate day(Instant committedAt) {
        return LocalDate.ofInstant(committedAt, ZoneOffset.UTC);
    }
}
