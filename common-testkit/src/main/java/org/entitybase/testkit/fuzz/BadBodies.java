package org.entitybase.testkit.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Generates request bodies that are wrong by construction, from a route's body template: whatever the mutation, the
 * result can never be a valid request, so a fuzz run may demand both "no 5xx" and "nothing written".
 *
 * <p>A template is ASCII JSON with a slot {@code @V@} where only a string is valid, and optionally a slot {@code @L@}
 * where only the short string {@code "en"} is valid (a language that must match its key). Mutations that keep the
 * document well-formed put a wrong value in a slot; the others break the bytes themselves anywhere: a proper prefix of
 * a JSON object or array, a byte that never occurs in UTF-8, a raw control character, an unfinished multi-byte
 * sequence, a lone surrogate (escaped or raw), nesting beyond the parser's 1000 levels or numbers beyond its 1000
 * digits.
 */
public final class BadBodies {
    public static final String STRING_SLOT = "@V@";
    public static final String LANGUAGE_SLOT = "@L@";

    /** Above Quarkus' default body limit (10 MiB): answered 413 before any parsing. */
    static final int OVERSIZED = 11 * 1024 * 1024;

    private static final String DEFAULT_STRING = "\"fuzz value\"";
    private static final String DEFAULT_LANGUAGE = "\"en\"";
    private static final String[] WRONG_TYPES = {
        "0", "-1", "3.5", "1e400", "true", "false", "null", "{}", "{\"a\":1}", "[]", "[1]", "[\"a\"]"
    };
    /** Bytes that occur nowhere in well-formed UTF-8. */
    private static final int[] NEVER_UTF8 = {
        0xC0, 0xC1, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF
    };

    /** The kinds of damage, each with its share of the requests (per mille). */
    public enum Mutation {
        TRUNCATION(150),
        NEVER_UTF8_BYTE_INSERTED(80),
        BYTE_REPLACED_BY_NEVER_UTF8(80),
        CONTROL_CHARACTER(100),
        LEADING_CONTROL_CHARACTER(40),
        UNFINISHED_UTF8_SEQUENCE(70),
        STRAY_CONTINUATION_BYTE(50),
        LONE_SURROGATE_ESCAPED(100),
        LONE_SURROGATE_RAW(60),
        DEEP_NESTING(60),
        HUGE_NUMBER(60),
        HUGE_STRING(20),
        WRONG_TYPE(100),
        RANDOM_BYTES(29),
        OVERSIZED_BODY(1);

        final int perMille;

        Mutation(int perMille) {
            this.perMille = perMille;
        }

        static Mutation pick(SplittableRandom random) {
            int roll = random.nextInt(1000);
            for (Mutation m : values()) {
                roll -= m.perMille;
                if (roll < 0) {
                    return m;
                }
            }
            return TRUNCATION;
        }
    }

    /** One bad body and how it was made. */
    public record BadBody(Mutation mutation, byte[] bytes) {}

    private BadBodies() {}

    public static BadBody next(String template, SplittableRandom random) {
        Mutation mutation = Mutation.pick(random);
        return new BadBody(mutation, make(mutation, template, random));
    }

