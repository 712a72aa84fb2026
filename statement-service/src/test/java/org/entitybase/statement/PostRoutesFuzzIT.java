package org.entitybase.statement;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.entitybase.testkit.fuzz.FuzzRun;
import org.entitybase.testkit.fuzz.FuzzRun.Report;
import org.entitybase.testkit.fuzz.FuzzRun.Route;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz over statement-service's POST routes ({@code /statements/batch}, {@code /statements/cleanup-orphaned}) with
 * common-testkit's bad bodies: no answer 5xx, every answer 4xx, no statement row touched. {@code -Dfuzz.requests=}
 * (default 10 000; entity-service's fuzz carries the bulk).
 */
@QuarkusTest
class PostRoutesFuzzIT {

    private static final int REQUESTS = Integer.getInteger("fuzz.statement-requests", 10_000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261207L);

    @Test
    void badBodiesOnEveryPostRouteAreAll4xxAndChangeNothing() throws Exception {
        Config config = ConfigProvider.getConfig();
        String base = "http://127.0.0.1:" + config.getValue("quarkus.http.test-port", Integer.class)
                + config.getValue("entitybase.api-prefix", String.class);
        List<Route> routes = List.of(
                new Route(
                        "POST",
                        URI.create(base + "/statements/batch"),
                        "application/json",
                        "{\"hashes\":[@V@]}",
                        Map.of()),
                new Route(
                        "POST",
                        URI.create(base + "/statements/cleanup-orphaned"),
                        "application/json",
                        "{\"dry_run\":[@V@],\"grace_period\":\"PT24H\"}",
                        Map.of()));
        long before = statementRows();

        Report report = FuzzRun.run(routes, REQUESTS, 8, SEED);
        System.out.println("statement-service POST-route fuzz: " + report.summary());

        assertThat(report.serverErrors())
                .as("5xx answers; samples %s", report.notClientErrors())
                .isZero();
        assertThat(report.transportErrors())
                .as("requests without an answer; samples %s", report.notClientErrors())
                .isZero();
        assertThat(report.byStatus().keySet())
                .as("every answer is a 4xx; samples %s", report.notClientErrors())
                .allMatch(status -> (status >= 400 && status < 500) || status == FuzzRun.CLOSED_ON_OVERSIZED);
        assertThat(statementRows()).isEqualTo(before);
    }

    private static long statementRows() throws SQLException {
        Config config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(
                        config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getOptionalValue("quarkus.datasource.password", String.class)
                                .orElse(""));
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM statement_content")) {
            r.next();
            return r.getLong(1);
        }
    }
}
