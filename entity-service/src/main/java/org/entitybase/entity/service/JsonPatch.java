package org.entitybase.entity.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entitybase.runtime.rest.ApiException;

/**
 * RFC 6902 JSON Patch on Jackson trees (Jackson has none; Quarkus REST brings no JSON-P here). Pure: {@link #parse}
 * checks the document (400 {@code invalid-patch}); {@link #apply} works on a copy and fails with 409
 * {@code patch-test-failed} for a failing {@code test} and 409 {@code patch-target-not-found} for a path that is not
 * there.
 */
public final class JsonPatch {

    private enum Op {
        ADD,
        REMOVE,
        REPLACE,
        MOVE,
        COPY,
        TEST
    }

    private record Operation(int index, Op op, List<String> path, List<String> from, JsonNode value) {}

    private final List<Operation> operations;

    private JsonPatch(List<Operation> operations) {
        this.operations = operations;
    }

    /** A patch document: an array of operation objects. */
    public static JsonPatch parse(JsonNode document) {
        if (document == null || !document.isArray()) {
            throw invalid("a JSON Patch is an array of operations", Map.of());
        }
        List<Operation> operations = new ArrayList<>(document.size());
        for (int i = 0; i < document.size(); i++) {
            JsonNode o = document.get(i);
            if (!o.isObject()) {
                throw invalid("operation " + i + " is not an object", Map.of("operation", i));
            }
            String name = text(o, "op", i);
            Op op;
            try {
                op = Op.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("operation " + i + " has an unknown op '" + name + "'", Map.of("operation", i));
            }
            List<String> path = pointer(text(o, "path", i), i);
            List<String> from = op == Op.MOVE || op == Op.COPY ? pointer(text(o, "from", i), i) : null;
            JsonNode value = null;
            if (op == Op.ADD || op == Op.REPLACE || op == Op.TEST) {
                value = o.get("value");
                if (value == null) {
                    throw invalid("operation " + i + " (" + name + ") needs a value", Map.of("operation", i));
                }
            }
            if (op == Op.MOVE
                    && from.size() < path.size()
                    && path.subList(0, from.size()).equals(from)) {
                throw invalid("operation " + i + " moves a value into itself", Map.of("operation", i));
            }
            operations.add(new Operation(i, op, path, from, value));
        }
        return new JsonPatch(operations);
    }

    /** The patched copy of {@code document}; {@code document} itself is not changed. */
    public JsonNode apply(JsonNode document) {
        JsonNode root = document.deepCopy();
        for (Operation o : operations) {
            root = switch (o.op()) {
                case ADD -> add(root, o.path(), o.value().deepCopy(), o);
                case REMOVE -> remove(root, o.path(), o);
                case REPLACE -> replace(root, o.path(), o.value().deepCopy(), o);
                case MOVE -> {
                    JsonNode value = get(root, o.from(), o);
                    yield add(remove(root, o.from(), o), o.path(), value, o);
                }
                case COPY -> add(root, o.path(), get(root, o.from(), o).deepCopy(), o);
                case TEST -> {
                    JsonNode actual = get(root, o.path(), o);
                    if (!same(actual, o.value())) {
                        throw new ApiException(
                                409,
                                "patch-test-failed",
                                "test operation " + o.index() + " failed at " + render(o.path()),
                                Map.of("operation", o.index(), "path", render(o.path())));
                    }
                    yield root;
                }
            };
        }
        return root;
    }

    // ---------------------------------------------------------------- operations

