package org.entitybase.model.hash.wikibase;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.entitybase.model.id.EntityId;
import org.entitybase.model.snak.NoValueSnak;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.snak.SomeValueSnak;
import org.entitybase.model.snak.ValueSnak;
import org.entitybase.model.value.DataValue;
import org.entitybase.model.value.EntityIdValue;
import org.entitybase.model.value.GlobeCoordinateValue;
import org.entitybase.model.value.MonolingualTextValue;
import org.entitybase.model.value.QuantityValue;
import org.entitybase.model.value.StringValue;
import org.entitybase.model.value.TimeValue;

import static org.assertj.core.api.Assertions.assertThat;

/** Every snak example of HASHES.md §2–§3, with its exact pre-image where the spec gives one. */
class SnakHasherTest {
    static final String VALUE_SNAK = "C:41:\"Wikibase\\DataModel\\Snak\\PropertyValueSnak\":";

    static Snak value(String property, DataValue value) {
        return new ValueSnak(property, null, value, null);
    }

    static EntityIdValue id(String id) {
        return EntityIdValue.of(EntityId.parse(id));
    }

    private static void assertSnak(Snak snak, String preImage, String hash) {
        assertThat(new String(SnakHasher.preImage(snak), StandardCharsets.UTF_8))
                .isEqualTo(preImage);
        assertThat(SnakHasher.hash(snak)).isEqualTo(hash);
    }

    /** For examples the spec abbreviates: the pre-image's outer length and its tail. */
    private static void assertSnak(Snak snak, int outerLength, String tail, String hash) {
        String preImage = new String(SnakHasher.preImage(snak), StandardCharsets.UTF_8);
        assertThat(preImage)
                .startsWith(VALUE_SNAK + outerLength + ":{a:2:{i:0;")
                .endsWith(tail);
        assertThat(SnakHasher.hash(snak)).isEqualTo(hash);
    }

    @Test
    void noValue() {
        assertSnak(
                new NoValueSnak("P3254", "wikibase-item", null),
                "C:43:\"Wikibase\\DataModel\\Snak\\PropertyNoValueSnak\":5:{P3254}",
                "3c18212310d8b1a139eed68887f86ce6b7e5416c");
    }

    @Test
    void someValue() {
        assertSnak(
                new SomeValueSnak("P1419", null, null),
                "C:45:\"Wikibase\\DataModel\\Snak\\PropertySomeValueSnak\":5:{P1419}",
                "d832ab2bf840bfe4b88090721978d092f38b17da");
    }

    @Test
    void string() {
        assertSnak(
                value("P5275", new StringValue("8145")),
                VALUE_SNAK + "64:{a:2:{i:0;s:5:\"P5275\";i:1;C:22:\"DataValues\\StringValue\":4:{8145}}}",
                "3f68370db24d3565917dc6100e1e13d97d5e5c10");
    }

    @Test
    void stringLengthsCountUtf8Bytes() {
        assertSnak(
                value("P1810", new StringValue("ВСЕЛЕННАЯ")),
                79,
                "C:22:\"DataValues\\StringValue\":18:{ВСЕЛЕННАЯ}}}",
                "54c9111a97b1b67cd6520977f6d43e0bf6d99d3d");
    }

    @Test
    void datatypeAndStoredHashPlayNoPart() {
        Snak bare = value("P5275", new StringValue("8145"));
        Snak decorated = new ValueSnak("P5275", "external-id", new StringValue("8145"), "ffff");
        assertThat(SnakHasher.hash(decorated)).isEqualTo(SnakHasher.hash(bare));
    }

    @Test
    void monolingualTextPutsLanguageFirst() {
        assertSnak(
                value("P2559", new MonolingualTextValue("Usage instructions in English", "en")),
                VALUE_SNAK + "130:{a:2:{i:0;s:5:\"P2559\";i:1;C:31:\"DataValues\\MonolingualTextValue\":60:{a:2:{i:0;"
                        + "s:2:\"en\";i:1;s:29:\"Usage instructions in English\";}}}}",
                "013a6fc10c6b7cb3edc7ee126b5f55b4fb9da15a");
        assertThat(SnakHasher.hash(value("P7243", new MonolingualTextValue("ענ׳־סער", "yi"))))
                .isEqualTo("8042e6eb41a23be631d184cd3430a7f80b95d91f");
    }

