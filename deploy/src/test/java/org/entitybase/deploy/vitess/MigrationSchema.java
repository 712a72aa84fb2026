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
 * The tables a keyspace's Flyway migrations leave behind, read by a purpose-built reader of the DDL our migrations use
 * (CREATE TABLE, ALTER TABLE ADD/DROP/MODIFY/CHANGE COLUMN, DROP TABLE; indexes and data statements are skipped). Not
 * a SQL parser: it knows the shapes in this repository, and {@link #unreadable} collects any DDL it could not place so
 * a new shape fails the check instead of slipping past it.
 */
final class MigrationSchema {

    /** One table: its columns (in order), its AUTO_INCREMENT column if any, its table comment. */
    record Table(String name, Set<String> columns, String autoIncrement, String comment) {}

    final Map<String, Table> tables = new LinkedHashMap<>();
    final List<String> foreignKeys = new ArrayList<>();
    final List<String> unreadable = new ArrayList<>();

    private static final Pattern CREATE =
            Pattern.compile("(?is)^CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)`?\\s*\\((.*)\\)([^)]*)$");
    private static final Pattern ALTER = Pattern.compile("(?is)^ALTER\\s+TABLE\\s+`?(\\w+)`?\\s+(.*)$");
    private static final Pattern DROP = Pattern.compile("(?is)^DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?`?(\\w+)`?$");
    private static final Pattern COMMENT = Pattern.compile("(?is)\\bCOMMENT\\s*=?\\s*'([^']*)'");
    private static final Pattern CONSTRAINT = Pattern.compile(
            "(?i)^(PRIMARY|KEY|UNIQUE|INDEX|CONSTRAINT|FOREIGN|FULLTEXT|SPATIAL|CHECK)\\b.*", Pattern.DOTALL);

    /** Reads the migrations under each of {@code migrationDirs}, in Flyway's version order per directory. */
    static MigrationSchema read(List<Path> migrationDirs) {
        MigrationSchema schema = new MigrationSchema();
        for (Path dir : migrationDirs) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                        .sorted((a, b) -> Integer.compare(version(a), version(b)))
                        .toList()) {
                    schema.apply(moduleOf(dir) + "/" + file.getFileName(), Files.readString(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }

    /** {@code <module>/src/main/resources/db/migration} → {@code <module>}. */
    static String moduleOf(Path migrationDir) {
        return migrationDir
                .getParent()
                .getParent()
                .getParent()
                .getParent()
                .getParent()
                .getFileName()
                .toString();
    }

    private static int version(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    /** Applies one migration's statements; {@code source} names it in findings. */
    void apply(String source, String sql) {
        for (String statement : statements(sql)) {
            Matcher m;
            if ((m = CREATE.matcher(statement)).matches()) {
                create(source, m.group(1).toLowerCase(Locale.ROOT), m.group(2), m.group(3));
            } else if ((m = ALTER.matcher(statement)).matches()) {
                alter(source, m.group(1).toLowerCase(Locale.ROOT), m.group(2));
            } else if ((m = DROP.matcher(statement)).matches()) {
                tables.remove(m.group(1).toLowerCase(Locale.ROOT));
            } else if (statement.matches("(?is)^CREATE\\s+TABLE\\b.*")) {
                unreadable.add(source + ": " + statement);
            }
            // CREATE INDEX, INSERT, UPDATE ...: no table shape to learn
        }
    }

    private void create(String source, String table, String body, String options) {
        Set<String> columns = new LinkedHashSet<>();
        String auto = null;
        for (String part : topLevelParts(body)) {
            String definition = part.strip();
            if (definition.isEmpty()) {
                continue;
            }
            if (CONSTRAINT.matcher(definition).matches()) {
                if (definition.toUpperCase(Locale.ROOT).contains("REFERENCES")) {
                    foreignKeys.add(source + ": " + table + ": " + definition);
                }
                continue;
            }
            String column = identifier(definition);
            columns.add(column);
            if (definition.toUpperCase(Locale.ROOT).contains("REFERENCES")) {
                foreignKeys.add(source + ": " + table + "." + column);
            }
            if (definition.toUpperCase(Locale.ROOT).contains("AUTO_INCREMENT")) {
                auto = column;
            }
        }
        Matcher comment = COMMENT.matcher(options);
        tables.put(table, new Table(table, columns, auto, comment.find() ? comment.group(1) : null));
    }

    private void alter(String source, String table, String actions) {
        Table before = tables.get(table);
        if (before == null) {
            unreadable.add(source + ": ALTER TABLE of " + table + ", which no earlier migration creates");
            return;
        }
        Set<String> columns = new LinkedHashSet<>(before.columns());
        String auto = before.autoIncrement();
        for (String part : topLevelParts(actions)) {
            String action = part.strip();
            String upper = action.toUpperCase(Locale.ROOT);
            if (upper.contains("REFERENCES") || upper.startsWith("ADD FOREIGN") || upper.contains("FOREIGN KEY")) {
                foreignKeys.add(source + ": " + table + ": " + action);
            }
            Matcher m;
            if ((m = Pattern.compile(
                                    "(?is)^ADD\\s+(?:COLUMN\\s+)?(?!KEY\\b|INDEX\\b|UNIQUE\\b|PRIMARY\\b|CONSTRAINT\\b|FOREIGN\\b|FULLTEXT\\b)`?(\\w+)`?\\s+(.*)$")
                            .matcher(action))
                    .matches()) {
                String column = m.group(1).toLowerCase(Locale.ROOT);
                columns.add(column);
                auto = autoIncrement(m.group(2), column, auto);
            } else if ((m = Pattern.compile("(?is)^MODIFY\\s+(?:COLUMN\\s+)?`?(\\w+)`?\\s+(.*)$")
                            .matcher(action))
                    .matches()) {
                String column = m.group(1).toLowerCase(Locale.ROOT);
                auto = autoIncrement(m.group(2), column, column.equals(auto) ? null : auto);
            } else if ((m = Pattern.compile("(?is)^CHANGE\\s+(?:COLUMN\\s+)?`?(\\w+)`?\\s+`?(\\w+)`?\\s+(.*)$")
                            .matcher(action))
                    .matches()) {
                String from = m.group(1).toLowerCase(Locale.ROOT);
                String to = m.group(2).toLowerCase(Locale.ROOT);
                columns.remove(from);
                columns.add(to);
                auto = autoIncrement(m.group(3), to, from.equals(auto) ? null : auto);
            } else if ((m = Pattern.compile("(?is)^DROP\\s+(?:COLUMN\\s+)?`?(\\w+)`?$")
                                    .matcher(action))
                            .matches()
                    && !upper.startsWith("DROP INDEX")
                    && !upper.startsWith("DROP KEY")) {
                columns.remove(m.group(1).toLowerCase(Locale.ROOT));
            }
            // ADD KEY / DROP INDEX / RENAME INDEX ...: indexes only
        }
        tables.put(table, new Table(table, columns, auto, before.comment()));
    }

    private static String autoIncrement(String definition, String column, String current) {
        return definition.toUpperCase(Locale.ROOT).contains("AUTO_INCREMENT") ? column : current;
    }

    private static String identifier(String definition) {
        Matcher m = Pattern.compile("^`?(\\w+)`?").matcher(definition);
        if (!m.find()) {
            throw new IllegalArgumentException("no column name in: " + definition);
        }
        return m.group(1).toLowerCase(Locale.ROOT);
    }

    /** The statements of a migration: comments removed, split on semicolons outside quotes. */
    static List<String> statements(String sql) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : sql.split("\n")) {
            int dash = commentStart(line);
            withoutComments.append(dash < 0 ? line : line.substring(0, dash)).append('\n');
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : withoutComments.toString().toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out.stream().filter(s -> !s.isEmpty()).toList();
    }

    private static int commentStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '-' && i + 1 < line.length() && line.charAt(i + 1) == '-') {
                return i;
            }
        }
        return -1;
    }

    /** Splits on commas outside parentheses and quotes. */
    static List<String> topLevelParts(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (char c : body.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }
}
