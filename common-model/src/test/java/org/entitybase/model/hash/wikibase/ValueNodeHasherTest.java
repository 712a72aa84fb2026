package org.entitybase.model.hash.wikibase;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.entitybase.model.value.GlobeCoordinateValue;
import org.entitybase.model.value.QuantityValue;
import org.entitybase.model.value.StringValue;
import org.entitybase.model.value.TimeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HASHES.md §5.1–§5.2. */
class ValueNodeHasherTest {
    @Test
    void timeIsMd5OfTheDataValuePreImage() {
        TimeValue time = new TimeValue("+2023-05-10T00:00:00Z", 0, 0, 0, 11, TimeValue.GREGORIAN);
        assertThat(new String(ValueNodeHasher.dataValuePreImage(time), StandardCharsets.UTF_8))
                .isEqualTo("C:20:\"DataValues\\TimeValue\":80:{[\"+2023-05-10T00:00:00Z\",0,0,0,11,"
                        + "\"http:\\/\\/www.wikidata.org\\/entity\\/Q1985727\"]}");
        assertThat(ValueNodeHasher.hash(time)).isEqualTo("90af7ef78a77d0835f3fdd423b8bb978");
    }

    @Test
    void quantity() {
        QuantityValue q =
                new QuantityValue("+880000000000000000000000", "http://www.wikidata.org/entity/Q828224", null, null);
        assertThat(ValueNodeHasher.hash(q)).isEqualTo("c9952c0ead49c8693aa2416262be67c7");
    }

    @Test
    void normalizedQuantityFollowsTheSameRule() {
        QuantityValue normalized =
                new QuantityValue("+880000000000000000000000000", "http://www.wikidata.org/entity/Q11573", null, null);
        assertThat(new String(ValueNodeHasher.dataValuePreImage(normalized), StandardCharsets.UTF_8))
                .isEqualTo(
                        "C:33:\"DataValues\\UnboundedQuantityValue\":131:{a:2:{i:0;C:23:\"DataValues\\DecimalValue\":36:{"
                                + "s:28:\"+880000000000000000000000000\";}i:1;s:37:\"http://www.wikidata.org/entity/Q11573\";}}");
        assertThat(ValueNodeHasher.hash(normalized)).isEqualTo("f44b8bf01e9ee296022ea2ea04572dd5");
    }

    @Test
    void globeUsesFourteenDigitStrings() {
        GlobeCoordinateValue g = new GlobeCoordinateValue(
                51.56652777777778, -0.14544444444444443, null, 2.777777777777778e-05, GlobeCoordinateValue.EARTH);
        assertThat(ValueNodeHasher.globeCoordinatePreImage(g))
                .isEqualTo("51.566527777778|-0.14544444444444|2.7777777777778E-5|http://www.wikidata.org/entity/Q2");
        assertThat(ValueNodeHasher.hash(g)).isEqualTo("12b3879e659a02b6b54b45eb5d03fe47");
    }

    @Test
    void globeWithNullPrecisionHasAnEmptyField() {
        GlobeCoordinateValue g = new GlobeCoordinateValue(1, 2, null, null, null);
        assertThat(ValueNodeHasher.globeCoordinatePreImage(g)).isEqualTo("1|2||http://www.wikidata.org/entity/Q2");
    }

    @Test
    void coordinatesEqualToFourteenDigitsShareANode() {
        GlobeCoordinateValue a = new GlobeCoordinateValue(51.56652777777778, 1, null, 0.1, null);
        GlobeCoordinateValue b = new GlobeCoordinateValue(51.566527777777781, 1, null, 0.1, null);
        assertThat(ValueNodeHasher.hash(a)).isEqualTo(ValueNodeHasher.hash(b));
    }

    @Test
    void stringsHaveNoValueNode() {
        assertThat(ValueNodeHasher.hasValueNode(new StringValue("x"))).isFalse();
        assertThatThrownBy(() -> ValueNodeHasher.hash(new StringValue("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
