package org.entitybase.entity.rest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EntityResponsesTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "NULL | false",
                "identity | false",
                "gzip | true",
                "GZIP | true",
                "gzip, deflate, br | true",
                "br;q=1.0, gzip;q=0.8 | true",
                "x-gzip | true",
                "* | true",
                "gzip;q=0 | false",
                "gzip; q=0.000 | false",
                "gzip;q=0.001 | true",
                "deflate, *;q=0 | false",
                "deflate | false"
            })
    void acceptsGzipOnlyWhereTheClientAdmitsIt(String header, boolean expected) {
        assertThat(EntityResponses.acceptsGzip(header)).isEqualTo(expected);
    }
}
