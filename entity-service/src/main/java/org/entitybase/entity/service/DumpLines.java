package org.entitybase.entity.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The entity lines of a part of a dump: NDJSON, or Wikidata's JSON dump format ({@code [}, one entity per line
 * ending in a comma, {@code ]}). Lines are numbered as in the whole dump, from the part's first line on; blank lines
 * and the array's brackets are no entities and are skipped.
 */
public final class DumpLines {

    /** One entity line: its number in the dump and its JSON (trailing comma and whitespace cut off). */
    public record Line(long number, byte[] json) {}

    private DumpLines() {}

    /** The entity lines of {@code part}, whose first line is line {@code firstLine} of the dump. */
    public static List<Line> of(byte[] part, long firstLine) {
        List<Line> lines = new ArrayList<>();
        long number = firstLine;
        int start = 0;
        while (start < part.length) {
            int end = start;
            while (end < part.length && part[end] != '\n') {
                end++;
            }
            Line line = entity(part, start, end, number);
            if (line != null) {
                lines.add(line);
            }
            number++;
            start = end + 1;
        }
        return lines;
    }

    /** How many lines {@code part} holds (a last line without its newline counts). */
    public static long count(byte[] part) {
        long newlines = 0;
        for (byte b : part) {
            if (b == '\n') {
                newlines++;
            }
        }
        return part.length == 0 || part[part.length - 1] == '\n' ? newlines : newlines + 1;
    }

    private static Line entity(byte[] part, int from, int to, long number) {
        int start = from;
        int end = to;
        while (start < end && isBlank(part[start])) {
            start++;
        }
        while (end > start && isBlank(part[end - 1])) {
            end--;
        }
        if (end > start && part[end - 1] == ',') {
            end--;
        }
        if (start == end || (end - start == 1 && (part[start] == '[' || part[start] == ']'))) {
            return null;
        }
        return new Line(number, Arrays.copyOfRange(part, start, end));
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
