package org.entitybase.rdf.mapping;

import java.math.BigDecimal;

import org.entitybase.model.value.TimeValue;

/**
 * The {@code xsd:dateTime} form of a Wikibase time value, as Wikibase's {@code JulianDateTimeValueCleaner} computes it
 * (XSD 1.1 years: 1 BCE is year 0): Gregorian dates are cleaned up (the {@code +} dropped, unknown month and day set
 * to 1 below their precision, impossible days clamped to the month's last day, negative years shifted by one), Julian
 * dates of day precision or finer are converted to Gregorian with PHP's calendar algorithms, and anything else (other
 * calendars at day precision, year 0, unparseable strings) has no {@code xsd:dateTime} form: the caller writes the raw
 * time string instead.
 */
final class DateTimeCleaner {
    private static final int PRECISION_MONTH = 10;
    private static final int PRECISION_YEAR = 9;
    private static final int PRECISION_DAY = 11;

    // PHP ext/calendar constants
    private static final long DAYS_PER_5_MONTHS = 153;
    private static final long DAYS_PER_4_YEARS = 1461;
    private static final long DAYS_PER_400_YEARS = 146097;
    private static final long JULIAN_SDN_OFFSET = 32083;
    private static final long GREGOR_SDN_OFFSET = 32045;

    private DateTimeCleaner() {}

    private record Parsed(boolean minus, String year, int month, int day, String time) {}

    /** The {@code xsd:dateTime} lexical form, or null when the value has none. */
    static String xsdDateTime(TimeValue value) {
        String calendar = value.calendarModel();
        int precision = value.precision();
        if (TimeValue.JULIAN.equals(calendar) && precision >= PRECISION_DAY) {
            Parsed parsed = parse(value.time());
            if (parsed == null) {
                return null;
            }
            // years outside what PHP converts are taken to be Gregorian dates entered by mistake
            String converted = julianToGregorian(parsed);
            return converted != null ? converted : cleanGregorian(parsed, precision);
        }
        if (TimeValue.GREGORIAN.equals(calendar) || precision < PRECISION_DAY) {
            Parsed parsed = parse(value.time());
            return parsed == null ? null : cleanGregorian(parsed, precision);
        }
        return null;
    }

    /** Splits {@code [+-]Y…-MM-DDThh:mm:ssZ}; null for year 0 or no {@code T} (Wikibase's IllegalValueException). */
    private static Parsed parse(String time) {
        int t = time.indexOf('T');
        if (t < 1) {
            return null;
        }
        String date = time.substring(0, t);
        boolean minus = date.charAt(0) == '-';
        String[] parts = date.substring(1).split("-", 3);
        int month = parts.length > 1 ? phpInt(parts[1]) : 0;
        int day = parts.length > 2 ? phpInt(parts[2]) : 0;
        String year = stripLeadingZeros(parts[0]);
        if (month <= 0) {
            month = 1;
        }
        if (month >= 12) {
            month = 12;
        }
        if (day <= 0) {
            day = 1;
        }
        if (year.isEmpty()) {
            return null; // year 0 is not a valid date (T94064)
        }
        return new Parsed(minus, year, month, day, time.substring(t + 1));
    }

    private static String cleanGregorian(Parsed p, int precision) {
        String year = p.year;
        boolean minus = p.minus;
        int month = p.month;
        int day = p.day;
        if (precision <= PRECISION_YEAR) {
            day = 1;
            month = 1;
        } else if (precision == PRECISION_MONTH) {
            day = 1;
        }
        if (!(day <= 28 || (month != 2 && day <= 30))) {
            // PHP's Gregorian calendar works down to 4714 BCE; clamp older years to it
            long safeYear;
            if (minus && Double.parseDouble(year) >= 4714) {
                safeYear = -4713;
            } else {
                safeYear = phpLong(year) * (minus ? -1 : 1);
            }
            int max = daysInGregorianMonth(month, safeYear);
            if (max > 0 && day > max) {
                day = max;
            }
        }
        if (precision >= PRECISION_YEAR && minus) {
            // XSD 1.1 has a year 0 (1 BCE); Wikibase stores 1 BCE as -1
            year = new BigDecimal(Double.parseDouble(year) - 1).toPlainString();
            if (year.equals("0")) {
                minus = false;
            }
        }
        StringBuilder sb = new StringBuilder(32);
        if (minus) {
            sb.append('-');
        }
        for (int i = year.length(); i < 4; i++) {
            sb.append('0');
        }
        sb.append(year).append('-');
        twoDigits(sb, month).append('-');
        twoDigits(sb, day).append('T').append(p.time);
        return sb.toString();
    }

