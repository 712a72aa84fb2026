package org.entitybase.model.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entitybase.model.error.WikibaseJsonException;
import org.entitybase.model.error.WikibaseJsonException.Kind;
import org.entitybase.model.id.EntityId;
import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.FixtureEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each case takes a real entity, breaks one thing, and expects the strict reader to name exactly that place. Then:
 * garbage, truncation and byte flips never produce anything but a located {@link WikibaseJsonException}.
 */
class MalformedEntityJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> BASES = bases();
    /** Parsed once: the cases mutate deep copies. */
    private static final Map<String, ObjectNode> BASE_TREES = new java.util.concurrent.ConcurrentHashMap<>();

    private static final String TIME = "/claims/P569/0/mainsnak/datavalue/value";
    private static final String QUANTITY = "/claims/P2048/0/mainsnak/datavalue/value";
    private static final String ITEM_VALUE = "/claims/P31/0/mainsnak/datavalue/value";
    private static final String GLOBE = "/claims/P625/0/mainsnak/datavalue/value";
    private static final String GUID = "$D8404CDA-25E4-4334-AF13-A3290BCD9C0F";

    /** One mutation of a real entity and the error it must produce. */
    record Case(String base, String path, Kind kind, String fragment, UnaryOperator<String> mutation) {
        @Override
        public String toString() {
            return base + " " + (path.isEmpty() ? "(root)" : path) + ": " + fragment;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // entity level
                tree("Q42", "type", Kind.MISSING_FIELD, "needs a type", n -> remove(n, "/type")),
                tree("Q42", "type", Kind.INVALID_VALUE, "unknown entity type 'itme'", n -> put(n, "/type", "\"itme\"")),
                tree("Q42", "id", Kind.INVALID_VALUE, "'Q042' is not an entity id", n -> put(n, "/id", "\"Q042\"")),
                tree("Q42", "id", Kind.INCONSISTENT, "P42 is not the id of an item", n -> put(n, "/id", "\"P42\"")),
                tree("Q42", "pageid", Kind.INVALID_VALUE, "from 0 to", n -> put(n, "/pageid", "-1")),
                tree("Q42", "ns", Kind.INVALID_VALUE, "must be an integer, not a number", n -> put(n, "/ns", "0.5")),
                tree(
                        "Q42",
                        "modified",
                        Kind.INVALID_VALUE,
                        "not a timestamp",
                        n -> put(n, "/modified", "\"2025-01-01\"")),
                tree("Q42", "lemmas", Kind.INVALID_VALUE, "not a field of an item", n -> put(n, "/lemmas", "{}")),
                raw(
                        "Q42",
                        "type",
                        Kind.INVALID_VALUE,
                        "duplicate key",
                        s -> s.replaceFirst("\"type\":\"item\"", "\"type\":\"item\",\"type\":\"item\"")),
                tree("P31", "datatype", Kind.MISSING_FIELD, "a property needs a datatype", n -> remove(n, "/datatype")),
                tree("M566797", "claims", Kind.INVALID_VALUE, "mediainfo has statements", n -> put(n, "/claims", "{}")),
                // terms
                tree(
                        "Q42",
                        "labels",
                        Kind.INVALID_VALUE,
                        "must be an object of terms by language, not a string",
                        n -> put(n, "/labels", "\"x\"")),
                tree(
                        "Q42",
                        "labels",
                        Kind.INVALID_VALUE,
                        "only an empty array may stand for an empty map",
                        n -> put(n, "/labels", "[1]")),
                tree(
                        "Q42",
                        "descriptions.en.language",
                        Kind.INCONSISTENT,
                        "'de' differs from the key 'en'",
                        n -> put(n, "/descriptions/en/language", "\"de\"")),
                tree(
                        "Q42",
                        "descriptions.EN",
                        Kind.INVALID_VALUE,
                        "key 'EN' is not a valid language code",
                        n -> rename(n, "/descriptions", "en", "EN")),
                tree(
                        "Q42",
                        "descriptions.en.value",
                        Kind.MISSING_FIELD,
                        "needs a value",
                        n -> remove(n, "/descriptions/en/value")),
                tree(
                        "Q42",
                        "descriptions.en.value",
                        Kind.INVALID_VALUE,
                        "must be a string, not a number",
                        n -> put(n, "/descriptions/en/value", "42")),
                tree(
                        "Q42",
                        "aliases.ar",
                        Kind.INVALID_VALUE,
                        "must be an array of alias terms, not an object",
                        n -> put(n, "/aliases/ar", "{}")),
                tree(
                        "Q42",
                        "aliases.ar[1].language",
                        Kind.INCONSISTENT,
                        "differs from the key 'ar'",
                        n -> put(n, "/aliases/ar/1/language", "\"en\"")),
                // sitelinks
                tree(
                        "Q42",
                        "sitelinks.enwiki.site",
                        Kind.INCONSISTENT,
                        "'dewiki' differs from the key 'enwiki'",
                        n -> put(n, "/sitelinks/enwiki/site", "\"dewiki\"")),
                tree(
                        "Q42",
                        "sitelinks.enwiki.title",
                        Kind.MISSING_FIELD,
                        "needs a title",
                        n -> remove(n, "/sitelinks/enwiki/title")),
                tree(
                        "Q42",
                        "sitelinks.enwiki.badges[0]",
                        Kind.INVALID_VALUE,
                        "'X1' is not an item id",
                        n -> put(n, "/sitelinks/enwiki/badges", "[\"X1\"]")),
                tree(
                        "Q42",
                        "sitelinks[\"en wiki\"]",
                        Kind.INVALID_VALUE,
                        "is not a site id",
                        n -> rename(n, "/sitelinks", "enwiki", "en wiki")),
                // statements
                tree(
                        "Q42",
                        "claims.Q31",
                        Kind.INVALID_VALUE,
                        "key 'Q31' is not a property id",
                        n -> rename(n, "/claims", "P31", "Q31")),
                tree(
                        "Q42",
                        "claims.P999999[0].mainsnak.property",
                        Kind.INCONSISTENT,
                        "differs from the key P999999",
                        n -> rename(n, "/claims", "P31", "P999999")),
                tree(
                        "Q42",
                        "claims.P31[0]",
                        Kind.INVALID_VALUE,
                        "must be a statement object, not a string",
                        n -> put(n, "/claims/P31/0", "\"x\"")),
                tree(
                        "Q42",
                        "claims.P31[0].mainsnak",
                        Kind.MISSING_FIELD,
                        "needs a mainsnak",
                        n -> remove(n, "/claims/P31/0/mainsnak")),
                tree(
                        "Q42",
                        "claims.P31[0].rank",
                        Kind.INVALID_VALUE,
                        "unknown rank 'best'",
                        n -> put(n, "/claims/P31/0/rank", "\"best\"")),
                tree(
                        "Q42",
                        "claims.P31[0].type",
                        Kind.INVALID_VALUE,
                        "must be \"statement\"",
                        n -> put(n, "/claims/P31/0/type", "\"claimz\"")),
                tree(
                        "Q42",
                        "claims.P31[0].id",
                        Kind.INVALID_VALUE,
                        "is not a statement id",
                        n -> put(n, "/claims/P31/0/id", "\"Q42-123\"")),
                tree(
                        "Q42",
                        "claims.P31[0].id",
                        Kind.INCONSISTENT,
                        "belongs to Q43, not to Q42",
                        n -> put(n, "/claims/P31/0/id", "\"Q43" + GUID + "\"")),
                tree(
                        "Q42",
                        "claims.P69[1].id",
                        Kind.INCONSISTENT,
                        "duplicate statement id",
                        n -> put(n, "/claims/P69/1/id", n.at("/claims/P69/0/id").toString())),
                tree(
                        "Q42",
                        "claims.P31[0].qualifiers.P806[0].property",
                        Kind.INCONSISTENT,
                        "differs from the key P806",
                        n -> {
                            rename(n, "/claims/P31/0/qualifiers", "P805", "P806");
                            put(n, "/claims/P31/0/qualifiers-order", "[\"P806\"]");
                        }),
                tree(
                        "Q42",
                        "claims.P31[0].qualifiers-order[1]",
                        Kind.INCONSISTENT,
                        "P1 has no snaks in qualifiers",
                        n -> put(n, "/claims/P31/0/qualifiers-order", "[\"P805\",\"P1\"]")),
                tree(
                        "Q42",
                        "claims.P31[0].qualifiers-order",
                        Kind.INCONSISTENT,
                        "lacks P805",
                        n -> put(n, "/claims/P31/0/qualifiers-order", "[]")),
                tree(
                        "Q42",
                        "claims.P31[0].references[0].snaks-order[1]",
                        Kind.INCONSISTENT,
                        "P248 is listed twice",
                        n -> put(
                                n,
                                "/claims/P31/0/references/0/snaks-order",
                                "[\"P248\",\"P248\",\"P268\",\"P407\",\"P813\"]")),
                tree(
                        "Q42",
                        "claims.P31[0].references[0].snaks",
                        Kind.MISSING_FIELD,
                        "needs snaks",
                        n -> remove(n, "/claims/P31/0/references/0/snaks")),
                tree(
                        "Q42",
                        "claims.P31[0].references[0].hash",
                        Kind.INVALID_VALUE,
                        "'abc' is not a hash",
                        n -> put(n, "/claims/P31/0/references/0/hash", "\"abc\"")),
                tree(
                        "Q42",
                        "claims.P31[0].references",
                        Kind.INVALID_VALUE,
                        "must be an array of references, not an object",
                        n -> put(n, "/claims/P31/0/references", "{}")),
                // snaks
                tree(
                        "Q42",
                        "claims.P31[0].mainsnak.snaktype",
                        Kind.INVALID_VALUE,
                        "unknown snaktype 'values'",
                        n -> put(n, "/claims/P31/0/mainsnak/snaktype", "\"values\"")),
                tree(
                        "Q42",
                        "claims.P31[0].mainsnak.property",
                        Kind.INVALID_VALUE,
                        "'P-1' is not a property id",
                        n -> put(n, "/claims/P31/0/mainsnak/property", "\"P-1\"")),
                tree(
                        "Q42",
                        "claims.P31[0].mainsnak.hash",
                        Kind.INVALID_VALUE,
                        "is not a hash",
                        n -> put(n, "/claims/P31/0/mainsnak/hash", "\"AD7D38A03CDD40CDC373DE0DC4E7B7FCBCCB31D9\"")),
                tree(
                        "Q42",
                        "claims.P31[0].mainsnak.datavalue",
                        Kind.MISSING_FIELD,
                        "a value snak needs a datavalue",
                        n -> remove(n, "/claims/P31/0/mainsnak/datavalue")),
                tree(
                        "Q42",
                        "claims.P31[0].mainsnak.datavalue",
                        Kind.INVALID_VALUE,
                        "a novalue snak has no datavalue",
                        n -> put(n, "/claims/P31/0/mainsnak/snaktype", "\"novalue\"")),
                tree(
                        "Q42",
                        "claims.P31[0].mainsnak.datavalue.type",
                        Kind.INVALID_VALUE,
                        "unknown datavalue type 'item'",
                        n -> put(n, "/claims/P31/0/mainsnak/datavalue/type", "\"item\"")),
                tree(
                        "Q42",
                        "claims.P31[0].mainsnak.datavalue.type",
                        Kind.INCONSISTENT,
                        "datatype wikibase-item takes wikibase-entityid values",
                        n -> put(n, "/claims/P31/0/mainsnak/datavalue", "{\"value\":\"Q5\",\"type\":\"string\"}")),
                tree(
                        "Q42",
                        "claims.P31[0].mainsnak.datavalue.value.entity-type",
                        Kind.INCONSISTENT,
                        "takes item ids",
                        n -> put(n, ITEM_VALUE, "{\"entity-type\":\"property\",\"numeric-id\":5,\"id\":\"P5\"}")),
                tree(
                        "Q42",
                        "claims.P31[0].mainsnak.datavalue.value.id",
                        Kind.INCONSISTENT,
                        "P5 is not of entity-type item",
                        n -> put(n, ITEM_VALUE + "/id", "\"P5\"")),
                tree(
                        "Q42",
                        "claims.P31[0].mainsnak.datavalue.value.numeric-id",
                        Kind.INCONSISTENT,
                        "6 does not match id Q5",
                        n -> put(n, ITEM_VALUE + "/numeric-id", "6")),
                tree(
                        "Q42",
                        "claims.P31[0].mainsnak.datavalue.value.id",
                        Kind.MISSING_FIELD,
                        "needs id",
                        n -> put(n, ITEM_VALUE, "{\"entity-type\":\"item\"}")),
                tree(
                        "Q42",
                        "claims.P31[0].mainsnak.datavalue.value.numeric-id",
                        Kind.INVALID_VALUE,
                        "has no numeric id",
                        n -> {
                            put(n, "/claims/P31/0/mainsnak/datatype", "\"wikibase-form\"");
                            put(n, ITEM_VALUE, "{\"entity-type\":\"form\",\"numeric-id\":1,\"id\":\"L1-F1\"}");
                        }),
                tree(
                        "Q42",
                        "claims.P31[0].mainsnak.datavalue.value",
                        Kind.INVALID_VALUE,
                        "must be a string or an object, not an array",
                        n -> put(n, ITEM_VALUE, "[]")),
                // time
                tree(
                        "Q42",
                        "claims.P569[0].mainsnak.datavalue.value.time",
                        Kind.INVALID_VALUE,
                        "must look like +2023-05-10T00:00:00Z",
                        n -> put(n, TIME + "/time", "\"1952-03-11\"")),
                tree(
                        "Q42",
                        "claims.P569[0].mainsnak.datavalue.value.time",
                        Kind.INVALID_VALUE,
                        "has month 13",
                        n -> put(n, TIME + "/time", "\"+1952-13-11T00:00:00Z\"")),
                tree(
                        "Q42",
                        "claims.P569[0].mainsnak.datavalue.value.precision",
                        Kind.INVALID_VALUE,
                        "from 0 to 14",
                        n -> put(n, TIME + "/precision", "15")),
                tree(
                        "Q42",
                        "claims.P569[0].mainsnak.datavalue.value.precision",
                        Kind.INVALID_VALUE,
                        "must be an integer, not a string",
                        n -> put(n, TIME + "/precision", "\"11\"")),
                tree(
                        "Q42",
                        "claims.P569[0].mainsnak.datavalue.value.timezone",
                        Kind.INVALID_VALUE,
                        "from -720 to 840",
                        n -> put(n, TIME + "/timezone", "900")),
                tree(
                        "Q42",
                        "claims.P569[0].mainsnak.datavalue.value.calendarmodel",
                        Kind.MISSING_FIELD,
                        "required for datavalue type time",
                        n -> remove(n, TIME + "/calendarmodel")),
                // quantity
                tree(
                        "Q42",
                        "claims.P2048[0].mainsnak.datavalue.value.amount",
                        Kind.INVALID_VALUE,
                        "'1.96' is not a decimal",
                        n -> put(n, QUANTITY + "/amount", "\"1.96\"")),
                tree(
                        "Q42",
                        "claims.P2048[0].mainsnak.datavalue.value.lowerBound",
                        Kind.MISSING_FIELD,
                        "both or neither",
                        n -> put(n, QUANTITY + "/upperBound", "\"+2\"")),
                tree(
                        "Q42",
                        "claims.P2048[0].mainsnak.datavalue.value.lowerBound",
                        Kind.INCONSISTENT,
                        "+1.97 is greater than the amount +1.96",
                        n -> {
                            put(n, QUANTITY + "/upperBound", "\"+2\"");
                            put(n, QUANTITY + "/lowerBound", "\"+1.97\"");
                        }),
                tree(
                        "Q42",
                        "claims.P2048[0].mainsnak.datavalue.value.unit",
                        Kind.INVALID_VALUE,
                        "must be \"1\" or an entity URI",
                        n -> put(n, QUANTITY + "/unit", "\"kg\"")),
                // monolingual text and globe coordinates
                tree(
                        "Q42",
                        "claims.P1559[0].mainsnak.datavalue.value.language",
                        Kind.INVALID_VALUE,
                        "'EN' is not a valid language code",
                        n -> put(n, "/claims/P1559/0/mainsnak/datavalue/value/language", "\"EN\"")),
                tree(
                        "Q22",
                        "claims.P625[0].mainsnak.datavalue.value.latitude",
                        Kind.INVALID_VALUE,
                        "must be from -90 to 90, not 91",
                        n -> put(n, GLOBE + "/latitude", "91")),
                tree(
                        "Q22",
                        "claims.P625[0].mainsnak.datavalue.value.longitude",
                        Kind.INVALID_VALUE,
                        "must be a number, not a string",
                        n -> put(n, GLOBE + "/longitude", "\"-5\"")),
                tree(
                        "Q22",
                        "claims.P625[0].mainsnak.datavalue.value.precision",
                        Kind.INVALID_VALUE,
                        "must be from 0 to 360",
                        n -> put(n, GLOBE + "/precision", "-1.0e-5")),
                // lexemes
                tree(
                        "L42",
                        "lexicalCategory",
                        Kind.INVALID_VALUE,
                        "'L1' is not an item id",
                        n -> put(n, "/lexicalCategory", "\"L1\"")),
                tree(
                        "L42",
                        "forms[1].id",
                        Kind.INCONSISTENT,
                        "L43-F2 does not belong to lexeme L42",
                        n -> put(n, "/forms/1/id", "\"L43-F2\"")),
                tree(
                        "L42",
                        "forms[0].id",
                        Kind.INVALID_VALUE,
                        "is not a form id like L42-F1",
                        n -> put(n, "/forms/0/id", "\"L42-S9\"")),
                tree(
                        "L42",
                        "forms[2].id",
                        Kind.INCONSISTENT,
                        "duplicate id L42-F1",
                        n -> put(n, "/forms/2/id", "\"L42-F1\"")),
                tree(
                        "L42",
                        "forms[0].grammaticalFeatures",
                        Kind.MISSING_FIELD,
                        "needs grammaticalFeatures",
                        n -> remove(n, "/forms/0/grammaticalFeatures")),
                tree(
                        "L42",
                        "forms[0].claims.P443[0].id",
                        Kind.INCONSISTENT,
                        "belongs to L42, not to L42-F1",
                        n -> put(n, "/forms/0/claims/P443/0/id", "\"L42" + GUID + "\"")),
                tree(
                        "L42",
                        "senses[0].glosses.en.language",
                        Kind.INCONSISTENT,
                        "differs from the key 'en'",
                        n -> put(n, "/senses/0/glosses/en/language", "\"fr\"")),
                tree(
                        "L42",
                        "nextFormId",
                        Kind.INCONSISTENT,
                        "is 3 but L42-F4 exists",
                        n -> put(n, "/nextFormId", "3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachMutationIsReportedAtItsPath(Case c) {
        String json = c.mutation().apply(BASES.get(c.base()));
        WikibaseJsonException e = catchThrowableOfType(
                WikibaseJsonException.class, () -> WikibaseJsonReader.strict().readEntity(json));
        assertThat(e).as("no error for %s", c).isNotNull();
        assertThat(e.path()).isEqualTo(c.path());
        assertThat(e.detail()).contains(c.fragment());
        assertThat(e.kind()).isEqualTo(c.kind());
        assertThat(e.getMessage()).isEqualTo((c.path().isEmpty() ? "(root)" : c.path()) + ": " + e.detail());
    }

    @Test
    void thereAreAtLeastThirtyFiveKindsOfMutation() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(35);
    }

    @Test
    void theUnmutatedBasesAreValid() {
        BASES.forEach((id, json) -> assertThat(
                        WikibaseJsonReader.strict().readEntity(json).id().value())
                .isEqualTo(id));
    }

    // ---------------------------------------------------------------- not Wikibase JSON at all

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "nul",
                "{",
                "{\"type\":\"item\"",
                "{\"type\":\"item\",}",
                "{\"type\" \"item\"}",
                "{'type':'item'}",
                "{\"type\":\"item\"} {}",
                "{\"type\":\"item\"}]",
                "[]",
                "[{\"type\":\"item\"}]",
                "42",
                "\"item\"",
                "null",
                "true",
                "{\"type\":\"item\",\"claims\":{\"P31\":[{\"mainsnak\":{\"snaktype\":\"value\",\"property\":\"P31\",\"datavalue\":{\"value\":{\"time\":01}}}}]}}"
            })
    void garbageGivesALocatedError(String json) {
        Throwable thrown = catchThrowable(() -> WikibaseJsonReader.strict().readEntity(json));
        assertThat(thrown).isInstanceOf(WikibaseJsonException.class);
        assertThat(((WikibaseJsonException) thrown).path()).isNotNull();
    }

    @Test
    void syntaxErrorsCarryThePathAndPosition() {
        WikibaseJsonException e = catchThrowableOfType(
                WikibaseJsonException.class,
                () -> WikibaseJsonReader.strict()
                        .readEntity("{\"type\":\"item\",\"labels\":{\"en\":{\"language\":\"en\",\"value\":x}}}"));
        assertThat(e.kind()).isEqualTo(Kind.SYNTAX);
        assertThat(e.path()).isEqualTo("labels.en.value");
        assertThat(e.detail()).contains("line 1, column");
    }

    @Test
    void wrongRootTypesAreNamed() {
        WikibaseJsonReader reader = WikibaseJsonReader.strict();
        assertThat(error(() -> reader.readEntity("[]")).getMessage())
                .isEqualTo("(root): must be an entity object, not an array");
        assertThat(error(() -> reader.readStatement("\"x\"", null)).getMessage())
                .isEqualTo("(root): must be a statement object, not a string");
        assertThat(error(() -> reader.readStatementList("{}", null)).getMessage())
                .isEqualTo("(root): must be an array of statements, not an object");
        assertThat(error(() -> reader.readTerms("[1]")).detail()).contains("only an empty array");
        assertThat(error(() -> reader.readEntity("")).kind()).isEqualTo(Kind.SYNTAX);
    }

    @Test
    void invalidUtf8IsASyntaxError() {
        byte[] json = "{\"type\":\"item\",\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"AB\"}}}"
                .getBytes(StandardCharsets.UTF_8);
        int at = new String(json, StandardCharsets.UTF_8).indexOf("AB");
        json[at] = (byte) 0xC3;
        json[at + 1] = (byte) 0x28; // not a continuation byte
        byte[] broken = json;
        WikibaseJsonException e = catchThrowableOfType(
                WikibaseJsonException.class, () -> WikibaseJsonReader.strict().readEntity(broken));
        assertThat(e.kind()).isEqualTo(Kind.SYNTAX);
        assertThat(e.path()).isEqualTo("labels.en.value");
    }

    /** Every prefix of a real entity (at many cut points) is an error, and only ever a located one. */
    @Test
    void truncatedJsonGivesALocatedError() {
        byte[] json = BASES.get("L42").getBytes(StandardCharsets.UTF_8);
        int checked = 0;
        for (int cut = 0; cut < json.length; cut += json.length / 400) {
            byte[] prefix = java.util.Arrays.copyOf(json, cut);
            Throwable thrown = catchThrowable(() -> WikibaseJsonReader.strict().readEntity(prefix));
            assertThat(thrown).as("cut at %d", cut).isInstanceOf(WikibaseJsonException.class);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(400);
    }

    /** Random byte flips: the reader either reads the result or reports a located error; nothing else escapes. */
    @Test
    void randomByteFlipsNeverEscapeAsOtherExceptions() {
        byte[] original = BASES.get("L42").getBytes(StandardCharsets.UTF_8);
        Random random = new Random(20251128);
        String alphabet = "{}[]\",:0123456789-+.eE tfnulQPLF$x\\";
        int rejected = 0;
        for (int i = 0; i < 1000; i++) {
            byte[] json = original.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                json[random.nextInt(json.length)] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            Throwable thrown = catchThrowable(() -> WikibaseJsonReader.strict().readEntity(json));
            if (thrown != null) {
                assertThat(thrown).isInstanceOf(WikibaseJsonException.class);
                rejected++;
            }
        }
        assertThat(rejected).isGreaterThan(250);
    }

    // ---------------------------------------------------------------- parts read alone

    @Test
    void partsReadAloneAreLocatedRelativeToThemselves() {
        WikibaseJsonReader reader = WikibaseJsonReader.strict();
        String statement = node("Q42").at("/claims/P569/0").toString();
        assertThat(reader.readStatement(statement, EntityId.parse("Q42")).property())
                .isEqualTo("P569");

        WikibaseJsonException foreign = error(() -> reader.readStatement(statement, EntityId.parse("Q1")));
        assertThat(foreign.path()).isEqualTo("id");
        assertThat(foreign.detail()).contains("belongs to Q42, not to Q1");
        // A service locates it inside its request body.
        assertThat(foreign.withPathPrefix("statement").path()).isEqualTo("statement.id");

        String list = "[" + statement + "," + statement.replace("\"rank\":\"normal\"", "\"rank\":\"top\"") + "]";
        assertThat(error(() -> reader.readStatementList(list, null)).path()).isEqualTo("[1].rank");

        String form = node("L42").at("/forms/1").toString();
        assertThat(error(() -> reader.readForm(form, EntityId.parse("L7"))).getMessage())
                .isEqualTo("id: L42-F2 does not belong to lexeme L7");
        assertThat(reader.readForm(form, EntityId.parse("L42")).id().value()).isEqualTo("L42-F2");

        assertThat(error(() -> reader.readSnak("{\"snaktype\":\"somevalue\"}")).getMessage())
                .isEqualTo("property: a snak needs a property");
        assertThat(error(() -> reader.readTerm("{\"language\":\"en\",\"value\":null}"))
                        .getMessage())
                .isEqualTo("value: must be a string, not null");
        assertThat(error(() -> reader.readSitelinks("{\"enwiki\":{\"site\":\"enwiki\",\"title\":\"\"}}"))
                        .getMessage())
                .isEqualTo("enwiki.title: must not be empty");
        assertThat(error(() -> reader.readDataValue("{\"value\":{\"amount\":\"+1\"},\"type\":\"quantity\"}"))
                        .getMessage())
                .isEqualTo("value.unit: required for datavalue type quantity");
    }

    @Test
    void theLenientReaderAcceptsWhatOnlyStrictModeForbids() {
        String json = BASES.get("Q42")
                .replace("\"id\":\"q42" + GUID + "\"", "\"id\":\"Q43" + GUID + "\"")
                .replace("\"hash\":\"ad7d38a03cdd40cdc373de0dc4e7b7fcbccb31d9\"", "\"hash\":\"not-a-hash\"");
        assertThat(json).contains("Q43" + GUID).contains("not-a-hash");
        assertThat(error(() -> WikibaseJsonReader.strict().readEntity(json)).kind())
                .isNotNull();
        assertThat(WikibaseJsonReader.lenient().readEntity(json).id().value()).isEqualTo("Q42");
    }

    // ---------------------------------------------------------------- helpers

    private static WikibaseJsonException error(Runnable read) {
        Throwable thrown = catchThrowable(read::run);
        assertThat(thrown).isInstanceOf(WikibaseJsonException.class);
        return (WikibaseJsonException) thrown;
    }

    private static Case tree(String base, String path, Kind kind, String fragment, Consumer<ObjectNode> mutation) {
        return new Case(base, path, kind, fragment, json -> {
            ObjectNode node = BASE_TREES.computeIfAbsent(base, b -> parse(json)).deepCopy();
            mutation.accept(node);
            return node.toString();
        });
    }

    private static Case raw(String base, String path, Kind kind, String fragment, UnaryOperator<String> mutation) {
        return new Case(base, path, kind, fragment, json -> {
            String mutated = mutation.apply(json);
            assertThat(mutated).as("raw mutation applies").isNotEqualTo(json);
            return mutated;
        });
    }

    /** Sets the value at a JSON pointer (object field or array element); the parent must exist. */
    private static void put(ObjectNode root, String pointer, String json) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = root.at(p.head());
        JsonNode value = parse(json);
        if (parent instanceof ObjectNode o) {
            o.set(p.last().getMatchingProperty(), value);
        } else if (parent instanceof ArrayNode a) {
            a.set(p.last().getMatchingIndex(), value);
        } else {
            throw new AssertionError("no parent for " + pointer);
        }
    }

    private static void remove(ObjectNode root, String pointer) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode removed = ((ObjectNode) root.at(p.head())).remove(p.last().getMatchingProperty());
        assertThat(removed).as("%s exists", pointer).isNotNull();
    }

    /** Renames a key, keeping its value (the entry moves to the end of the object). */
    private static void rename(ObjectNode root, String objectPointer, String from, String to) {
        ObjectNode object = (ObjectNode) root.at(objectPointer);
        JsonNode value = object.remove(from);
        assertThat(value).as("%s/%s exists", objectPointer, from).isNotNull();
        object.set(to, value);
    }

    private static JsonNode node(String base) {
        return parse(BASES.get(base));
    }

    @SuppressWarnings("unchecked")
    private static <T extends JsonNode> T parse(String json) {
        try {
            return (T) MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real entities the cases mutate, compact JSON as written by Jackson. */
    private static Map<String, String> bases() {
        List<FixtureEntity> all = new ArrayList<>(WikidataFixtures.entities());
        all.addAll(WikidataFixtures.mediaInfo());
        Map<String, String> bases = new LinkedHashMap<>();
        for (FixtureEntity e : all) {
            if (List.of("Q42", "Q22", "P31", "L42", "M566797").contains(e.id())) {
                bases.put(e.id(), parse(e.json()).toString());
            }
        }
        assertThat(bases).hasSize(5);
        return bases;
    }
}
