package org.entitybase.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.entitybase.testkit.WikidataFixtures;

/**
 * Cuts single entities out of the shared test data (found as common-testkit finds it) as the exact bytes of the
 * source file, so the parse benchmarks see real input (PHP {@code \\uXXXX} escapes and whitespace included), not a
 * re-serialization.
 */
final class SharedData {
    private static final JsonFactory JSON = new JsonFactory();

    private SharedData() {}

    /**
     * The benchmark entities: {@code Q30} is the dump line of wikidata/entities.ndjson.gz (compact, 830 statements);
     * {@code Q42} is {@code entities.Q42} of the Special:EntityData envelope rdf/wikidata-pairs/Q42.json (indented).
     */
    static byte[] entityBytes(String id) {
        Path data = WikidataFixtures.dataDir();
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
