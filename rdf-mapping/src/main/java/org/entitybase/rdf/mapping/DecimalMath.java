package org.entitybase.rdf.mapping;

import java.math.BigDecimal;

/**
 * The decimal arithmetic of DataValues' {@code DecimalMath} on Wikibase decimal strings ({@code +12.30}) that unit
 * conversion needs: the exact product (bcmath, scale = sum of the operands' fraction digits), rounding half away from
 * zero to a decimal exponent, and the order of uncertainty of a bounded quantity.
 */
final class DecimalMath {
    private static final int MAX_DIGITS = 126;

    private DecimalMath() {}

    static boolean isZero(String decimal) {
        return new BigDecimal(stripPlus(decimal)).signum() == 0;
    }

    /** {@code bcmul(a, b, scale)} with Wikibase's sign, rounded to fit a DecimalValue. */
    static String product(String a, String b) {
        BigDecimal product = new BigDecimal(stripPlus(a)).multiply(new BigDecimal(stripPlus(b)));
        String digits = product.abs().toPlainString();
        String sign = product.signum() < 0 ? "-" : "+";
        return normalize(roundDigits(sign + digits, MAX_DIGITS));
    }

    /**
     * {@code QuantityValue::getOrderOfUncertainty}: the exponent of the last significant digit, from the distance to
     * the nearer bound (computed in floating point, as Wikibase does).
     */
    static int orderOfUncertainty(String amount, String upper, String lower) {
        double a = Double.parseDouble(stripPlus(amount));
        double precision = Math.min(a - Double.parseDouble(stripPlus(lower)), Double.parseDouble(stripPlus(upper)) - a);
        if (precision == 0.0) {
            int point = amount.indexOf('.');
            return point < 0 ? 0 : -(amount.length() - point - 1);
        }
        return (int) Math.floor(Math.log10(precision + 0.0000000005));
    }

    /** {@code DecimalMath::roundToExponent}: keeps digits down to 10^exponent, rounding half away from zero. */
    static String roundToExponent(String decimal, int exponent) {
        int point = decimal.indexOf('.');
        int pointPos = (point < 0 ? decimal.length() : point) - 1; // without the sign
        int position = exponent < 0 ? pointPos + 1 - exponent : Math.max(0, pointPos - exponent);
        return normalize(roundDigits(decimal, position));
    }

    /** {@code DecimalMath::roundDigits}: keeps {@code significantDigits} characters after the sign (point included). */
    private static String roundDigits(String value, int significantDigits) {
        if (significantDigits == 0) {
            return "+0";
        }
        int len = value.length();
        if (significantDigits >= len - 1) {
            return value;
        }
        int i = Math.min(significantDigits + 1, len);
        char ch = i < len ? value.charAt(i) : '0';
        if (ch == '.') {
            i++;
            ch = i < len ? value.charAt(i) : '0';
        }
        String rounded = value.substring(0, i);
        String suffix;
        if (rounded.indexOf('.') < 0) {
            suffix = value.substring(i);
            int p = suffix.indexOf('.');
            if (p >= 0) {
                suffix = suffix.substring(0, p);
            }
            suffix = suffix.replaceAll("[1-9]", "0");
        } else {
            suffix = "";
        }
        if (ch >= '5') {
            rounded = bump(rounded);
        }
        rounded = rounded + suffix;
        if (significantDigits > rounded.length() - 1 && rounded.indexOf('.') >= 0) {
            StringBuilder padded = new StringBuilder(rounded);
            while (padded.length() < significantDigits + 1) {
                padded.append('0');
            }
            rounded = padded.toString();
        }
        while (rounded.endsWith(".")) {
            rounded = rounded.substring(0, rounded.length() - 1);
        }
        return rounded;
    }

    /** {@code DecimalMath::bumpDigits}: adds one unit in the last place, carrying through nines. */
    private static String bump(String value) {
        if (value.equals("+0")) {
            return "+1";
        }
        StringBuilder bumped = new StringBuilder();
        int i;
        for (i = value.length() - 1; i >= 0; i--) {
            char c = value.charAt(i);
            if (c == '.') {
                bumped.insert(0, '.');
            } else if (c == '9') {
                bumped.insert(0, '0');
            } else if (c == '+' || c == '-') {
                bumped.insert(0, "" + c + '1');
                break;
            } else {
                bumped.insert(0, (char) (c + 1));
                break;
            }
        }
        return value.substring(0, Math.max(i, 0)) + bumped;
    }

    /** DecimalValue's normal form: explicit sign, no leading zeros, no negative zero. */
    private static String normalize(String decimal) {
        String sign = decimal.startsWith("-") ? "-" : "+";
        String body = decimal.startsWith("+") || decimal.startsWith("-") ? decimal.substring(1) : decimal;
        int i = 0;
        while (i < body.length() - 1 && body.charAt(i) == '0' && Character.isDigit(body.charAt(i + 1))) {
            i++;
        }
        body = body.substring(i);
        if (sign.equals("-") && body.replace("0", "").replace(".", "").isEmpty()) {
            sign = "+";
        }
        return sign + body;
    }

    private static String stripPlus(String decimal) {
        return decimal.startsWith("+") ? decimal.substring(1) : decimal;
    }
}
