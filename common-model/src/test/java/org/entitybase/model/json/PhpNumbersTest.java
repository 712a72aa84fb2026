package org.entitybase.model.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PHP's double formatting (HASHES.md §3.7), from the spec's examples and against a brute-force reference. */
class PhpNumbersTest {

    @ParameterizedTest(name = "json_encode({0}) = {1}")
    @CsvSource({
        "1.0e-5, 1.0e-5",
        "2.777777777777778e-05, 2.777777777777778e-5",
        "1e20, 1.0e+20",
        "0.0001, 0.0001",
        "52.5, 52.5",
        "10.0, 10",
        "-0.0, -0",
        "0.0, 0",
        "51.56652777777778, 51.56652777777778",
        "-0.14544444444444443, -0.14544444444444443",
        "0.00027777777777778, 0.00027777777777778",
        "45, 45",
        "-5, -5",
        "1e16, 10000000000000000",
        "1e17, 1.0e+17",
        "1.2345678901234568e17, 1.2345678901234568e+17",
        "0.30000000000000004, 0.30000000000000004",
        "1.5e300, 1.5e+300",
        "-2.5e-7, -2.5e-7",
        // Double.MIN_VALUE: Schubfach (and Java 19+ Double.toString) give two digits, 4.9E-324; PHP gives one.
        "4.9e-324, 5.0e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
    })
    void jsonEncodeDouble(double value, String expected) {
        assertThat(PhpNumbers.jsonEncodeDouble(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "(string) {0} = {1}")
    @CsvSource({
        "2.777777777777778e-05, 2.7777777777778E-5",
        "51.56652777777778, 51.566527777778",
        "-0.14544444444444443, -0.14544444444444",
        "1.0, 1",
        "1e15, 1.0E+15",
        "1e14, 1.0E+14",
        "1e13, 10000000000000",
        "0.1, 0.1",
        "0.0001, 0.0001",
        "0.00001, 1.0E-5",
        "-0.0, -0",
        "0.016666666666667, 0.016666666666667",
        "123456.78901234567, 123456.78901235",
    })
    void phpString14(double value, String expected) {
        assertThat(PhpNumbers.phpString14(value)).isEqualTo(expected);
    }

    @Test
    void nonFiniteNumbers() {
        assertThatThrownBy(() -> PhpNumbers.jsonEncodeDouble(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhpNumbers.jsonEncodeDouble(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PhpNumbers.phpString14(Double.NaN)).isEqualTo("NAN");
        assertThat(PhpNumbers.phpString14(Double.NEGATIVE_INFINITY)).isEqualTo("-INF");
    }

    /**
     * The shortest digits equal those of a brute-force search (round the exact value to 1..17 digits, also trying
     * the neighbours, keep the first length that parses back, the closest candidate of that length), for random
     * doubles of every magnitude, and the JSON text always parses back to the same double.
     */
    @Test
    void shortestDigitsMatchBruteForceAndRoundTrip() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            double d = i % 2 == 0
                    ? Double.longBitsToDouble(random.nextLong() & 0x7fffffffffffffffL)
                    : random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            if (!Double.isFinite(d) || d == 0) {
                continue;
            }
            assertThat(PhpNumbers.shortestDigits(d).compareTo(bruteForceShortest(d)))
                    .as("shortest digits of %s", d)
                    .isZero();
            assertThat(Double.parseDouble(PhpNumbers.jsonEncodeDouble(d))).isEqualTo(d);
            assertThat(Double.parseDouble(PhpNumbers.jsonEncodeDouble(-d))).isEqualTo(-d);
        }
    }

    private static BigDecimal bruteForceShortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            BigDecimal best = null;
            for (BigDecimal candidate :
                    new BigDecimal[] {rounded, rounded.add(rounded.ulp()), rounded.subtract(rounded.ulp())}) {
                if (candidate.signum() > 0
                        && candidate.stripTrailingZeros().precision() <= digits
                        && candidate.doubleValue() == d
                        && (best == null
                                || candidate
                                                .subtract(exact)
                                                .abs()
                                                .compareTo(best.subtract(exact).abs())
                                        < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best.stripTrailingZeros();
            }
        }
        throw new AssertionError("17 digits always round-trip: " + d);
    }
}
