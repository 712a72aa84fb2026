package org.entitybase.model.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Item;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.error.WikibaseJsonException;
import org.entitybase.model.error.WikibaseJsonException.Kind;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.snak.ValueSnak;
import org.entitybase.model.statement.Statement;
import org.entitybase.model.value.EntityIdValue;
import org.entitybase.model.value.QuantityValue;
import org.entitybase.testkit.WikidataFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The reader's entry points and what it builds, beyond round-tripping. */
class WikibaseJsonReaderTest {
    private final WikibaseJsonReader reader = WikibaseJsonReader.strict();

    @Test
    void readsTheModelOfARealEntity() {
        String json = WikidataFixtures.wikidataPairs().stream()
                .filter(p -> p.id().equals("Q1"))
                .findFirst()
                .orElseThrow()
                .entity()
                .json();
        Item q1 = (Item) reader.readEntity(json);
        assertThat(q1.page().lastRevisionId()).isEqualTo(2448396619L);
        assertThat(q1.fingerprint().labels().get("en").value()).isEqualTo("Universe");
        assertThat(q1.sitelinks()).containsKey("enwiki");
        Statement p2386 = q1.claims().get("P2386").get(0);
        QuantityValue diameter = (QuantityValue) ((ValueSnak) p2386.mainsnak()).value();
        assertThat(diameter.amount()).isEqualTo("+880000000000000000000000");
        assertThat(diameter.unit()).isEqualTo("http://www.wikidata.org/entity/Q828224");
        EntityIdValue instanceOf =
                (EntityIdValue) ((ValueSnak) q1.claims().get("P31").get(0).mainsnak()).value();
        assertThat(instanceOf.numericIdPresent()).isTrue();
    }

    @Test
    void readsFromAStreamWithoutClosingIt() {
        AtomicBoolean closed = new AtomicBoolean();
        byte[] json = "{\"type\":\"property\",\"datatype\":\"string\",\"id\":\"P1\"}".getBytes(StandardCharsets.UTF_8);
        ByteArrayInputStream in = new ByteArrayInputStream(json) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        Entity p1 = reader.readEntity(in);
        assertThat(p1.id().value()).isEqualTo("P1");
        assertThat(closed).isFalse();
    }

    /** Special:EntityData wraps the entity in {"entities": {id: …}}; a caller positions the parser on it. */
    @Test
    void readsAnEntityInsideAnEnvelopeWithPathsFromTheEnvelopeRoot() throws IOException {
        byte[] envelope = Files.readAllBytes(WikidataFixtures.dataDir().resolve("rdf/wikidata-pairs/L42.json"));
        try (JsonParser parser = new JsonFactory().createParser(envelope)) {
            moveToEntity(parser, "L42");
            Lexeme l42 = (Lexeme) reader.readEntity(parser);
            assertThat(l42.forms()).extracting(f -> f.id().value()).contains("L42-F1");
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
        }
        String broken = new String(envelope, StandardCharsets.UTF_8)
                .replace("\"lexicalCategory\": \"Q1084\"", "\"lexicalCategory\": \"Q0\"");
        assertThat(broken).contains("\"Q0\"");
        try (JsonParser parser = new JsonFactory().createParser(broken)) {
            moveToEntity(parser, "L42");
            WikibaseJsonException e =
                    catchThrowableOfType(WikibaseJsonException.class, () -> reader.readEntity(parser));
            assertThat(e.path()).isEqualTo("entities.L42.lexicalCategory");
        }
    }

    @Test
    void anExpectedTypeFillsInAMissingTypeAndRejectsAnother() {
        byte[] item = "{\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"x\"}}}".getBytes(StandardCharsets.UTF_8);
        assertThat(reader.readEntity(item, EntityType.ITEM).type()).isEqualTo(EntityType.ITEM);
        WikibaseJsonException e = catchThrowableOfType(
                WikibaseJsonException.class,
                () -> reader.readEntity("{\"type\":\"item\"}".getBytes(StandardCharsets.UTF_8), EntityType.PROPERTY));
        assertThat(e.getMessage()).isEqualTo("type: is item, but a property is expected here");
        assertThat(e.kind()).isEqualTo(Kind.INCONSISTENT);
        assertThat(e.toErrorBody().code()).isEqualTo("inconsistent-value");
        assertThat(e.toErrorBody().context()).containsEntry("path", "type");
    }

    @Test
    void partsAndPhpEmptyMaps() {
        assertThat(reader.readTerms("[]")).isEmpty();
        assertThat(reader.readStatements("[]", null)).isEmpty();
        assertThat(reader.readAliases(
                                "{\"en\":[{\"language\":\"en\",\"value\":\"a\"},{\"language\":\"en\",\"value\":\"b\"}]}")
                        .get("en"))
                .extracting(t -> t.value())
                .containsExactly("a", "b");
        List<Statement> statements = reader.readStatementList(
                "[{\"mainsnak\":{\"snaktype\":\"somevalue\",\"property\":\"P19\"},\"type\":\"statement\",\"rank\":\"deprecated\"}]",
                null);
        assertThat(statements).singleElement().satisfies(s -> assertThat(s.id()).isNull());
        assertThat(reader.readSitelink("{\"site\":\"dewiki\",\"title\":\"Berlin\",\"badges\":[\"Q17437796\"]}")
                        .badges())
                .containsExactly("Q17437796");
    }

    private static void moveToEntity(JsonParser parser, String id) throws IOException {
        while (parser.nextToken() != null) {
            if (parser.currentToken() == JsonToken.FIELD_NAME
                    && parser.currentName().equals(id)) {
                parser.nextToken();
                return;
            }
        }
        throw new AssertionError(id + " not in envelope");
    }
}
