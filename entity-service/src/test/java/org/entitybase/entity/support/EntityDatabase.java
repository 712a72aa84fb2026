package org.entitybase.entity.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plain JDBC into the service's own database (the {@code %test} profile's, from its datasource URL), for assertions
 * and for setting up what no route sets yet.
 */
public final class EntityDatabase {

    private EntityDatabase() {}

    public static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class)
                        .orElse(""));
    }

    public static long count(String sql, Object... values) {
        try (Connection c = connect();
                PreparedStatement s = prepare(c, sql, values);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static List<String> strings(String sql, Object... values) {
        try (Connection c = connect();
                PreparedStatement s = prepare(c, sql, values);
                ResultSet r = s.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (r.next()) {
                out.add(r.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static int update(String sql, Object... values) {
        try (Connection c = connect();
                PreparedStatement s = prepare(c, sql, values)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Sets an entity's protection flags directly, without a protect revision (ProtectionIT tests the route). */
    public static void protect(String entityId, boolean semiProtected, boolean locked, boolean massEditProtected) {
        update(
                "INSERT INTO metadata (entity_id, semi_protected, locked, mass_edit_protected, updated_at)"
                        + " VALUES (?, ?, ?, ?, UTC_TIMESTAMP(6)) ON DUPLICATE KEY UPDATE"
                        + " semi_protected = VALUES(semi_protected), locked = VALUES(locked),"
                        + " mass_edit_protected = VALUES(mass_edit_protected)",
                entityId,
                semiProtected,
                locked,
                massEditProtected);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... values) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i]);
        }
        return s;
    }
}
