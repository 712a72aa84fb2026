package org.entitybase.gateway.route;

import java.util.List;
import java.util.Map;

/** Walks a SnakeYAML tree: {@code at(doc, "spec", "rules", 0, "http")}. */
final class YamlPaths {
    private YamlPaths() {}

    static Object at(Object node, Object... keys) {
        Object current = node;
        for (Object key : keys) {
            if (current == null) {
                return null;
            }
            current = key instanceof Integer index ? ((List<?>) current).get(index) : ((Map<?, ?>) current).get(key);
        }
        return current;
    }
}
