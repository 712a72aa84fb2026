package org.entitybase.model.value;

/**
 * A point in time as Wikibase stores it: {@code time} like {@code +2023-05-10T00:00:00Z}, {@code timezone} in
 * minutes, {@code before}/{@code after} tolerance, {@code precision} 0 (1 Gyear) to 14 (second), and the calendar
 * model entity URI.
 */
public record TimeValue(String time, int timezone, int before, int after, int precision, String calendarModel)
        implements DataValue {
    public static final String GREGORIAN = "http://www.wikidata.org/entity/Q1985727";
    public static final String JULIAN = "http://www.wikidata.org/entity/Q1985786";

    @Override
    public DataValueType type() {
        return DataValueType.TIME;
    }
}
