package org.entitybase.rdf.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entitybase.testkit.WikidataFixtures;

/** One case of {@code rdf/wikibase-fixtures/cases.json}: inputs, how the PHP test built them, expected N-Triples. */
record WikibaseFixtureCase(
        String group,
        String name,
        List<String> inputs,
        List<String> expectedFiles,
        String vocabulary,
        Integer mask,
        JsonNode notes) {

    static Path dir() {
        return WikidataFixtures.dataDir().resolve("rdf/wikibase-fixtures");
    }

    /** All cases, in file order. */
    static List<WikibaseFixtureCase> load() {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(dir().resolve("cases.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<WikibaseFixtureCase> cases = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            cases.add(new WikibaseFixtureCase(
                    c.get("group").asText(),
                    c.get("name").asText(),
                    texts(c.get("input_entities")),
                    texts(c.get("expected_ntriples")),
                    c.path("vocabulary").asText("default"),
                    c.has("produce") ? c.get("produce").get("mask").asInt() : null,
                    c.get("notes")));
        }
        return Collections.unmodifiableList(cases);
    }

    List<Path> expectedPaths() {
        return expectedFiles.stream().map(f -> dir().resolve(f)).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> texts.add(n.asText()));
        }
        return texts;
    }

    @Override
    public String toString() {
        return group + " / " + name;
    }
}
