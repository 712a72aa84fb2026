package org.entitybase.deploy.vitess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SQL statements a service issues, read from its Java sources: each Java statement's string literals, joined in
 * order (a literal, then {@code + placeholders(n) +}, then the next literal reads as one SQL text), kept when the first
 * literal starts with SELECT, INSERT, UPDATE, DELETE or REPLACE. Limits: SQL assembled across several Java statements
 * (a StringBuilder over loops) is seen piecewise, and a table named by a variable is not seen at all (common-runtime's
 * ProcessedEvents and JobLease take their table from the caller; each of their statements names exactly one table).
 */
final class ServiceSql {

    /** One SQL text found in {@code source} (file:line). */
    record Statement(String source, String sql) {
        /** The tables the statement names after FROM, JOIN, INTO, UPDATE (possibly {@code keyspace.table}). */
        Set<String> tables() {
            Set<String> out = new LinkedHashSet<>();
            Matcher m = TABLE_REF.matcher(sql);
            while (m.find()) {
                out.add(m.group(1).toLowerCase(Locale.ROOT));
            }
            Matcher list = FROM_LIST.matcher(sql);
            while (list.find()) {
                for (String item : list.group(1).split(",")) {
                    String name = item.strip().split("\\s+")[0];
                    if (name.matches("[\\w.]+")) {
                        out.add(name.toLowerCase(Locale.ROOT));
                    }
                }
            }
            return out;
        }

        String verb() {
            return sql.strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
        }

        /** Columns the WHERE clause compares with {@code =} or {@code IN (…)}: what can route a query to a shard. */
        Set<String> equalityColumns() {
            int where = indexOfWord(sql, "WHERE");
            Set<String> out = new LinkedHashSet<>();
            if (where < 0) {
                return out;
            }
            Matcher m = EQUALITY.matcher(sql.substring(where));
            while (m.find()) {
                String column = m.group(1).toLowerCase(Locale.ROOT);
                out.add(column.contains(".") ? column.substring(column.indexOf('.') + 1) : column);
            }
            return out;
        }

        /** The column list of an INSERT/REPLACE INTO t (a, b, …), empty for other statements. */
        List<String> insertColumns() {
            Matcher m = INSERT_COLUMNS.matcher(sql);
            if (!m.find()) {
                return List.of();
            }
            return Stream.of(m.group(1).split(","))
                    .map(c -> c.strip().toLowerCase(Locale.ROOT))
                    .toList();
        }
    }

    private static final Pattern TABLE_REF =
            Pattern.compile("(?i)\\b(?:JOIN|INTO|(?<!KEY |FOR )UPDATE)\\s+`?([a-z_][\\w.]*)`?");
    private static final Pattern FROM_LIST = Pattern.compile(
            "(?is)\\bFROM\\s+(.+?)(?=\\bWHERE\\b|\\bGROUP\\b|\\bORDER\\b|\\bLIMIT\\b|\\bJOIN\\b|\\bFOR\\b|\\bON\\b|\\bLEFT\\b|\\bINNER\\b|\\)|$)");
    private static final Pattern EQUALITY = Pattern.compile("(?i)\\b([a-z_][\\w.]*)\\s*(?:=\\s*[?'\\w]|IN\\s*\\()");
    private static final Pattern INSERT_COLUMNS =
            Pattern.compile("(?is)^\\s*(?:INSERT|REPLACE)\\s+(?:IGNORE\\s+)?INTO\\s+[\\w.`]+\\s*\\(([^)]*)\\)");
    private static final Pattern SQL_START = Pattern.compile("^\\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE)\\s");

    private ServiceSql() {}

