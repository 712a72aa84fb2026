package org.entitybase.deploy.vitess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vschemas against the migrations and the services' SQL ({@link VitessCheck}); the mutation cases replay the
 * defects issue 17 found by reading (each must produce its finding) and the rules nothing violates today.
 */
class VschemaTest {

    private static final Map<String, VitessCheck.Keyspace> REPOSITORY = VitessRepository.keyspaces();

    @Test
    void everyKeyspaceOfTheRepositoryPasses() {
        assertThat(REPOSITORY.keySet()).containsExactlyInAnyOrder("entity", "ids", "rdf", "statement", "stats", "user");
        assertThat(REPOSITORY.get("user").statements())
                .as("statements found in user-service and watchlist-consumer")
                .hasSizeGreaterThan(30);
        assertThat(check(REPOSITORY).findings()).isEmpty();
    }

    @Test
    void everyDeclaredScatterQueryIsStillIssued() {
        // a stale declaration would let a future scatter of the same shape through unnoticed
        assertThat(check(REPOSITORY).scatterKeys())
                .containsExactlyInAnyOrderElementsOf(VitessRepository.declaredScatterQueries());
    }

    @Test
    void catchesAVindexOnAColumnTheTableLacks_lexemeTermsByEntityId() {
        var mutated = withVschema("entity", v -> setVindexColumn(v, "lexeme_terms", "entity_id"));

        assertThat(check(mutated).findings())
                .anyMatch(f -> f.startsWith("entity.lexeme_terms: vindex entity_id on column entity_id, which the table"
                        + " does not have"));
    }

    @Test
    void catchesAVindexOnAColumnTheTableLacks_userThanksByUserId() {
        var mutated = withVschema("user", v -> setVindexColumn(v, "user_thanks", "user_id"));

        assertThat(check(mutated).findings())
                .anyMatch(f -> f.startsWith(
                        "user.user_thanks: vindex user_id on column user_id, which the table does" + " not have"));
    }

    @Test
    void catchesAnAutoIncrementWithoutSequence_watchlistNotifications() {
        var mutated = withVschema("user", v -> {
            ((ObjectNode) v.path("tables").path("watchlist_notifications")).remove("auto_increment");
            return v;
        });

        assertThat(check(mutated).findings())
                .contains("user.watchlist_notifications: AUTO_INCREMENT id in a sharded keyspace without a sequence"
                        + " (auto_increment in the vschema)");
    }

    @Test
    void catchesASequenceNoMigrationCreates_idsOutboxSeq() {
        Map<String, VitessCheck.Keyspace> mutated = new LinkedHashMap<>(REPOSITORY);
        VitessCheck.Keyspace ids = REPOSITORY.get("ids");
        MigrationSchema withoutSequence = new MigrationSchema();
        withoutSequence.tables.putAll(ids.schema().tables);
        withoutSequence.tables.remove("outbox_seq");
        mutated.put("ids", new VitessCheck.Keyspace("ids", ids.vschema(), withoutSequence, ids.statements()));

        assertThat(check(mutated).findings())
                .contains("entity.outbox: AUTO_INCREMENT id: sequence table ids.outbox_seq is created by no migration"
                        + " of keyspace ids")
                .contains("ids.outbox_seq: in the vschema, created by no migration of keyspace ids");
    }

    @Test
    void catchesATableMissingFromItsVschema() {
        var mutated = withVschema("statement", v -> {
            ((ObjectNode) v.path("tables")).remove("scheduled_job_runs");
            return v;
        });

        assertThat(check(mutated).findings())
                .contains(
                        "statement.scheduled_job_runs: created by the migrations, missing from statement.vschema.json");
    }

    @Test
    void catchesAStatementReachingIntoAnotherKeyspace() {
        var mutated = withStatement(
                "entity",
                "X.java:1",
                "SELECT h.entity_id FROM entity_head h JOIN user.users u ON u.user_id = ? WHERE h.entity_id = ?");

        assertThat(check(mutated).findings())
                .anyMatch(f -> f.startsWith("X.java:1: names user.users, not a table of keyspace entity"));
    }

    @Test
    void catchesAnUndeclaredScatterQuery() {
        var mutated = withStatement("user", "X.java:2", "SELECT user_id FROM user_watchlist WHERE properties = ?");

        assertThat(check(mutated).findings())
                .anyMatch(f -> f.startsWith("X.java:2: scatter query on user.user_watchlist: properties"));
    }