    @Test
    void item() {
        assertSnak(
                value("P5237", id("Q7976")),
                VALUE_SNAK + "127:{a:2:{i:0;s:5:\"P5237\";i:1;C:39:\"Wikibase\\DataModel\\Entity\\EntityIdValue\":49:{"
                        + "C:32:\"Wikibase\\DataModel\\Entity\\ItemId\":5:{Q7976}}}}",
                "6c54ff643a290ae5f9b384b3d255bf3708481de3");
    }

    @Test
    void itemWithoutNumericIdHashesTheSame() {
        Snak legacyShape = value("P5237", new EntityIdValue(EntityId.parse("Q7976"), false));
        assertThat(SnakHasher.hash(legacyShape)).isEqualTo("6c54ff643a290ae5f9b384b3d255bf3708481de3");
    }

    @Test
    void property() {
        assertSnak(
                value("P1659", id("P279")),
                137,
                "EntityIdValue\":59:{C:43:\"Wikibase\\DataModel\\Entity\\NumericPropertyId\":4:{P279}}}}",
                "577c8ab0df6f0797748890b973c1e7c7e85a7242");
    }

    @Test
    void lexeme() {
        assertSnak(
                value("P5402", id("L961")),
                131,
                "EntityIdValue\":53:{C:37:\"Wikibase\\Lexeme\\Domain\\Model\\LexemeId\":4:{L961}}}}",
                "bb58cf4240b139f502edc1b4943b3ec42854b0c0");
    }

    @Test
    void form() {
        assertSnak(
                value("P5830", id("L1883-F1")),
                133,
                "\":55:{C:35:\"Wikibase\\Lexeme\\Domain\\Model\\FormId\":8:{L1883-F1}}}}",
                "867340857c076168a1978c7961ea8b4d067eecb9");
    }

    @Test
    void sense() {
        assertSnak(
                value("P6072", id("L42-S1")),
                132,
                "\":54:{C:36:\"Wikibase\\Lexeme\\Domain\\Model\\SenseId\":6:{L42-S1}}}}",
                "9da2d9a108459818c9a4dcc6c31e5fe5696c2e2d");
    }

    @Test
    void entitySchemaUsesNativeObjectSerializationWithNulBytes() {
        Snak snak = value("P12861", id("E79"));
        String expected = VALUE_SNAK + "205:{a:2:{i:0;s:6:\"P12861\";i:1;"
                + "C:50:\"EntitySchema\\Wikibase\\DataValues\\EntitySchemaValue\":114:{"
                + "O:40:\"EntitySchema\\Domain\\Model\\EntitySchemaId\":1:{"
                + "s:44:\"\0EntitySchema\\Domain\\Model\\EntitySchemaId\0id\";s:3:\"E79\";}}}}";
        assertSnak(snak, expected, "adefe3e0a5b0811034fa33454f02e04cbaa39e9c");
        assertThat(SnakHasher.preImage(snak)).hasSize(260);
    }

    @Test
    void timeEscapesSlashes() {
        assertSnak(
                value("P813", new TimeValue("+2023-05-10T00:00:00Z", 0, 0, 0, 11, TimeValue.GREGORIAN)),
                VALUE_SNAK + "138:{a:2:{i:0;s:4:\"P813\";i:1;C:20:\"DataValues\\TimeValue\":80:{"
                        + "[\"+2023-05-10T00:00:00Z\",0,0,0,11,\"http:\\/\\/www.wikidata.org\\/entity\\/Q1985727\"]}}}",
                "8b0aecbc200c5973da6d7b631e0a38c0ebb7a889");
    }

    @Test
    void timeYearIsNormalizedToFourDigits() {
        Snak padded = value("P813", new TimeValue("+00000002023-05-10T00:00:00Z", 0, 0, 0, 11, TimeValue.GREGORIAN));
        assertThat(SnakHasher.hash(padded)).isEqualTo("8b0aecbc200c5973da6d7b631e0a38c0ebb7a889");
        Snak shortYear = value("P571", new TimeValue("-00000000050-00-00T00:00:00Z", 0, 0, 0, 9, TimeValue.JULIAN));
        assertThat(new String(SnakHasher.preImage(shortYear), StandardCharsets.UTF_8))
                .contains("[\"-0050-00-00T00:00:00Z\",");
    }

