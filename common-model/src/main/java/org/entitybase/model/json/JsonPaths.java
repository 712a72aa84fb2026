package org.entitybase.model.json;

import com.fasterxml.jackson.core.JsonStreamContext;

/**
 * Error paths in the form {@code claims.P31[2].mainsnak.datavalue.value.precision}: keys joined with dots, array
 * indexes in brackets, keys that are not plain words quoted as {@code ["a.b"]}, the root as the empty string.
 */
final class JsonPaths {
    private JsonPaths() {}

    /**
     * The path of the parser's current value. After an {@code END_OBJECT}/{@code END_ARRAY} the parser is back in the
     * parent context, whose current name or index still points at the value just closed: so this is then the path of
     * that object or array.
     */
    static String of(JsonStreamContext context) {
        StringBuilder sb = new StringBuilder(64);
        append(sb, context);
        return sb.toString();
    }

    private static void append(StringBuilder sb, JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return;
        }
        append(sb, context.getParent());
        if (context.inObject()) {
            String name = context.getCurrentName();
            if (name != null) {
                appendKey(sb, name);
            }
        } else if (context.getEntryCount() > 0) {
            sb.append('[').append(context.getEntryCount() - 1).append(']');
        }
    }

    /** {@code base} extended by a relative path such as {@code mainsnak.property} or {@code [2].id}. */
    static String join(String base, String relative) {
        if (relative.isEmpty()) {
            return base;
        }
        if (base.isEmpty() || relative.charAt(0) == '[') {
            return base + relative;
        }
        return base + '.' + relative;
    }

    static String key(String base, String key) {
        StringBuilder sb = new StringBuilder(base.length() + key.length() + 4).append(base);
        appendKey(sb, key);
        return sb.toString();
    }

    static String index(String base, int index) {
        return base + '[' + index + ']';
    }

    private static void appendKey(StringBuilder sb, String key) {
        if (isPlain(key)) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(key);
            return;
        }
        sb.append("[\"");
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                // a lone surrogate could not be written back in an error body; pairs are escaped alike
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append("\"]");
    }

    private static boolean isPlain(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean word =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!word) {
                return false;
            }
        }
        return true;
    }
}
