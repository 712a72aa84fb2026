package org.entitybase.deploy.vitess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads what {@link VitessCheck} reads from the repository: deploy/vitess/*.vschema.json, every module's Flyway
 * migrations and main sources, grouped by keyspace. A module's keyspace is the database its application.properties
 * defaults VITESS_DATABASE to ({@code entitybase_<keyspace>}).
 */
final class VitessRepository {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path VITESS = ROOT.resolve("deploy/vitess");
    private static final Pattern DATABASE = Pattern.compile("\\$\\{VITESS_DATABASE:entitybase_(\\w+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private VitessRepository() {}

    /** Keyspace → the modules whose database it is. */
    static Map<String, List<Path>> modulesByKeyspace() {
        Map<String, List<Path>> out = new TreeMap<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.sorted().toList()) {
                Path properties = module.resolve("src/main/resources/application.properties");
                if (!Files.isRegularFile(properties)) {
                    continue;
                }
                Matcher m = DATABASE.matcher(Files.readString(properties));
                if (m.find()) {
                    out.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(module);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static JsonNode vschema(String keyspace) {
        try {
            return JSON.readTree(VITESS.resolve(keyspace + ".vschema.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, VitessCheck.Keyspace> keyspaces() {
        Map<String, VitessCheck.Keyspace> out = new LinkedHashMap<>();
        modulesByKeyspace().forEach((keyspace, modules) -> {
            List<Path> migrations = modules.stream()
                    .map(m -> m.resolve("src/main/resources/db/migration"))
                    .filter(Files::isDirectory)
                    .toList();
            List<ServiceSql.Statement> statements = new ArrayList<>();
            for (Path module : modules) {
                ServiceSql.scan(module.resolve("src/main/java"))
                        .forEach(s -> statements.add(
                                new ServiceSql.Statement(module.getFileName() + "/" + s.source(), s.sql())));
            }
            out.put(
                    keyspace,
                    new VitessCheck.Keyspace(
                            keyspace, vschema(keyspace), MigrationSchema.read(migrations), statements));
        });
        return out;
    }

    /** deploy/vitess/scatter-queries.txt: {@code keyspace.table: columns  # why}, blank lines and comments skipped. */
    static Set<String> declaredScatterQueries() {
        Set<String> out = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(VITESS.resolve("scatter-queries.txt"))) {
                String entry = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
                if (!entry.isBlank()) {
                    out.add(entry.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
