package org.entitybase.user.repository;

import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mysqlclient.MySQLClient;

/** {@code users} and its unique-name lookup {@code user_names}, always written together. */
@ApplicationScoped
public class UserRepository {

    static final String INSERT_ALLOCATED =
            "INSERT INTO users (user_name, is_bot, created_at, updated_at) VALUES (?, FALSE, ?, ?)";
    static final String INSERT_WITH_ID =
            "INSERT INTO users (user_id, user_name, is_bot, created_at, updated_at) VALUES (?, ?, FALSE, ?, ?)";
    static final String INSERT_NAME = "INSERT INTO user_names (name_key, user_id) VALUES (?, ?)";
    static final String FIND = "SELECT user_id, user_name, created_at FROM users WHERE user_id = ?";
    static final String FIND_NAME = "SELECT user_id FROM user_names WHERE name_key = ?";
    // counts no further than needed: a prolific editor's activity is not scanned whole
    static final String EDITS_UP_TO =
            "SELECT COUNT(*) AS edits FROM (SELECT 1 FROM user_activity WHERE user_id = ? LIMIT ?) AS some_edits";
    static final String COUNTS = "SELECT"
            + " (SELECT COUNT(*) FROM user_activity WHERE user_id = ?) AS edits,"
            + " (SELECT COUNT(*) FROM user_thanks WHERE from_user_id = ?) AS thanks_sent,"
            + " (SELECT COUNT(*) FROM user_thanks WHERE to_user_id = ?) AS thanks_received,"
            + " (SELECT COUNT(*) FROM user_statement_endorsements WHERE user_id = ?) AS endorsements_given,"
            + " (SELECT COUNT(*) FROM statement_authors a JOIN user_statement_endorsements e"
            + " ON e.statement_hash = a.statement_hash WHERE a.user_id = ?) AS endorsements_received";

    /** A registered user. */
    public record UserRow(long id, String name, Instant registeredAt) {}

    /** What a user did and received; endorsements received are of the statements the user introduced. */
    public record Counts(
            long edits, long thanksSent, long thanksReceived, long endorsementsGiven, long endorsementsReceived) {}

    /** Inserts the user with a new id; fails with a duplicate key when the name is taken. */
    public Uni<Long> insert(SqlConnection connection, String name, String nameKey, Instant at) {
        LocalDateTime utc = Sql.utc(at);
        return connection
                .preparedQuery(INSERT_ALLOCATED)
                .execute(Tuple.of(name, utc, utc))
                .map(rows -> (long) rows.getDelegate().property(MySQLClient.LAST_INSERTED_ID))
                .call(id -> connection.preparedQuery(INSERT_NAME).execute(Tuple.of(nameKey, id)));
    }

    /** Inserts the user with its id; fails with a duplicate key when the id or the name is taken. */
    public Uni<Void> insert(SqlConnection connection, long id, String name, String nameKey, Instant at) {
        LocalDateTime utc = Sql.utc(at);
        return connection
                .preparedQuery(INSERT_WITH_ID)
                .execute(Tuple.of(id, name, utc, utc))
                .call(() -> connection.preparedQuery(INSERT_NAME).execute(Tuple.of(nameKey, id)))
                .replaceWithVoid();
    }

    /** The user, or null. */
    public Uni<UserRow> find(SqlClient client, long id) {
        return client.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                return null;
            }
            Row r = rows.iterator().next();
            return new UserRow(
                    r.getLong("user_id"), r.getString("user_name"), Sql.instant(r.getLocalDateTime("created_at")));
        });
    }

    /** Who holds the name (case-folded key), or null. */
    public Uni<Long> findByNameKey(SqlClient client, String nameKey) {
        return client.preparedQuery(FIND_NAME)
                .execute(Tuple.of(nameKey))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong("user_id") : null);
    }

    /** The user's edits, counted up to {@code atMost}. */
    public Uni<Long> editsUpTo(SqlClient client, long id, int atMost) {
        return client.preparedQuery(EDITS_UP_TO)
                .execute(Tuple.of(id, atMost))
                .map(rows -> rows.iterator().next().getLong("edits"));
    }

    public Uni<Counts> counts(SqlClient client, long id) {
        return client.preparedQuery(COUNTS)
                .execute(Tuple.of(id, id, id, id, id))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Counts(
                            r.getLong("edits"),
                            r.getLong("thanks_sent"),
                            r.getLong("thanks_received"),
                            r.getLong("endorsements_given"),
                            r.getLong("endorsements_received"));
                });
    }
}
