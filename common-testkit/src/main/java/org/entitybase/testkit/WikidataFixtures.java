package org.entitybase.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real Wikidata data in {@code shared/data} (see its README): entities, revisions, Commons mediainfo and the
 * JSON/Turtle pairs. Entity JSON is handed out as the text of the source line where there is one, so tests read
 * exactly what Wikidata wrote. Loaded once per JVM.
 *
 * <p>The shared folder is the system property {@code entitybase.shared} (Surefire and Failsafe set it), else the
 * first {@code shared} folder with {@code data/wikidata} found beside the working directory or one of its parents
 * (the repository's {@code ../shared}).
 */
public final class WikidataFixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One entity: its id, its {@code type} and its JSON text. */
    public record FixtureEntity(String id, String type, String json) {}

    /** One line of {@code revisions.ndjson.gz}: the entity {@code id} at {@code revision} (its lastrevid). */
    public record FixtureRevision(String id, long revision, FixtureEntity entity) {}

    /** A Special:EntityData JSON entity and the Turtle of the same revision. */
    public record WikidataPair(String id, long revision, FixtureEntity entity, Path turtle) {}

    private WikidataFixtures() {}

    public static Path sharedDir() {
        String configured = System.getProperty("entitybase.shared");
        if (configured != null && !configured.isBlank()) {
            Path path = Paths.get(configured).toAbsolutePath().normalize();
            if (Files.isDirectory(path.resolve("data/wikidata"))) {
                return path;
            }
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("data/wikidata"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "shared data not found: set -Dentitybase.shared or keep shared/ beside the repository");
    }

    public static Path dataDir() {
        return sharedDir().resolve("data");
    }

    /** {@code entities.ndjson.gz}: 208 entities (items, properties, lexemes), in file order. */
    public static List<FixtureEntity> entities() {
        return Loaded.ENTITIES;
    }

    /** {@code revisions.ndjson.gz}: 27 revisions of 10 entities, ordered by id then revision. */
    public static List<FixtureRevision> revisions() {
        return Loaded.REVISIONS;
    }

    /** {@code mediainfo.ndjson.gz}: 7 Commons MediaInfo entities. */
    public static List<FixtureEntity> mediaInfo() {
        return Loaded.MEDIAINFO;
    }

    /** {@code rdf/wikidata-pairs}: 11 entities with Turtle of the same revision, in {@code pairs.json} order. */
    public static List<WikidataPair> wikidataPairs() {
        return Loaded.PAIRS;
    }

    /** {@code properties-datatypes.tsv}: property id → Wikibase datatype id, for 13,161 properties. */
    public static Map<String, String> propertyDatatypes() {
        return Loaded.DATATYPES;
    }

    /** Holder idiom: the files are read on first use, once. */
    private static final class Loaded {
        static final List<FixtureEntity> ENTITIES = entityLines("wikidata/entities.ndjson.gz");
        static final List<FixtureEntity> MEDIAINFO = entityLines("wikidata/mediainfo.ndjson.gz");
        static final List<FixtureRevision> REVISIONS = revisionLines();
        static final List<WikidataPair> PAIRS = pairs();
        static final Map<String, String> DATATYPES = datatypes();
    }

    private static List<FixtureEntity> entityLines(String file) {
        List<FixtureEntity> entities = new ArrayList<>();
        for (String line : gzipLines(dataDir().resolve(file))) {
            entities.add(entity(line, tree(line)));
        }
        return Collections.unmodifiableList(entities);
    }

    private static List<FixtureRevision> revisionLines() {
        List<FixtureRevision> revisions = new ArrayList<>();
        for (String line : gzipLines(dataDir().resolve("wikidata/revisions.ndjson.gz"))) {
            JsonNode node = tree(line);
            JsonNode entity = node.get("entity");
            revisions.add(new FixtureRevision(
                    node.get("id").asText(), node.get("revision").asLong(), entity(text(entity), entity)));
        }
        return Collections.unmodifiableList(revisions);
    }

    private static List<WikidataPair> pairs() {
        Path dir = dataDir().resolve("rdf/wikidata-pairs");
        List<WikidataPair> pairs = new ArrayList<>();
        for (JsonNode pair : tree(read(dir.resolve("pairs.json")))) {
            String id = pair.get("id").asText();
            // Each JSON file is the Special:EntityData envelope {"entities": {"<id>": {…}}}.
            JsonNode entity = tree(read(dir.resolve(pair.get("json").asText())))
                    .get("entities")
                    .get(id);
            pairs.add(new WikidataPair(
                    id,
                    pair.get("revision").asLong(),
                    entity(text(entity), entity),
                    dir.resolve(pair.get("ttl").asText())));
        }
        return Collections.unmodifiableList(pairs);
    }

    private static Map<String, String> datatypes() {
        Map<String, String> datatypes = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDir().resolve("wikidata/properties-datatypes.tsv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.split("\t");
            datatypes.put(columns[0], columns[1]);
        }
        return Collections.unmodifiableMap(datatypes);
    }

    private static FixtureEntity entity(String json, JsonNode tree) {
        return new FixtureEntity(tree.path("id").asText(null), tree.path("type").asText(null), json);
    }

    private static List<String> gzipLines(Path file) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        return lines;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** Parses JSON into a Jackson tree, for comparing documents in tests. */
    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses JSON bytes into a Jackson tree, for comparing documents in tests. */
    public static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