    private static String julianToGregorian(Parsed p) {
        // PHP: $y = $minus ? -$y : $y + 0; anything that is not an int, or outside its calendar range, is refused
        if (p.year.length() > 18) {
            return null;
        }
        long year = Long.parseLong(p.year) * (p.minus ? -1 : 1);
        if (year < -4713 || year > 1465072) {
            return null;
        }
        long jd = julianToSdn(year, p.month, p.day);
        if (jd == 0) {
            return null;
        }
        long[] ymd = sdnToGregorian(jd);
        if (ymd == null) {
            return null;
        }
        long y = ymd[0];
        if (y < 0) {
            y++;
        }
        StringBuilder sb = new StringBuilder(32);
        if (y < 0) {
            sb.append('-');
        }
        String digits = Long.toString(Math.abs(y));
        for (int i = digits.length(); i < 4; i++) {
            sb.append('0');
        }
        sb.append(digits).append('-');
        twoDigits(sb, (int) ymd[1]).append('-');
        twoDigits(sb, (int) ymd[2]).append('T').append(p.time);
        return sb.toString();
    }

    /** PHP {@code JulianToSdn}: 0 for invalid dates and dates before SDN 1. */
    static long julianToSdn(long inputYear, int inputMonth, int inputDay) {
        if (inputYear == 0
                || inputYear < -4713
                || inputMonth <= 0
                || inputMonth > 12
                || inputDay <= 0
                || inputDay > 31) {
            return 0;
        }
        if (inputYear == -4713 && inputMonth == 1 && inputDay == 1) {
            return 0;
        }
        long year = inputYear < 0 ? inputYear + 4801 : inputYear + 4800;
        int month;
        if (inputMonth > 2) {
            month = inputMonth - 3;
        } else {
            month = inputMonth + 9;
            year--;
        }
        return (year * DAYS_PER_4_YEARS) / 4 + (month * DAYS_PER_5_MONTHS + 2) / 5 + inputDay - JULIAN_SDN_OFFSET;
    }

    /** PHP {@code GregorianToSdn}: 0 for invalid dates and dates before SDN 1. */
    static long gregorianToSdn(long inputYear, int inputMonth, int inputDay) {
        if (inputYear == 0
                || inputYear < -4714
                || inputMonth <= 0
                || inputMonth > 12
                || inputDay <= 0
                || inputDay > 31) {
            return 0;
        }
        if (inputYear == -4714 && (inputMonth < 11 || (inputMonth == 11 && inputDay < 25))) {
            return 0;
        }
        long year = inputYear < 0 ? inputYear + 4801 : inputYear + 4800;
        int month;
        if (inputMonth > 2) {
            month = inputMonth - 3;
        } else {
            month = inputMonth + 9;
            year--;
        }
        return ((year / 100) * DAYS_PER_400_YEARS) / 4
                + ((year % 100) * DAYS_PER_4_YEARS) / 4
                + (month * DAYS_PER_5_MONTHS + 2) / 5
                + inputDay
                - GREGOR_SDN_OFFSET;
    }

    /** PHP {@code SdnToGregorian}: {year, month, day} with no year 0, or null where PHP gives 0/0/0. */
    static long[] sdnToGregorian(long sdn) {
        if (sdn <= 0 || sdn > (Long.MAX_VALUE - 4 * GREGOR_SDN_OFFSET) / 4) {
            return null;
        }
        long temp = (sdn + GREGOR_SDN_OFFSET) * 4 - 1;
        long century = temp / DAYS_PER_400_YEARS;
        temp = ((temp % DAYS_PER_400_YEARS) / 4) * 4 + 3;
        long year = (century * 100) + (temp / DAYS_PER_4_YEARS);
        long dayOfYear = (temp % DAYS_PER_4_YEARS) / 4 + 1;
        temp = dayOfYear * 5 - 3;
        long month = temp / DAYS_PER_5_MONTHS;
        long day = (temp % DAYS_PER_5_MONTHS) / 5 + 1;
        if (month < 10) {
            month += 3;
        } else {
            year += 1;
            month -= 9;
        }
        year -= 4800;
        if (year <= 0) {
            year--;
        }
        return new long[] {year, month, day};
    }

    /**
     * PHP {@code cal_days_in_month(CAL_GREGORIAN, …)} (the difference of two serial day numbers; after 1 BCE comes 1
     * CE); 0 where PHP refuses the date. Years beyond PHP's int range use the plain Gregorian rule.
     */
    static int daysInGregorianMonth(int month, long year) {
        if (year > Integer.MAX_VALUE || year < Integer.MIN_VALUE) {
            return plainDaysInMonth(month, year);
        }
        long start = gregorianToSdn(year, month, 1);
        if (start == 0) {
            return 0;
        }
        long next = gregorianToSdn(year, month + 1, 1);
        if (next == 0) {
            next = year == -1 ? gregorianToSdn(1, 1, 1) : gregorianToSdn(year + 1, 1, 1);
        }
        return (int) (next - start);
    }

    private static int plainDaysInMonth(int month, long year) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** PHP {@code (int)} of a string: the leading digits, 0 when there are none. */
    private static int phpInt(String s) {
        long v = phpLong(s);
        return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
    }

    /** PHP {@code (int)} of a digit string, saturating at the 64-bit limit as PHP does. */
    private static long phpLong(String s) {
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            if (v > (Long.MAX_VALUE - (c - '0')) / 10) {
                return Long.MAX_VALUE;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static String stripLeadingZeros(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }

    private static StringBuilder twoDigits(StringBuilder sb, int n) {
        if (n < 10) {
            sb.append('0');
        }
        return sb.append(n);
    }
}
