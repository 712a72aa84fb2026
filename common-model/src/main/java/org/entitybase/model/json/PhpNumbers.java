package org.entitybase.model.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * PHP's two double-to-text conversions, which Wikibase output and hashes depend on (HASHES.md §3.7). Both are
 * JDK-independent: Java 17's {@code Double.toString} is not always shortest.
 */
public final class PhpNumbers {
    private static final MathContext ONE_DIGIT = new MathContext(1, RoundingMode.HALF_EVEN);
    private static final MathContext FOURTEEN_DIGITS = new MathContext(14, RoundingMode.HALF_EVEN);

    private PhpNumbers() {}

    /**
     * {@code json_encode($double)} with {@code serialize_precision = -1}: shortest round-trip digits, exponent form
     * {@code 1.0e-5} below 0.0001 and from 1e17 up, integral values without {@code .0}, {@code -0} for negative zero.
     *
     * @throws IllegalArgumentException for NaN and infinities, which json_encode rejects
     */
    public static String jsonEncodeDouble(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("json_encode has no form for " + d);
        }
        if (d == 0) {
            return Double.doubleToRawLongBits(d) < 0 ? "-0" : "0";
        }
        return format(d < 0, shortestDigits(Math.abs(d)), 17, 'e');
    }

    /**
     * {@code (string)$double} with {@code precision = 14}: the exact binary value rounded half-even to 14 significant
     * digits, exponent form {@code 2.7777777777778E-5} below 0.0001 and from 1e15 up.
     */
    public static String phpString14(double d) {
        if (Double.isNaN(d)) {
            return "NAN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "INF" : "-INF";
        }
        if (d == 0) {
            return Double.doubleToRawLongBits(d) < 0 ? "-0" : "0";
        }
        return format(d < 0, new BigDecimal(Math.abs(d)).round(FOURTEEN_DIGITS), 14, 'E');
    }

    /**
     * The shortest decimal that parses back to {@code magnitude} (positive, finite), the closest one if several: what
     * PHP's zend_dtoa mode 0 gives. Jackson's Schubfach gives exactly that except where one digit suffices: it then
     * returns the closest decimal of one <em>or two</em> digits (e.g. 4.9E-324 where PHP writes 5.0e-324).
     */
    static BigDecimal shortestDigits(double magnitude) {
        BigDecimal schubfach = new BigDecimal(NumberOutput.toString(magnitude, true)).stripTrailingZeros();
        if (schubfach.precision() == 2) {
            BigDecimal oneDigit = oneDigitRoundTrip(magnitude);
            if (oneDigit != null) {
                return oneDigit;
            }
        }
        return schubfach;
    }

    /** The one-digit decimal closest to {@code magnitude} that parses back to it, or null if none does. */
    private static BigDecimal oneDigitRoundTrip(double magnitude) {
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal nearest = exact.round(ONE_DIGIT);
        if (nearest.doubleValue() == magnitude) {
            return nearest.stripTrailingZeros();
        }
        // Near a power of two the round-trip interval is lopsided: the other neighbour may still parse back.
        BigDecimal unit = nearest.ulp();
        BigDecimal best = null;
        for (BigDecimal candidate : new BigDecimal[] {nearest.add(unit), nearest.subtract(unit)}) {
            BigDecimal stripped = candidate.stripTrailingZeros();
            if (candidate.signum() > 0
                    && stripped.precision() == 1
                    && candidate.doubleValue() == magnitude
                    && (best == null
                            || candidate
                                            .subtract(exact)
                                            .abs()
                                            .compareTo(best.subtract(exact).abs())
                                    < 0)) {
                best = stripped;
            }
        }
        return best;
    }

    /**
     * PHP's {@code php_gcvt} layout. With digits d1..dn and e such that the value is 0.d1..dn × 10^e: exponent form
     * {@code d1.d2..dn<E>±(e-1)} (or {@code d1.0}) when e < -3 or e > maxExponent, plain decimal otherwise.
     */
    private static String format(boolean negative, BigDecimal magnitude, int maxExponent, char exponentChar) {
        BigDecimal stripped = magnitude.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        int e = digits.length() - stripped.scale();
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (negative) {
            sb.append('-');
        }
        if (e < -3 || e > maxExponent) {
            sb.append(digits.charAt(0)).append('.');
            sb.append(digits.length() == 1 ? "0" : digits.substring(1));
            sb.append(exponentChar).append(e - 1 < 0 ? '-' : '+').append(Math.abs(e - 1));
        } else if (e <= 0) {
            sb.append("0.");
            sb.append("0".repeat(-e));
            sb.append(digits);
        } else if (e >= digits.length()) {
            sb.append(digits).append("0".repeat(e - digits.length()));
        } else {
            sb.append(digits, 0, e).append('.').append(digits, e, digits.length());
        }
        return sb.toString();
    }
}
