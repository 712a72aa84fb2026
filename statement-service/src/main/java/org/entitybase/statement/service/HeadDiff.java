package org.entitybase.statement.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How an entity's head statement set changes: {@code head_ref_count} counts heads that contain a statement, so only
 * addresses that appear or disappear move it (a second copy of a statement in the same head does not).
 *
 * @param added addresses in the new head and not in the old one, sorted
 * @param removed addresses in the old head and not in the new one, sorted
 */
public record HeadDiff(List<String> added, List<String> removed) {

    public static HeadDiff of(Map<String, Integer> before, Map<String, Integer> after) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        after.keySet().forEach(h -> {
            if (!before.containsKey(h)) {
                added.add(h);
            }
        });
        before.keySet().forEach(h -> {
            if (!after.containsKey(h)) {
                removed.add(h);
            }
        });
        added.sort(null);
        removed.sort(null);
        return new HeadDiff(List.copyOf(added), List.copyOf(removed));
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }
}