    private static JsonNode add(JsonNode root, List<String> path, JsonNode value, Operation o) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode parent = get(root, path.subList(0, path.size() - 1), o);
        String last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            int index = last.equals("-") ? array.size() : index(last, array.size(), o);
            array.insert(index, value);
        } else {
            throw notFound(o, path);
        }
        return root;
    }

    /** In place: an object member keeps its position among the others. */
    private static JsonNode replace(JsonNode root, List<String> path, JsonNode value, Operation o) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode parent = get(root, path.subList(0, path.size() - 1), o);
        String last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && object.has(last)) {
            object.replace(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(index(last, array.size() - 1, o), value);
        } else {
            throw notFound(o, path);
        }
        return root;
    }

    private static JsonNode remove(JsonNode root, List<String> path, Operation o) {
        if (path.isEmpty()) {
            throw new ApiException(
                    409,
                    "patch-target-not-found",
                    "operation " + o.index() + " cannot remove the whole document",
                    Map.of("operation", o.index(), "path", ""));
        }
        JsonNode parent = get(root, path.subList(0, path.size() - 1), o);
        String last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && object.has(last)) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(index(last, array.size() - 1, o));
        } else {
            throw notFound(o, path);
        }
        return root;
    }

    private static JsonNode get(JsonNode root, List<String> path, Operation o) {
        JsonNode node = root;
        for (String token : path) {
            if (node.isObject()) {
                node = node.get(token);
            } else if (node.isArray()) {
                node = node.get(index(token, node.size() - 1, o));
            } else {
                node = null;
            }
            if (node == null) {
                throw notFound(o, path);
            }
        }
        return node;
    }

    /** An array index token, at most {@code max}: digits without leading zeros. */
    private static int index(String token, int max, Operation o) {
        boolean digits =
                !token.isEmpty() && token.length() <= 9 && token.chars().allMatch(Character::isDigit);
        if (!digits || (token.length() > 1 && token.charAt(0) == '0')) {
            throw new ApiException(
                    409,
                    "patch-target-not-found",
                    "operation " + o.index() + ": '" + token + "' is not an array index",
                    Map.of("operation", o.index(), "path", render(o.path())));
        }
        int index = Integer.parseInt(token);
        if (index > max) {
            throw new ApiException(
                    409,
                    "patch-target-not-found",
                    "operation " + o.index() + ": index " + index + " is out of bounds",
                    Map.of("operation", o.index(), "path", render(o.path())));
        }
        return index;
    }

    /** JSON equality as RFC 6902 {@code test} defines it: numbers by value, objects regardless of key order. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = b.get(e.getKey());
                if (other == null || !same(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    // ---------------------------------------------------------------- pointers

    /** RFC 6901: {@code ""} is the root, else {@code /}-separated tokens with {@code ~1} = {@code /}, {@code ~0} = {@code ~}. */
    private static List<String> pointer(String text, int operation) {
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.charAt(0) != '/') {
            throw invalid(
                    "operation " + operation + ": '" + text + "' is not a JSON pointer",
                    Map.of("operation", operation));
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : text.substring(1).split("/", -1)) {
            for (int i = raw.indexOf('~'); i >= 0; i = raw.indexOf('~', i + 1)) {
                if (i + 1 >= raw.length() || (raw.charAt(i + 1) != '0' && raw.charAt(i + 1) != '1')) {
                    throw invalid(
                            "operation " + operation + ": '" + text + "' has a bad ~ escape",
                            Map.of("operation", operation));
                }
            }
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return List.copyOf(tokens);
    }

    private static String render(List<String> path) {
        StringBuilder out = new StringBuilder();
        for (String token : path) {
            out.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    private static String text(JsonNode operation, String field, int index) {
        JsonNode value = operation.get(field);
        if (value == null || !value.isTextual()) {
            throw invalid("operation " + index + " needs a string \"" + field + "\"", Map.of("operation", index));
        }
        return value.textValue();
    }

    private static ApiException notFound(Operation o, List<String> path) {
        return new ApiException(
                409,
                "patch-target-not-found",
                "operation " + o.index() + " (" + o.op().name().toLowerCase(Locale.ROOT) + "): nothing at "
                        + render(path),
                Map.of("operation", o.index(), "path", render(path)));
    }

    private static ApiException invalid(String message, Map<String, Object> context) {
        return new ApiException(400, "invalid-patch", message, context);
    }
}
