package org.entitybase.entity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.entitybase.entity.support.RealLexemes;
import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.FixtureEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.LexemesIT.lexeme;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.reader;
import static org.entitybase.entity.support.Edits.error;
import static org.entitybase.entity.support.Edits.written;

/**
 * {@code GET /lexemes}: every lemma and every representation of the 8 real lexemes (copies under fresh ids) is
 * found exactly and by prefix, case-sensitively, by language and lexical category, page by page; edits show at once.
 */
@QuarkusTest
class LexemeSearchIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLemmaAndRepresentationOfTheRealLexemesIsFound() throws Exception {
        int lemmas = 0;
        int representations = 0;
        for (FixtureEntity real : WikidataFixtures.entities()) {
            if (!real.type().equals("lexeme")) {
                continue;
            }
            String id = RealLexemes.copy(real.id());
            JsonNode lexeme = JSON.readTree(RealLexemes.renamed(real.json(), real.id(), id));
            String category = lexeme.get("lexicalCategory").asText();
            for (JsonNode lemma : iterable(lexeme.get("lemmas"))) {
                String language = lemma.get("language").asText();
                String text = lemma.get("value").asText();
                assertThat(search("lemma", text, "&language=" + language)).contains(id + " " + language + " " + text);
                assertThat(search("lemma", text, "&category=" + category)).contains(id + " " + language + " " + text);
                assertThat(search("lemma", prefixOf(text), "&prefix=true&language=" + language))
                        .contains(id + " " + language + " " + text);
                assertThat(search("lemma", text, "&category=Q1")).doesNotContain(id + " " + language + " " + text);
                String swapped = swapCase(text);
                if (!swapped.equals(text)) {
                    assertThat(search("lemma", swapped, "")).doesNotContain(id + " " + language + " " + text);
                }
                lemmas++;
            }
            for (JsonNode form : iterable(lexeme.get("forms"))) {
                String formId = form.get("id").asText();
                for (JsonNode representation : iterable(form.get("representations"))) {
                    String language = representation.get("language").asText();
                    String text = representation.get("value").asText();
                    String expected = id + " " + formId + " " + language + " " + text;
                    assertThat(search("representation", text, "")).contains(expected);
                    assertThat(search("representation", prefixOf(text), "&prefix=true&language=" + language))
                            .contains(expected);
                    representations++;
                }
            }
        }
        assertThat(lemmas).isGreaterThanOrEqualTo(8);
        assertThat(representations).isGreaterThan(40);
        System.out.printf("lemma search: %d lemmas and %d representations found%n", lemmas, representations);
    }

    @Test
    void pagesFollowTheCursorAndEditsShowAtOnce() {
        String id = RealLexemes.copy("L1883");
        String lemma = "zz" + System.nanoTime();
        written(lexeme(id, "lemmas/en").body("\"" + lemma + "\"").put(), 200, 2);
        List<String> languages = List.of("de", "fr", "es", "it", "nl");
        for (int i = 0; i < 5; i++) {
            written(
                    lexeme(id, "lemmas/" + languages.get(i))
                            .body("\"" + lemma + "-" + i + "\"")
                            .put(),
                    200,
                    3 + i);
        }
        List<String> all = search("lemma", lemma, "&prefix=true");
        assertThat(all).hasSize(6).first().isEqualTo(id + " en " + lemma);

        List<String> paged = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Response page = reader().get(path(
                    "/lexemes?lemma=" + lemma + "&prefix=true&limit=2" + (after == null ? "" : "&after=" + after)));
            assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
            paged.addAll(rows(page));
            after = page.jsonPath().getString("next");
            pages++;
        } while (after != null);
        assertThat(paged).isEqualTo(all);
        assertThat(pages).isEqualTo(3);

        assertThat(search("lemma", "five", "&language=en")).doesNotContain(id + " en five");
        written(lexeme(id, "lexicalCategory").body("\"Q1084\"").put(), 200, 8);
        assertThat(search("lemma", lemma, "&category=Q1084")).containsExactly(id + " en " + lemma);
        assertThat(search("lemma", lemma, "&category=Q24905")).isEmpty();
        // wildcards are text
        assertThat(search("lemma", lemma.substring(0, 2) + "%", "&prefix=true")).isEmpty();

        // a prefix ending in a 4-byte character (a regional indicator, a Gothic letter) finds through the index
        String astral = lemma + "\uD83C\uDDFA\uD83C\uDDF8\uD800\uDF30";
        written(lexeme(id, "lemmas/en").body("\"" + astral + "\"").put(), 200, 9);
        String upToFlagHalf = astral.substring(0, lemma.length() + 2);
        assertThat(search("lemma", upToFlagHalf, "&prefix=true&language=en")).containsExactly(id + " en " + astral);
        assertThat(search("lemma", astral.substring(0, astral.length() - 2), "&prefix=true&language=en"))
                .containsExactly(id + " en " + astral);
    }

    @Test
    void badQueriesAre400() {
        error(reader().get(path("/lexemes")), 400, "invalid-parameter");
        error(reader().get(path("/lexemes?lemma=a&representation=b")), 400, "invalid-parameter");
        error(reader().get(path("/lexemes?lemma=")), 400, "invalid-parameter");
        error(reader().get(path("/lexemes?lemma=a&language=EN")), 400, "invalid-value");
        error(reader().get(path("/lexemes?lemma=a&category=P31")), 400, "invalid-parameter");
        error(reader().get(path("/lexemes?lemma=a&prefix=yes")), 400, "invalid-parameter");
        error(reader().get(path("/lexemes?lemma=a&limit=0")), 400, "invalid-parameter");
        error(reader().get(path("/lexemes?lemma=a&after=!!")), 400, "invalid-parameter");
    }

    /** Every match ("lexeme [form] language value"), up to 500. */
    private static List<String> search(String kind, String text, String more) {
        // the text is encoded here: RestAssured would encode it again
        Response r = reader().urlEncodingEnabled(false)
                .get(path("/lexemes?" + kind + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + more
                        + "&limit=500"));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return rows(r);
    }

    private static List<String> rows(Response r) {
        List<String> out = new ArrayList<>();
        for (Map<String, String> m : r.jsonPath().<Map<String, String>>getList("lexemes")) {
            Map<String, String> row = new LinkedHashMap<>(m);
            out.add(row.get("id") + (row.containsKey("form") ? " " + row.get("form") : "") + " " + row.get("language")
                    + " " + row.get("value"));
        }
        return out;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        node.elements().forEachRemaining(out::add);
        return out;
    }

    private static String prefixOf(String text) {
        int end = text.offsetByCodePoints(0, Math.min(3, text.codePointCount(0, text.length())));
        return text.substring(0, end);
    }

    private static String swapCase(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints()
                .forEach(c -> out.appendCodePoint(
                        Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c)));
        return out.toString();
    }
}
