package org.entitybase.model.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.entitybase.model.id.EntityId;

import static org.assertj.core.api.Assertions.assertThat;

class WikibaseSyntaxTest {

    /** The hand-written id parser agrees with EntityId.tryParse's regular expressions. */
    @Test
    void parseEntityIdAgreesWithEntityIdTryParse() {
        List<String> inputs = new ArrayList<>(List.of(
                "Q42",
                "P31",
                "L42",
                "M1",
                "E79",
                "L42-F1",
                "L42-S12",
                "Q0",
                "Q01",
                "q42",
                "Q",
                "",
                "Q42-F1",
                "L42-F",
                "L42-X1",
                "L42-F01",
                "L42-F1-F2",
                "Q1234567890123456789",
                "Q123456789012345678",
                "P-1",
                " Q1",
                "Q1 "));
        Random random = new Random(7);
        String alphabet = "QPLMEFSX0123456789-q ";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(10); n > 0; n--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            inputs.add(sb.toString());
        }
        for (String s : inputs) {
            assertThat(WikibaseSyntax.parseEntityId(s)).as("'%s'", s).isEqualTo(EntityId.tryParse(s));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "en",
                "mul",
                "be-tarask",
                "zh-min-nan",
                "nan-latn-pehoeji",
                "simple",
                "tokipona",
                "de-1901",
                "be-x-old"
            })
    void realLanguageCodesAreAccepted(String code) {
        assertThat(WikibaseSyntax.isLanguageCode(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "e", "EN", "en_gb", "en-", "-en", "en--gb", "1en", "en gb", "abcdefghijklm"})
    void malformedLanguageCodesAreRejected(String code) {
        assertThat(WikibaseSyntax.isLanguageCode(code)).isFalse();
    }

    @Test
    void statementGuids() {
        assertThat(WikibaseSyntax.statementGuidSubject("Q42$F078E5B3-F9A8-480E-B7AC-D97778CBBEF9"))
                .isEqualTo(EntityId.parse("Q42"));
        assertThat(WikibaseSyntax.statementGuidSubject("q42$39f4de4f-0000-4000-8000-000000000000"))
                .isEqualTo(EntityId.parse("Q42"));
        assertThat(WikibaseSyntax.statementGuidSubject("L42-F1$93649f03-e1d5-4a87-8a3c-a31f0b8e7bba"))
                .isEqualTo(EntityId.parse("L42-F1"));
        assertThat(WikibaseSyntax.statementGuidSubject("Q42$F078E5B3F9A8480EB7ACD97778CBBEF9"))
                .isNull();
        assertThat(WikibaseSyntax.statementGuidSubject("Q42-F078E5B3-F9A8-480E-B7AC-D97778CBBEF9"))
                .isNull();
        assertThat(WikibaseSyntax.statementGuidSubject("X42$F078E5B3-F9A8-480E-B7AC-D97778CBBEF9"))
                .isNull();
        assertThat(WikibaseSyntax.statementGuidSubject("Q42$F078E5B3-F9A8-480E-B7AC-D97778CBBEF$"))
                .isNull();
    }

    @Test
    void timesDecimalsAndHashes() {
        assertThat(WikibaseSyntax.timeProblem("+2023-05-10T00:00:00Z")).isNull();
        assertThat(WikibaseSyntax.timeProblem("-13700000000-00-00T00:00:00Z")).isNull();
        assertThat(WikibaseSyntax.timeProblem("+12345678901234567-00-00T00:00:00Z"))
                .contains("1 to 16 year digits");
        assertThat(WikibaseSyntax.timeProblem("2023-05-10T00:00:00Z")).contains("must look like");
        assertThat(WikibaseSyntax.timeProblem("+2023-05-32T00:00:00Z")).isEqualTo("has day 32 (00 to 31 allowed)");
        assertThat(WikibaseSyntax.timeProblem("+2023-05-10T24:00:00Z")).startsWith("has hour 24");
        assertThat(WikibaseSyntax.isDecimal("+0.70")).isTrue();
        assertThat(WikibaseSyntax.isDecimal("-880000000000000000000000")).isTrue();
        for (String bad : List.of("0.70", "+.7", "+7.", "+1e5", "+", "+1.2.3", "++1")) {
            assertThat(WikibaseSyntax.isDecimal(bad)).as(bad).isFalse();
        }
        assertThat(WikibaseSyntax.isHash("ad7d38a03cdd40cdc373de0dc4e7b7fcbccb31d9"))
                .isTrue();
        assertThat(WikibaseSyntax.isHash("AD7D38A03CDD40CDC373DE0DC4E7B7FCBCCB31D9"))
                .isFalse();
        assertThat(WikibaseSyntax.isHash("00000000000000000000000000000000000000000"))
                .isFalse();
        assertThat(WikibaseSyntax.isSiteId("be_x_oldwiki")).isTrue();
        assertThat(WikibaseSyntax.isSiteId("en wiki")).isFalse();
    }
}