    @Test
    void unboundedQuantity() {
        assertSnak(
                value("P1107", new QuantityValue("+0.70", "1", null, null)),
                142,
                "i:1;C:33:\"DataValues\\UnboundedQuantityValue\":70:{a:2:{i:0;C:23:\"DataValues\\DecimalValue\":12:{"
                        + "s:5:\"+0.70\";}i:1;s:1:\"1\";}}}}",
                "4b05d53f58e4a0d1c1d961ace9bc49c79aba0e6f");
        Snak withUnit = value(
                "P2386",
                new QuantityValue("+880000000000000000000000", "http://www.wikidata.org/entity/Q828224", null, null));
        assertThat(new String(SnakHasher.preImage(withUnit), StandardCharsets.UTF_8))
                .endsWith(
                        "C:33:\"DataValues\\UnboundedQuantityValue\":129:{a:2:{i:0;C:23:\"DataValues\\DecimalValue\""
                                + ":33:{s:25:\"+880000000000000000000000\";}i:1;s:38:\"http://www.wikidata.org/entity/Q828224\";}}}}");
        assertThat(SnakHasher.hash(withUnit)).isEqualTo("f89000a4654bf3359834093a251b42ff3946daf9");
    }

    @Test
    void boundedQuantityOrdersUpperBeforeLower() {
        assertSnak(
                value("P1198", new QuantityValue("+6.7", "http://www.wikidata.org/entity/Q11229", "+6.701", "+6.699")),
                VALUE_SNAK + "276:{a:2:{i:0;s:5:\"P1198\";i:1;C:24:\"DataValues\\QuantityValue\":212:{a:4:{i:0;"
                        + "C:23:\"DataValues\\DecimalValue\":11:{s:4:\"+6.7\";}i:1;s:37:\"http://www.wikidata.org/entity/Q11229\";"
                        + "i:2;C:23:\"DataValues\\DecimalValue\":13:{s:6:\"+6.701\";}"
                        + "i:3;C:23:\"DataValues\\DecimalValue\":13:{s:6:\"+6.699\";}}}}}",
                "36d7e242aba109a985b0335a2007c0d2ccf4fd98");
        assertThat(SnakHasher.hash(value("P1082", new QuantityValue("+323952889", "1", "+323952989", "+323952789"))))
                .isEqualTo("2dc113fc5d33c9f627aeb846a3ecb692405554aa");
    }

    @Test
    void globeCoordinateUsesPhpJsonDoubles() {
        Snak snak = value(
                "P625",
                new GlobeCoordinateValue(
                        51.56652777777778,
                        -0.14544444444444443,
                        null,
                        2.777777777777778e-05,
                        GlobeCoordinateValue.EARTH));
        assertSnak(
                snak,
                VALUE_SNAK
                        + "187:{a:2:{i:0;s:4:\"P625\";i:1;C:42:\"DataValues\\Geo\\Values\\GlobeCoordinateValue\":106:{"
                        + "[51.56652777777778,-0.14544444444444443,null,2.777777777777778e-5,"
                        + "\"http:\\/\\/www.wikidata.org\\/entity\\/Q2\"]}}}",
                "84f23a18c6c1b7bba4b68376b531cf47a0083517");
    }

    @Test
    void globeDefaultsToEarthAndIgnoresAltitude() {
        Snak explicit = value("P625", new GlobeCoordinateValue(52.5, 13, null, 0.0001, GlobeCoordinateValue.EARTH));
        Snak implicit = value("P625", new GlobeCoordinateValue(52.5, 13, 34.0, 0.0001, null));
        assertThat(SnakHasher.hash(implicit)).isEqualTo(SnakHasher.hash(explicit));
        assertThat(new String(SnakHasher.preImage(explicit), StandardCharsets.UTF_8))
                .contains("{[52.5,13,null,0.0001,\"http:");
    }

    @Test
    void nullPrecisionIsJsonNull() {
        Snak snak = value("P625", new GlobeCoordinateValue(1.5, 2, null, null, GlobeCoordinateValue.EARTH));
        assertThat(new String(SnakHasher.preImage(snak), StandardCharsets.UTF_8))
                .contains("{[1.5,2,null,null,\"http:");
    }

    @Test
    void mediaInfoIdUsesItsClass() {
        assertThat(new String(SnakHasher.preImage(value("P180", id("M65057"))), StandardCharsets.UTF_8))
                .endsWith("C:40:\"Wikibase\\MediaInfo\\DataModel\\MediaInfoId\":6:{M65057}}}}");
    }

    @Test
    void bufferGrowsForLongValues() {
        String text = "ж".repeat(5000);
        String preImage = new String(SnakHasher.preImage(value("P1", new StringValue(text))), StandardCharsets.UTF_8);
        assertThat(preImage).startsWith(VALUE_SNAK + "10061:{").contains(":10000:{" + text + "}");
    }
}
