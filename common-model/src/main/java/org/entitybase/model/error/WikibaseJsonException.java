package org.entitybase.model.error;

import java.util.Map;

/**
 * Entity JSON that cannot be read: malformed JSON, or Wikibase JSON that breaks a rule of the data model. {@link #path()}
 * locates the offending value ({@code claims.P31[2].mainsnak.datavalue.value.precision}; keys that are not plain
 * words are quoted, {@code labels["a.b"]}; the empty string is the root), {@link #detail()} says what is wrong.
 * Validation errors are an expected outcome, so they carry no stack trace.
 */
public final class WikibaseJsonException extends RuntimeException {
    /** What kind of fault; {@link #code()} is the error code a REST response carries. */
    public enum Kind {
        /** Not JSON at all, truncated, or trailing content. */
        SYNTAX("invalid-json"),
        /** A required field is absent. */
        MISSING_FIELD("missing-field"),
        /** A value has the wrong JSON type, syntax or range. */
        INVALID_VALUE("invalid-value"),
        /** Valid values that contradict each other (map key vs. inner field, statement id vs. its entity, …). */
        INCONSISTENT("inconsistent-value");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Kind kind;
    private final String path;
    private final String detail;

    public WikibaseJsonException(Kind kind, String path, String detail, Throwable cause) {
        // No stack trace of its own: validation errors are expected; a wrapped cause keeps its trace.
        super((path.isEmpty() ? "(root)" : path) + ": " + detail, cause, false, false);
        this.kind = kind;
        this.path = path;
        this.detail = detail;
    }

    public WikibaseJsonException(Kind kind, String path, String detail) {
        this(kind, path, detail, null);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return kind.code();
    }

    /** Where the fault is, relative to the document that was read; empty for the root. */
    public String path() {
        return path;
    }

    /** What is wrong, without the path. */
    public String detail() {
        return detail;
    }

    /** The same error located inside a larger document, e.g. {@code withPathPrefix("statement")} for a request body. */
    public WikibaseJsonException withPathPrefix(String prefix) {
        String joined = prefix.isEmpty()
                ? path
                : path.isEmpty() ? prefix : path.startsWith("[") ? prefix + path : prefix + "." + path;
        return new WikibaseJsonException(kind, joined, detail, getCause());
    }

    /** The error as a REST error body, with the path in its context. */
    public ErrorBody toErrorBody() {
        return new ErrorBody(kind.code(), getMessage(), Map.of("path", path));
    }
}
