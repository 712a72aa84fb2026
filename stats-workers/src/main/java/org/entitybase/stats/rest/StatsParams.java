package org.entitybase.stats.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;

import org.entitybase.runtime.rest.ApiException;

/** The stats routes' parameters, checked once: bad input is a 400 naming what was wrong. */
final class StatsParams {

    /** Days when {@code from} is omitted: the last 30 up to {@code to}. */
    static final int DEFAULT_DAYS = 30;

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,19}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** An inclusive range of UTC days. */
    record DayRange(LocalDate from, LocalDate to) {}

    private StatsParams() {}

    /**
     * {@code from}/{@code to} as ISO dates ({@code 2026-12-07}), inclusive; {@code to} defaults to {@code today},
     * {@code from} to 29 days before {@code to}. At most {@code maxDays} days.
     */
    static DayRange range(String from, String to, LocalDate today, int maxDays) {
        LocalDate end = to == null || to.isEmpty() ? today : date("to", to);
        LocalDate start = from == null || from.isEmpty() ? end.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (start.isAfter(end)) {
            throw new ApiException(
                    400,
                    "invalid-range",
                    "from (" + start + ") is after to (" + end + ")",
                    Map.of("from", start.toString(), "to", end.toString()));
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > maxDays) {
            throw new ApiException(
                    400,
                    "range-too-long",
                    "at most " + maxDays + " days per request, asked for " + days,
                    Map.of("from", start.toString(), "to", end.toString(), "max_days", maxDays));
        }
        return new DayRange(start, end);
    }

    private static LocalDate date(String name, String value) {
        if (DATE.matcher(value).matches()) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                // 2026-02-30: shaped like a date, not one
            }
        }
        throw new ApiException(
                400,
                "invalid-date",
                name + " must be a date as YYYY-MM-DD (UTC), not " + value,
                Map.of("parameter", name, "value", value));
    }

    /** A user id in a path: an integer ≥ 0 (0 = anonymous edits, which have figures too). */
    static long userId(String value) {
        if (value == null || !NUMBER.matcher(value).matches()) {
            throw new ApiException(
                    400,
                    "invalid-user-id",
                    "a user id is an integer ≥ 0, not " + value,
                    Map.of("parameter", "id", "value", String.valueOf(value)));
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ApiException(
                    400, "invalid-user-id", "a user id fits in 64 bits: " + value, Map.of("parameter", "id"));
        }
    }
}
