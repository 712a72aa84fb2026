package org.entitybase.entity.support;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;

import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.FixtureEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.reader;
import static org.entitybase.entity.support.Api.writer;

/**
 * The real lexemes of {@code shared/data} (L42, L1883, L42353, …) imported under a fresh id each (the same JSON with
 * {@code L42} → {@code L<fresh>} in ids, statement GUIDs and the title), so a test edits its own copy from its first
 * revision and the real ids stay as the round-trip test imports them.
 */
public final class RealLexemes {

    private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis() * 1000);

    private RealLexemes() {}

    /** The real lexeme's JSON as Wikidata wrote it. */
    public static String json(String realId) {
        return WikidataFixtures.entities().stream()
                .filter(e -> e.id().equals(realId))
                .map(FixtureEntity::json)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no real lexeme " + realId));
    }

    /** {@code json} with every mention of lexeme {@code from} (its forms, senses, GUIDs) naming {@code to}. */
    public static String renamed(String json, String from, String to) {
        return Pattern.compile("(?<![0-9A-Za-z])" + from + "(?![0-9])")
                .matcher(json)
                .replaceAll(Matcher.quoteReplacement(to));
    }

    /** A copy of {@code realId} imported under a fresh lexeme id (revision 1); returns that id. */
    public static String copy(String realId) {
        String id = "L" + NEXT.incrementAndGet();
        Response imported = writer(3).body(renamed(json(realId), realId, id)).post(path("/import"));
        assertThat(imported.statusCode()).as(imported.asString()).isEqualTo(201);
        return id;
    }

    /** The lexeme's JSON as {@code GET /entities/{id}} gives it now. */
    public static String current(String id) {
        Response read = reader().get(path("/entities/" + id));
        assertThat(read.statusCode()).as(read.asString()).isEqualTo(200);
        return read.asString();
    }
}