    static byte[] make(Mutation mutation, String template, SplittableRandom random) {
        byte[] base = ascii(fill(template, DEFAULT_STRING, DEFAULT_LANGUAGE));
        return switch (mutation) {
            // a proper, non-empty prefix of an object or array (an empty body is valid where the body is optional)
            case TRUNCATION -> slice(base, 1 + random.nextInt(base.length - 1));
            case NEVER_UTF8_BYTE_INSERTED -> insert(base, random, bytes(pickNeverUtf8(random)));
            case BYTE_REPLACED_BY_NEVER_UTF8 -> {
                byte[] out = base.clone();
                out[random.nextInt(out.length)] = (byte) pickNeverUtf8(random);
                yield out;
            }
            case CONTROL_CHARACTER -> insert(base, random, bytes(control(random)));
            case LEADING_CONTROL_CHARACTER -> concat(bytes(control(random)), base);
            // a lead byte followed by ASCII (templates are ASCII): the sequence never completes
            case UNFINISHED_UTF8_SEQUENCE -> insert(base, random, bytes(0xC2 + random.nextInt(0xF4 - 0xC2 + 1)));
            case STRAY_CONTINUATION_BYTE -> insert(base, random, bytes(0x80 + random.nextInt(0x40)));
            // inside a string a lone surrogate, outside one a stray backslash: bad either way
            case LONE_SURROGATE_ESCAPED ->
                insert(base, random, ascii(String.format("\\u%04x", 0xD800 + random.nextInt(0x800))));
            case LONE_SURROGATE_RAW ->
                insert(base, random, bytes(0xED, 0xA0 + random.nextInt(0x20), 0x80 + random.nextInt(0x40)));
            case DEEP_NESTING ->
                ascii(fill(template, nested(logUniform(random, 1, 100_000), random), DEFAULT_LANGUAGE));
            case HUGE_NUMBER -> ascii(fill(template, hugeNumber(random), DEFAULT_LANGUAGE));
            case HUGE_STRING -> hugeString(template, random);
            case WRONG_TYPE -> ascii(fill(template, WRONG_TYPES[random.nextInt(WRONG_TYPES.length)], DEFAULT_LANGUAGE));
            case RANDOM_BYTES -> randomBytes(random);
            case OVERSIZED_BODY -> unterminatedString(template, OVERSIZED);
        };
    }

    private static String fill(String template, String string, String language) {
        return template.replace(STRING_SLOT, string).replace(LANGUAGE_SLOT, language);
    }

    private static String nested(int depth, SplittableRandom random) {
        StringBuilder sb = new StringBuilder(depth * 6 + 2);
        boolean arrays = random.nextBoolean();
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "[" : "{\"a\":");
        }
        sb.append('1');
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? ']' : '}');
        }
        return sb.toString();
    }

    private static String hugeNumber(SplittableRandom random) {
        int digits = logUniform(random, 20, 200_000);
        StringBuilder sb = new StringBuilder(digits + 16);
        if (random.nextBoolean()) {
            sb.append('-');
        }
        sb.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < digits; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        switch (random.nextInt(3)) {
            case 0 -> sb.append(".5");
            case 1 -> sb.append("e").append(random.nextInt(2_000_000_000));
            default -> {}
        }
        return sb.toString();
    }

    /** A huge string where only "en" is valid, or, without such a slot, a huge string that never ends. */
    private static byte[] hugeString(String template, SplittableRandom random) {
        int length = logUniform(random, 1_000, 2_000_000);
        if (template.contains(LANGUAGE_SLOT)) {
            return ascii(fill(template, DEFAULT_STRING, "\"" + "x".repeat(length) + "\""));
        }
        return unterminatedString(template, length);
    }

    private static byte[] unterminatedString(String template, int length) {
        String head = template.substring(0, template.indexOf(STRING_SLOT)).replace(LANGUAGE_SLOT, DEFAULT_LANGUAGE);
        byte[] out = new byte[head.length() + 1 + length];
        System.arraycopy(ascii(head), 0, out, 0, head.length());
        out[head.length()] = '"';
        java.util.Arrays.fill(out, head.length() + 1, out.length, (byte) 'x');
        return out;
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] out = new byte[1 + random.nextInt(512)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        out[random.nextInt(out.length)] = (byte) 0xFF; // never valid UTF-8, so never a valid body
        return out;
    }

    private static int control(SplittableRandom random) {
        int c;
        do {
            c = random.nextInt(0x20);
        } while (c == '\t' || c == '\n' || c == '\r');
        return c;
    }

    private static int pickNeverUtf8(SplittableRandom random) {
        return NEVER_UTF8[random.nextInt(NEVER_UTF8.length)];
    }

    private static int logUniform(SplittableRandom random, int min, int max) {
        double lo = Math.log(min);
        double hi = Math.log(max);
        return (int) Math.round(Math.exp(lo + random.nextDouble() * (hi - lo)));
    }

    private static byte[] insert(byte[] base, SplittableRandom random, byte[] piece) {
        int at = random.nextInt(base.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(base.length + piece.length);
        out.write(base, 0, at);
        out.writeBytes(piece);
        out.write(base, at, base.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] slice(byte[] base, int length) {
        byte[] out = new byte[length];
        System.arraycopy(base, 0, out, 0, length);
        return out;
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
