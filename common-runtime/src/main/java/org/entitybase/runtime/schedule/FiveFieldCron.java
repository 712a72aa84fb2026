package org.entitybase.runtime.schedule;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seed's schedule form: a five-field unix cron ({@code minute hour day-of-month month day-of-week}, e.g. {@code 0 2
 * * * *} for 02:00 daily), as Quarkus' scheduler reads it with {@code quarkus.scheduler.cron-type=unix} (set for every
 * service in common-runtime). Checked here first so that a Quartz expression ({@code 0 0 2 * * ?}) or a typo fails the
 * start with the setting's name, not deep inside the scheduler. Each field: {@code *}, a value, a range {@code a-b}, a
 * step {@code * /n} or {@code a-b/n}, or a comma list of these; months and weekdays also by name ({@code JAN},
 * {@code MON}).
 */
public final class FiveFieldCron {

    private record Field(String name, int min, int max, List<String> names) {}

    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, List.of()),
            new Field("hour", 0, 23, List.of()),
            new Field("day-of-month", 1, 31, List.of()),
            new Field(
                    "month",
                    1,
                    12,
                    List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
            // 0 and 7 are both Sunday
            new Field("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")));

    private static final Pattern ITEM = Pattern.compile("(\\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:/([0-9]+))?");

    private FiveFieldCron() {}

    /**
     * Returns {@code expression} trimmed when it is a valid five-field cron.
     *
     * @param setting the configuration key or environment variable it came from, named in the error
     * @throws IllegalArgumentException saying what is wrong, naming {@code setting}
     */
    public static String check(String setting, String expression) {
        String problem = problem(expression);
        if (problem != null) {
            throw new IllegalArgumentException(setting + " must be a five-field cron (minute hour day-of-month month"
                    + " day-of-week, e.g. '0 2 * * *'), got '" + expression + "': " + problem);
        }
        return expression.trim();
    }

    /** What is wrong with {@code expression}, or null when it is a valid five-field cron. */
    static String problem(String expression) {
        if (expression == null || expression.isBlank()) {
            return "it is empty";
        }
        String[] fields = expression.trim().split("\\s+");
        if (fields.length != FIELDS.size()) {
            return fields.length + " fields instead of 5"
                    + (fields.length > 5 ? " (Quartz's six- or seven-field form is not accepted)" : "");
        }
        for (int i = 0; i < fields.length; i++) {
            String problem = fieldProblem(FIELDS.get(i), fields[i]);
            if (problem != null) {
                return FIELDS.get(i).name() + " '" + fields[i] + "': " + problem;
            }
        }
        return null;
    }

    private static String fieldProblem(Field field, String text) {
        for (String item : text.split(",", -1)) {
            Matcher m = ITEM.matcher(item);
            if (!m.matches()) {
                return "not a value, range, step or list";
            }
            if (m.group(2) != null && Integer.parseInt(m.group(2)) == 0) {
                return "a step of 0";
            }
            if (m.group(1).equals("*")) {
                continue;
            }
            String[] bounds = m.group(1).split("-");
            Integer low = value(field, bounds[0]);
            Integer high = bounds.length == 2 ? value(field, bounds[1]) : low;
            if (low == null || high == null) {
                return "values must be " + field.min() + "-" + field.max()
                        + (field.names().isEmpty()
                                ? ""
                                : " or names like " + field.names().get(0));
            }
            if (low > high) {
                return "a range from high to low";
            }
        }
        return null;
    }

    private static Integer value(Field field, String text) {
        int named = field.names().indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return named + (field.name().equals("month") ? 1 : 0);
        }
        if (!text.chars().allMatch(Character::isDigit) || text.length() > 2) {
            return null;
        }
        int value = Integer.parseInt(text);
        return value >= field.min() && value <= field.max() ? value : null;
    }
}
