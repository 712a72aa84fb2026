package org.entitybase.model.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.entitybase.model.entity.Item;
import org.entitybase.model.error.WikibaseJsonException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Invalid UTF-8, lone surrogates (escaped and raw) and raw control characters are {@code invalid-json} with the path of
 * the bad value, from the strict entity reader and from {@link StrictJson} alike.
 */
class BadBytesTest {

    /** {"labels":{"en":{"language":"en","value":"a<bad>b"}}} with {@code bad} spliced in as raw bytes. */
    private static byte[] itemWithLabelBytes(byte... bad) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"type\":\"item\",\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"a"
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes("b\"}}}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] bytes(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "invalid start byte, ff",
        "truncated sequence, c3",
        "bad continuation, e282",
        "raw high surrogate (CESU), eda080",
        "raw low surrogate, edb080",
        "raw control character, 01",
        "raw NUL, 00",
        "escaped lone high surrogate, 5c7564383030",
        "escaped lone low surrogate, 5c7564633030",
        "escaped pair reversed, 5c75646330305c7564383030",
    })
    void badBytesInALabelAre400WithThePathOfTheLabel(String what, String hex) {
        byte[] body = itemWithLabelBytes(bytes(hex));
        assertThatThrownBy(() -> WikibaseJsonReader.strict().readEntity(body, null))
                .as(what)
                .isInstanceOfSatisfying(WikibaseJsonException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid-json");
                    assertThat(e.path()).isEqualTo("labels.en.value");
                });
        assertThatThrownBy(() -> StrictJson.readTree(body))
                .as(what)
                .isInstanceOfSatisfying(WikibaseJsonException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid-json");
                    assertThat(e.path()).isEqualTo("labels.en.value");
                });
    }

    @Test
    void aLoneSurrogateInAKeyIsLocatedAtTheObjectHoldingIt() {
        byte[] body =
                "{\"labels\":{\"\\ud800\":{\"language\":\"en\",\"value\":\"x\"}}}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> StrictJson.readTree(body))
                .isInstanceOfSatisfying(
                        WikibaseJsonException.class, e -> assertThat(e.path()).isEqualTo("labels"));
    }

    @Test
    void validSupplementaryCharactersAndEscapesPass() {
        String label = "emoji \uD83D\uDE00, escaped \\ud83d\\ude00, tab \\t";
        byte[] body = ("{\"type\":\"item\",\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"" + label + "\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(((Item) WikibaseJsonReader.strict().readEntity(body, null))
                        .fingerprint()
                        .labels()
                        .get("en")
                        .value())
                .isEqualTo("emoji \uD83D\uDE00, escaped \uD83D\uDE00, tab \t");
        assertThat(StrictJson.readTree(body).at("/labels/en/value").textValue())
                .isEqualTo("emoji \uD83D\uDE00, escaped \uD83D\uDE00, tab \t");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"never UTF-8, ff", "overlong, c0af", "surrogate, eda080", "above U+10FFFF, f4908080", "cut, e282"})
    void badBytesInAKeyAreRefusedToo(String what, String hex) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(
                "{\"type\":\"item\",\"labels\":{\"en\":{\"language\":\"en\",\"valu".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes(hex));
        out.writeBytes("e\":\"x\"}}}".getBytes(StandardCharsets.UTF_8));
        byte[] body = out.toByteArray();
        assertThatThrownBy(() -> StrictJson.readTree(body))
                .as(what)
                .isInstanceOfSatisfying(WikibaseJsonException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid-json");
                    assertThat(e.path()).startsWith("labels.en");
                });
        assertThatThrownBy(() -> WikibaseJsonReader.strict().readEntity(body, null))
                .as(what)
                .isInstanceOf(WikibaseJsonException.class);
    }

    @Test
    void wellFormedUtf8IsTellApartFromEveryMalformedKind() {
        assertThat(Utf8Check.firstInvalid("a é € 😀".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(-1);
        assertThat(Utf8Check.firstInvalid(bytes("41e08080"))).isEqualTo(1); // overlong
        assertThat(Utf8Check.firstInvalid(bytes("41eda080"))).isEqualTo(1); // surrogate
        assertThat(Utf8Check.firstInvalid(bytes("41f4908080"))).isEqualTo(1); // above U+10FFFF
        assertThat(Utf8Check.firstInvalid(bytes("41f09f98"))).isEqualTo(1); // cut at the end
        assertThat(Utf8Check.firstInvalid(bytes("4180"))).isEqualTo(1); // stray continuation
    }

    @Test
    void hugeFloatsStayNumbersWhenATreeIsWrittenBack() throws Exception {
        var tree = StrictJson.readTree("{\"title\":1e400,\"n\":-2.50}".getBytes(StandardCharsets.UTF_8));
        String written = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(tree);
        assertThat(written).isEqualTo("{\"title\":1E+400,\"n\":-2.50}");
    }

    @Test
    void aBodyStartingWithAControlCharacterIsInvalidJson() {
        byte[] body = "\u0001{}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> StrictJson.readTree(body))
                .isInstanceOfSatisfying(
                        WikibaseJsonException.class, e -> assertThat(e.code()).isEqualTo("invalid-json"));
        assertThatThrownBy(() -> WikibaseJsonReader.strict().readEntity(body, null))
                .isInstanceOfSatisfying(
                        WikibaseJsonException.class, e -> assertThat(e.code()).isEqualTo("invalid-json"));
    }
}