    /** Every SQL statement in the Java sources under {@code sourceRoot}. */
    static List<Statement> scan(Path sourceRoot) {
        List<Statement> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                out.addAll(scan(sourceRoot.relativize(file).toString(), Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static final Pattern CONSTANT =
            Pattern.compile("(?s)static\\s+final\\s+String\\s+(\\w+)\\s*=(.*?);\\s*\\n");
    private static final Pattern TERM = Pattern.compile("(?s)\"((?:[^\"\\\\]|\\\\.)*)\"|([A-Za-z_]\\w*)");

    /**
     * The file's {@code static final String} constants, each the concatenation of its literals and of earlier
     * constants it names (other terms, such as method calls, read as nothing): SQL is often assembled from them.
     */
    static Map<String, String> constants(String java) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = CONSTANT.matcher(java);
        while (m.find()) {
            StringBuilder value = new StringBuilder();
            Matcher term = TERM.matcher(m.group(2));
            while (term.find()) {
                if (term.group(1) != null) {
                    value.append(unescape(term.group(1)));
                } else if (out.containsKey(term.group(2))) {
                    value.append(out.get(term.group(2)));
                }
            }
            out.put(m.group(1), value.toString());
        }
        return out;
    }

    /** The SQL statements of one Java source text. */
    static List<Statement> scan(String source, String java) {
        Map<String, String> constants = constants(java);
        Set<String> seen = new java.util.HashSet<>();
        List<Statement> out = new ArrayList<>();
        StringBuilder sql = null;
        int sqlLine = 0;
        int line = 1;
        int i = 0;
        while (i < java.length()) {
            char c = java.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (c == '/' && i + 1 < java.length() && java.charAt(i + 1) == '/') {
                i = java.indexOf('\n', i);
                if (i < 0) {
                    break;
                }
                continue;
            }
            if (c == '/' && i + 1 < java.length() && java.charAt(i + 1) == '*') {
                int end = java.indexOf("*/", i + 2);
                line += count(java.substring(i, end), '\n');
                i = end + 2;
                continue;
            }
            if (c == '\'') {
                i = java.indexOf('\'', i + (java.charAt(i + 1) == '\\' ? 3 : 2)) + 1;
                continue;
            }
            if (Character.isJavaIdentifierStart(c) && (i == 0 || !Character.isJavaIdentifierPart(java.charAt(i - 1)))) {
                int end = i;
                while (end < java.length() && Character.isJavaIdentifierPart(java.charAt(end))) {
                    end++;
                }
                String constant = constants.get(java.substring(i, end));
                int next = end;
                while (next < java.length() && Character.isWhitespace(java.charAt(next))) {
                    next++;
                }
                // the name being declared or assigned is not a use of it
                boolean declared = next + 1 < java.length() && java.charAt(next) == '=' && java.charAt(next + 1) != '=';
                // a constant used alone was seen where it is declared; one that starts a concatenation starts SQL
                if (constant != null && !declared) {
                    if (sql != null) {
                        sql.append(constant);
                    } else if (SQL_START.matcher(constant).find() && nextIs(java, end, '+')) {
                        sql = new StringBuilder(constant);
                        sqlLine = line;
                    }
                    if (sql != null && !nextIs(java, end, '+')) {
                        emit(out, seen, source, sqlLine, sql);
                        sql = null;
                    }
                }
                i = end;
                continue;
            }
            if (c == '"') {
                boolean block = java.startsWith("\"\"\"", i);
                int end = block ? java.indexOf("\"\"\"", i + 3) : endOfLiteral(java, i);
                String literal = block ? java.substring(i + 3, end) : unescape(java.substring(i + 1, end));
                line += count(java.substring(i, end), '\n');
                i = end + (block ? 3 : 1);
                if (sql != null) {
                    sql.append(literal);
                } else if (SQL_START.matcher(literal).find()) {
                    sql = new StringBuilder(literal);
                    sqlLine = line;
                }
                // the SQL text ends with the last literal of its concatenation
                if (sql != null && !nextIs(java, i, '+')) {
                    emit(out, seen, source, sqlLine, sql);
                    sql = null;
                }
                continue;
            }
            if (c == ';' || c == '{' || c == '}' || (c == ',' && sql != null && !continuesConcatenation(java, i))) {
                if (sql != null) {
                    emit(out, seen, source, sqlLine, sql);
                    sql = null;
                }
            }
            i++;
        }
        return out;
    }

    private static void emit(List<Statement> out, Set<String> seen, String source, int line, StringBuilder sql) {
        String text = sql.toString().replaceAll("\\s+", " ").strip();
        if (seen.add(text)) {
            out.add(new Statement(source + ":" + line, text));
        }
    }

    /** Whether the first non-blank character at or after {@code from} is {@code c}. */
    private static boolean nextIs(String java, int from, char c) {
        int j = from;
        while (j < java.length() && Character.isWhitespace(java.charAt(j))) {
            j++;
        }
        return j < java.length() && java.charAt(j) == c;
    }

    /** A comma inside {@code placeholders(a, b)} between two parts of one concatenation does not end the SQL. */
    private static boolean continuesConcatenation(String java, int comma) {
        int depth = 0;
        for (int j = comma - 1; j >= 0; j--) {
            char c = java.charAt(j);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    // the comma is inside a call's argument list; it continues the SQL only if that call is
                    // itself a term of the concatenation (preceded by '+')
                    String before = java.substring(Math.max(0, j - 80), j).stripTrailing();
                    return before.matches("(?s).*\\+\\s*[\\w.]+$");
                }
                depth--;
            }
        }
        return false;
    }

    private static int endOfLiteral(String java, int open) {
        int j = open + 1;
        while (java.charAt(j) != '"') {
            j += java.charAt(j) == '\\' ? 2 : 1;
        }
        return j;
    }

    private static String unescape(String literal) {
        return literal.replace("\\n", "\n")
                .replace("\\t", "\t")
                .replace("\\\"", "\"")
                .replace("\\\\", "\\");
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    static int indexOfWord(String sql, String word) {
        Matcher m = Pattern.compile("(?i)\\b" + word + "\\b").matcher(sql);
        return m.find() ? m.start() : -1;
    }
}
