package org.entitybase.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Finds the shared test data and cuts single entities out of it as the exact bytes of the source file, so the parse
 * benchmarks see real input (PHP {@code \\uXXXX} escapes and whitespace included), not a re-serialization.
 */
final class SharedData {
    /** Same property the surefire/failsafe runs pass. */
    static final String SHARED_PROPERTY = "entitybase.shared";

    private static final JsonFactory JSON = new JsonFactory();

    private SharedData() {}

    /** {@code -Dentitybase.shared=…}, else {@code ../shared} next to the repository root above the working directory. */
    static Path sharedDir() {
        String configured = System.getProperty(SHARED_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return requireDir(Paths.get(configured));
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            // The repo root is the directory holding both the model and this module.
            if (Files.isDirectory(dir.resolve("common-model")) && Files.isDirectory(dir.resolve("bench"))) {
                return requireDir(dir.resolveSibling("shared"));
            }
        }
        throw new IllegalStateException(
                "cannot find the shared data: pass -D" + SHARED_PROPERTY + "=/path/to/shared or run inside the repo");
    }

    private static Path requireDir(Path dir) {
        if (!Files.isDirectory(dir.resolve("data"))) {
            throw new IllegalStateException(dir + " has no data/ directory");
        }
        return dir;
    }

    /**
     * The benchmark entities: {@code Q30} is the dump line of wikidata/entities.ndjson.gz (compact, 830 statements);
     * {@code Q42} is {@code entities.Q42} of the Special:EntityData envelope rdf/wikidata-pairs/Q42.json (indented).
     */
    static byte[] entityBytes(String id) {
        Path data = sharedDir().resolve("data");
        return switch (id) {
            case "Q30" -> ndjsonLine(data.resolve("wikidata/entities.ndjson.gz"), id);
            case "Q42" -> envelopeEntity(data.resolve("rdf/wikidata-pairs/Q42.json"), id);
            default -> throw new IllegalArgumentException("no benchmark source for " + id);
        };
    }

    /** The line of a gzipped NDJSON dump whose top-level {@code id} is {@code id}. */
    static byte[] ndjsonLine(Path file, String id) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                if (id.equals(topLevelId(bytes))) {
                    return bytes;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
        throw new IllegalStateException(file + " has no entity " + id);
    }

    /** The bytes of {@code entities.<id>} in a Special:EntityData document, cut out by byte offsets. */
    static byte[] envelopeEntity(Path file, String id) {
        try {
            byte[] all = Files.readAllBytes(file);
            try (JsonParser p = JSON.createParser(all)) {
                expect(p.nextToken(), JsonToken.START_OBJECT, file);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    JsonToken value = p.nextToken();
                    if (!"entities".equals(p.currentName())) {
                        p.skipChildren();
                        continue;
                    }
                    expect(value, JsonToken.START_OBJECT, file);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        expect(p.nextToken(), JsonToken.START_OBJECT, file);
                        if (!name.equals(id)) {
                            p.skipChildren();
                            continue;
                        }
                        int start = (int) p.currentTokenLocation().getByteOffset();
                        p.skipChildren();
                        int end = (int) p.currentLocation().getByteOffset();
                        return Arrays.copyOfRange(all, start, end);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
        throw new IllegalStateException(file + " has no entities." + id);
    }

    private static String topLevelId(byte[] json) throws IOException {
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, null);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("id")) {
                    return p.getValueAsString();
                }
                p.skipChildren();
            }
            return null;
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, Path file) {
        if (actual != expected) {
            throw new IllegalStateException(
                    (file == null ? "input" : file) + ": expected " + expected + ", got " + actual);
        }
    }
}
