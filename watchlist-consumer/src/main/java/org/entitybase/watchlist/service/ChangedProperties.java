package org.entitybase.watchlist.service;

import java.util.List;
import java.util.Set;

/**
 * What a revision changed, as a watch entry's property filter sees it: the properties of the statements it added or
 * removed, or {@link #EVERYTHING} when every filter matches (a delete, redirect and their undoing change the whole
 * entity; a statement whose property cannot be known is not silently dropped).
 */
public record ChangedProperties(Set<String> properties, boolean everything) {

    public static final ChangedProperties NONE = new ChangedProperties(Set.of(), false);
    public static final ChangedProperties EVERYTHING = new ChangedProperties(Set.of(), true);

    public ChangedProperties {
        properties = Set.copyOf(properties);
    }

    public static ChangedProperties of(Set<String> properties) {
        return new ChangedProperties(properties, false);
    }

    /** Whether an entry with {@code filter} (null or empty: every change) is notified. */
    public boolean matches(List<String> filter) {
        if (filter == null || filter.isEmpty() || everything) {
            return true;
        }
        for (String property : filter) {
            if (properties.contains(property)) {
                return true;
            }
        }
        return false;
    }

    /** A stored filter ("P31,P279"; "" or null for every change) as a list (null for every change). */
    public static List<String> parseFilter(String stored) {
        return stored == null || stored.isEmpty() ? null : List.of(stored.split(","));
    }
}
