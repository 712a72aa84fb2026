package org.entitybase.deploy.nativeimage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a native build of the services would reject or silently break, found in the main sources (no native toolchain
 * is available here: docs/DECISIONS.md "Native image"). Each finding is {@code <module>: <rule>: <file>}; the known ones
 * are listed with what registers them in deploy/native-gaps.txt, and the test fails on a new one (or a stale entry),
 * so the list stays what a native profile would have to fix.
 */
class NativeGapsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern RESOURCE = Pattern.compile("getResource(?:AsStream)?\\(\\s*(\\w+|\"[^\"]+\")");
    private static final Map<String, Pattern> RULES = Map.of(
            // Class.forName and friends on names native-image cannot see
            "reflection",
                    Pattern.compile("Class\\.forName\\(|getDeclared(?:Method|Field|Constructor)s?\\(|"
                            + "\\.newInstance\\(|Proxy\\.newProxyInstance\\(|ServiceLoader\\.load\\("),
            // RDF4J finds its writers and parsers with java.util.ServiceLoader: the META-INF/services files and the
            // factories must be in the image
            "rdf4j-service-loader", Pattern.compile("Rio\\.(?:createWriter|createParser|parse|write)\\("),
            // a weighted Caffeine cache picks its generated node class by name at run time
            "caffeine-weigher", Pattern.compile("\\bweigher\\("),
            // kafka-clients instantiates configured classes (serializers, partitioners) by name
            "kafka-clients-direct", Pattern.compile("Admin\\.create\\(|new KafkaProducer<|new KafkaConsumer<"));

    @Test
    void theKnownNativeGapsAreExactlyThoseInTheSources() throws IOException {
        assertThat(scan()).containsExactlyInAnyOrderElementsOf(declared());
    }

    static Set<String> scan() throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java")))
                    .toList()) {
                String name = module.getFileName().toString();
                if (name.equals("bench")) {
                    continue; // a command-line tool, never built native
                }
                String includes = nativeResourceIncludes(module);
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                            .sorted()
                            .toList()) {
                        // comments name APIs too (javadoc examples): only code counts
                        String java = Files.readString(file)
                                .replaceAll("(?s)/\\*.*?\\*/", "")
                                .replaceAll("(?m)^\\s*//.*$", "");
                        String where = name + ": %s: " + file.getFileName();
                        RULES.forEach((rule, pattern) -> {
                            if (pattern.matcher(java).find()) {
                                out.add(where.formatted(rule));
                            }
                        });
                        Matcher resource = RESOURCE.matcher(java);
                        while (resource.find()) {
                            if (!includes.contains(resolve(java, resource.group(1)))) {
                                out.add(where.formatted("classpath-resource " + resolve(java, resource.group(1))));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A string literal, or the value of the constant the call names. */
    private static String resolve(String java, String argument) {
        if (argument.startsWith("\"")) {
            return argument.substring(1, argument.length() - 1);
        }
        Matcher constant = Pattern.compile("String\\s+" + argument + "\\s*=\\s*\"([^\"]+)\"")
                .matcher(java);
        return constant.find() ? constant.group(1) : argument;
    }

    private static String nativeResourceIncludes(Path module) throws IOException {
        Path properties = module.resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(properties)) {
            return "";
        }
        Matcher m = Pattern.compile("(?m)^quarkus\\.native\\.resources\\.includes=(.*)$")
                .matcher(Files.readString(properties));
        return m.find() ? m.group(1) : "";
    }

    private static Set<String> declared() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("deploy/native-gaps.txt"))) {
            String entry = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            if (!entry.isBlank()) {
                out.add(entry.strip());
            }
        }
        return out;
    }
}
