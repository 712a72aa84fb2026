package org.entitybase.entity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.entitybase.entity.support.EntityDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.writer;

/**
 * Bad bytes through the real service: invalid UTF-8, lone surrogates (escaped and raw), control characters, in an
 * entity body, a term body and a plain JSON body (a redirect): 400 {@code invalid-json} with the path of the bad
 * value, nothing stored, nothing dropped by Mutiny into the log.
 */
@QuarkusTest
class BadBytesIT {

    private static final long USER = 11;
    private static final String DROPPED = "Mutiny had to drop";

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            Throwable thrown = record.getThrown();
            logged.add(String.valueOf(message) + (thrown != null ? " " + thrown : ""));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLog() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        Logger.getLogger("").removeHandler(capture);
    }

    private static byte[] itemWithLabel(byte[] bad) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"a".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes("b\"}}}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] hex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    private static void invalidJsonAt(Response response, String path) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.jsonPath().getString("code")).isEqualTo("invalid-json");
        assertThat(response.jsonPath().getString("context.path")).isEqualTo(path);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "escaped lone surrogate, 5c7564383030",
        "raw lone surrogate, eda080",
        "invalid UTF-8, ff",
        "truncated UTF-8, e282",
        "control character, 01",
    })
    void badBytesInALabelAre400AtTheLabelAndStoreNothing(String what, String bad) {
        long before = EntityDatabase.count("SELECT COUNT(*) FROM entity_revisions");
        invalidJsonAt(writer(USER).body(itemWithLabel(hex(bad))).post(path("/entities/items")), "labels.en.value");
        assertThat(EntityDatabase.count("SELECT COUNT(*) FROM entity_revisions"))
                .isEqualTo(before);
        assertThat(logged).noneMatch(line -> line.contains(DROPPED));
    }

    @Test
    void aBodyStartingWithAControlCharacterIs400AndNothingIsDropped() throws InterruptedException {
        for (String body : new String[] {"\u0001{}", "\u0000", "\u001b[31m{}"}) {
            Response response =
                    writer(USER).body(body.getBytes(StandardCharsets.UTF_8)).post(path("/entities/items"));
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
            assertThat(response.jsonPath().getString("code")).isEqualTo("invalid-json");
        }
        Thread.sleep(200); // a dropped exception is logged after the answer
        assertThat(logged).noneMatch(line -> line.contains(DROPPED));
    }

    @Test
    void aLoneSurrogateInATermOrAPlainJsonBodyIs400() {
        String id = writer(USER)
                .body("{\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"bad bytes\"}}}")
                .post(path("/entities/items"))
                .jsonPath()
                .getString("id");
        invalidJsonAt(writer(USER).body("\"a\\ud800\"").put(path("/entities/items/" + id + "/labels/en")), "");
        invalidJsonAt(
                writer(USER).body("{\"value\":\"a\\udc00\"}").put(path("/entities/items/" + id + "/labels/en")),
                "value");
        invalidJsonAt(
                writer(USER)
                        .body("{\"from\":\"Q1\\ud800\",\"to\":\"" + id + "\"}")
                        .post(path("/redirects")),
                "from");
        assertThat(logged).noneMatch(line -> line.contains(DROPPED));
    }
}
