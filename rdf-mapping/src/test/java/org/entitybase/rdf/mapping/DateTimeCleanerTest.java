package org.entitybase.rdf.mapping;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.entitybase.model.value.TimeValue;

import static org.assertj.core.api.Assertions.assertThat;

class DateTimeCleanerTest {

    @ParameterizedTest(name = "{0} precision {1} {2} -> {3}")
    @CsvSource(
            nullValues = "null",
            value = {
                // Gregorian: + dropped, unknown month/day become 1, impossible days clamp, BCE years shift by one
                "+2023-05-10T00:00:00Z, 11, G, 2023-05-10T00:00:00Z",
                "-0200-00-00T00:00:00Z, 9, G, -0199-01-01T00:00:00Z",
                "+0200-02-30T00:00:00Z, 11, G, 0200-02-28T00:00:00Z",
                "+2014-02-29T00:00:00Z, 11, G, 2014-02-28T00:00:00Z",
                "+2012-02-29T00:00:00Z, 11, G, 2012-02-29T00:00:00Z",
                "-200000200-04-31T00:00:00Z, 11, G, -200000199-04-30T00:00:00Z",
                "-0001-01-01T00:00:00Z, 9, G, 0000-01-01T00:00:00Z",
                // Julian at day precision is converted; coarser Julian dates are not
                "+2012-02-29T00:00:00Z, 11, J, 2012-03-13T00:00:00Z",
                "+1582-10-04T00:00:00Z, 11, J, 1582-10-14T00:00:00Z",
                "-2010-02-29T00:00:00Z, 9, J, -2009-01-01T00:00:00Z",
                // no xsd:dateTime: year 0, other calendars at day precision
                "+0000-02-29T00:00:00Z, 9, J, null",
                "+2012-02-31T00:00:00Z, 11, X, null",
            })
    void xsdDateTimeAsWikibaseCleansIt(String time, int precision, String calendar, String expected) {
        String model = switch (calendar) {
            case "G" -> TimeValue.GREGORIAN;
            case "J" -> TimeValue.JULIAN;
            default -> "http://acme.test/calendar";
        };

        assertThat(DateTimeCleaner.xsdDateTime(new TimeValue(time, 0, 0, 0, precision, model)))
                .isEqualTo(expected);
    }
}
