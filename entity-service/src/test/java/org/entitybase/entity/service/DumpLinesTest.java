package org.entitybase.entity.service;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.entitybase.entity.service.DumpLines.Line;

import static org.assertj.core.api.Assertions.assertThat;

class DumpLinesTest {

    private static List<Line> lines(String part, long first) {
        return DumpLines.of(part.getBytes(StandardCharsets.UTF_8), first);
    }

    private static String json(Line line) {
        return new String(line.json(), StandardCharsets.UTF_8);
    }

    @Test
    void wikidataDumpFormatLosesItsBracketsAndTrailingCommasAndKeepsLineNumbers() {
        List<Line> lines = lines("[\n{\"id\":\"Q1\"},\r\n\n  {\"id\":\"Q2\"}  \n]\n", 1);
        assertThat(lines).extracting(Line::number).containsExactly(2L, 4L);
        assertThat(lines).extracting(DumpLinesTest::json).containsExactly("{\"id\":\"Q1\"}", "{\"id\":\"Q2\"}");
    }

    @Test
    void aPartIsNumberedFromItsFirstLineInTheDump() {
        List<Line> lines = lines("{\"id\":\"Q7\"}\n{\"id\":\"Q8\"}", 1001);
        assertThat(lines).extracting(Line::number).containsExactly(1001L, 1002L);
        assertThat(json(lines.get(1))).isEqualTo("{\"id\":\"Q8\"}");
    }

    @Test
    void aBadLineIsKeptForTheWritePathToReport() {
        assertThat(lines("{\"id\":\"Q1\",\"labels\":{\n", 3))
                .extracting(DumpLinesTest::json)
                .containsExactly("{\"id\":\"Q1\",\"labels\":{");
    }

    @Test
    void countsLinesWithOrWithoutTheLastNewline() {
        assertThat(DumpLines.count("a\nb\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(DumpLines.count("a\nb".getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(DumpLines.count(new byte[0])).isZero();
    }
}