    @Test
    void aQueryByALookupVindexColumnIsNoScatter() {
        // user_watchlist.entity_id is routed by the entity_watchers lookup vindex
        var mutated = withStatement("user", "X.java:3", "SELECT user_id FROM user_watchlist WHERE entity_id = ?");

        assertThat(check(mutated).findings()).isEmpty();
    }

    @Test
    void catchesAForeignKey() {
        MigrationSchema schema = new MigrationSchema();
        schema.apply("m/V1__x.sql", """
                CREATE TABLE a (id BIGINT NOT NULL, PRIMARY KEY (id));
                -- a comment; with a semicolon
                CREATE TABLE b (id BIGINT NOT NULL, a_id BIGINT NOT NULL REFERENCES a (id), PRIMARY KEY (id));
                ALTER TABLE b ADD CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id);
                """);

        assertThat(schema.foreignKeys).hasSize(2);
        assertThat(schema.tables.get("b").columns()).containsExactly("id", "a_id");
    }

    @Test
    void readsTheShapesOfDdlTheMigrationsUse() {
        MigrationSchema schema = new MigrationSchema();
        schema.apply("m/V1__x.sql", """
                CREATE TABLE IF NOT EXISTS t (
                    id BIGINT UNSIGNED NOT NULL,
                    name VARCHAR(10) NOT NULL DEFAULT 'a,b', -- a comma in a default and a comment
                    PRIMARY KEY (id),
                    KEY idx_t_name (name)
                ) ENGINE = InnoDB;
                ALTER TABLE t MODIFY id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT;
                ALTER TABLE t ADD COLUMN extra INT NULL AFTER name, ADD KEY idx_t_extra (extra), DROP INDEX idx_t_name;
                ALTER TABLE t DROP COLUMN name;
                CREATE TABLE s (id INT NOT NULL, next_id BIGINT NULL, cache BIGINT NULL, PRIMARY KEY (id))
                    COMMENT 'vitess_sequence';
                """);

        assertThat(schema.tables.get("t").columns()).containsExactly("id", "extra");
        assertThat(schema.tables.get("t").autoIncrement()).isEqualTo("id");
        assertThat(schema.tables.get("s").comment()).isEqualTo("vitess_sequence");
        assertThat(schema.unreadable).isEmpty();
    }

    @Test
    void readsSqlAssembledFromConstantsAndConcatenation() {
        List<ServiceSql.Statement> found = ServiceSql.scan("R.java", """
                class R {
                    static final String COLUMNS = "a, b";
                    static final String FIND = "SELECT " + COLUMNS + " FROM t WHERE a = ?";
                    Object page(int n) {
                        use(FIND);
                        return client.preparedQuery("SELECT a FROM t WHERE b IN (" + Sql.placeholders(n, 1) + ")")
                                .execute(Tuple.of("not sql"));
                    }
                }
                """);

        assertThat(found)
                .extracting(ServiceSql.Statement::sql)
                .containsExactly("SELECT a, b FROM t WHERE a = ?", "SELECT a FROM t WHERE b IN ()");
        assertThat(found.get(1).equalityColumns()).containsExactly("b");
    }

    private static VitessCheck check(Map<String, VitessCheck.Keyspace> keyspaces) {
        return new VitessCheck(keyspaces, VitessRepository.declaredScatterQueries());
    }

    private static Map<String, VitessCheck.Keyspace> withVschema(String keyspace, UnaryOperator<ObjectNode> change) {
        Map<String, VitessCheck.Keyspace> out = new LinkedHashMap<>(REPOSITORY);
        VitessCheck.Keyspace ks = REPOSITORY.get(keyspace);
        out.put(
                keyspace,
                new VitessCheck.Keyspace(
                        keyspace, change.apply(ks.vschema().deepCopy()), ks.schema(), ks.statements()));
        return out;
    }

    private static Map<String, VitessCheck.Keyspace> withStatement(String keyspace, String source, String sql) {
        Map<String, VitessCheck.Keyspace> out = new LinkedHashMap<>();
        REPOSITORY.forEach((name, ks) -> out.put(
                name,
                new VitessCheck.Keyspace(
                        name,
                        ks.vschema(),
                        ks.schema(),
                        name.equals(keyspace) ? List.of(new ServiceSql.Statement(source, sql)) : List.of())));
        return out;
    }

    private static ObjectNode setVindexColumn(ObjectNode vschema, String table, String column) {
        ArrayNode vindexes = (ArrayNode) vschema.path("tables").path(table).path("column_vindexes");
        ((ObjectNode) vindexes.get(0)).put("column", column);
        return vschema;
    }
}
