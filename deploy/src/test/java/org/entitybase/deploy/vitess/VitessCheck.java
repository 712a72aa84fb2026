package org.entitybase.deploy.vitess;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the vschemas against the tables the migrations create and the SQL the services issue; {@link #findings()}
 * lists every rule broken, one line each, so a test can name what it expects.
 *
 * <p>Rules: every table a keyspace's migrations create is in that keyspace's vschema, and every vschema table is
 * created; in a sharded keyspace every table has a primary vindex on a column it has, naming a vindex that is
 * defined; every AUTO_INCREMENT column of a sharded table is fed by a sequence that an unsharded keyspace declares
 * and its migrations create (Vitess's {@code id, next_id, cache} table with the {@code vitess_sequence} comment); a
 * lookup vindex's backing table and columns exist; no migration declares a foreign key; every statement a service
 * issues names only tables of the service's keyspace; a statement on a sharded table either compares a vindex
 * column (primary or lookup) with {@code =}/{@code IN}, or is one of the declared scatter queries; an INSERT into a
 * sharded table names its primary vindex column (or leaves it to the table's sequence).
 */
final class VitessCheck {

    /** A keyspace: its vschema, the tables its migrations leave, the statements its services issue. */
    record Keyspace(String name, JsonNode vschema, MigrationSchema schema, List<ServiceSql.Statement> statements) {
        boolean sharded() {
            return vschema.path("sharded").asBoolean(false);
        }
    }

    private final Map<String, Keyspace> keyspaces;
    /** Declared scatter queries: {@code keyspace.table: col,col} (sorted equality columns, "-" for none). */
    private final Set<String> scatterAllowed;

    VitessCheck(Map<String, Keyspace> keyspaces, Set<String> scatterAllowed) {
        this.keyspaces = keyspaces;
        this.scatterAllowed = scatterAllowed;
    }

    List<String> findings() {
        List<String> out = new ArrayList<>();
        for (Keyspace ks : keyspaces.values()) {
            tables(ks, out);
            statements(ks, out);
            ks.schema()
                    .foreignKeys
                    .forEach(fk -> out.add("foreign key (Vitess cannot enforce it across shards): " + fk));
            ks.schema().unreadable.forEach(u -> out.add("migration the check cannot read: " + u));
        }
        return out;
    }

    /** The scatter keys the statements need, whether declared or not: what a new declaration file would hold. */
    Set<String> scatterKeys() {
        Set<String> keys = new TreeSet<>();
        for (Keyspace ks : keyspaces.values()) {
            for (ServiceSql.Statement st : ks.statements()) {
                String key = scatterKey(ks, st);
                if (key != null) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    private void tables(Keyspace ks, List<String> out) {
        JsonNode vtables = ks.vschema().path("tables");
        for (String table : ks.schema().tables.keySet()) {
            if (!vtables.has(table)) {
                out.add(ks.name() + "." + table + ": created by the migrations, missing from " + ks.name()
                        + ".vschema.json");
            }
        }
        vtables.fieldNames().forEachRemaining(table -> {
            MigrationSchema.Table created = ks.schema().tables.get(table);
            if (created == null) {
                out.add(ks.name() + "." + table + ": in the vschema, created by no migration of keyspace " + ks.name());
                return;
            }
            JsonNode spec = vtables.get(table);
            if ("sequence".equals(spec.path("type").asText())) {
                sequenceTable(ks, created, out);
                return;
            }
            if (!ks.sharded()) {
                return;
            }
            JsonNode vindexes = spec.path("column_vindexes");
            if (vindexes.isEmpty()) {
                out.add(ks.name() + "." + table + ": sharded keyspace, no primary vindex");
            }
            for (JsonNode cv : vindexes) {
                String column = cv.path("column").asText();
                String name = cv.path("name").asText();
                if (!created.columns().contains(column)) {
                    out.add(ks.name() + "." + table + ": vindex " + name + " on column " + column
                            + ", which the table does not have (columns: " + created.columns() + ")");
                }
                JsonNode vindex = ks.vschema().path("vindexes").path(name);
                if (vindex.isMissingNode()) {
                    out.add(ks.name() + "." + table + ": vindex " + name + " is not defined in vindexes");
                } else if (vindex.path("type").asText().startsWith("lookup")) {
                    lookup(ks, name, vindex.path("params"), out);
                }
            }
            if (created.autoIncrement() != null) {
                autoIncrement(ks, created, spec.path("auto_increment"), out);
            }
        });
    }

    private void autoIncrement(Keyspace ks, MigrationSchema.Table table, JsonNode spec, List<String> out) {
        String where = ks.name() + "." + table.name() + ": AUTO_INCREMENT " + table.autoIncrement();
        if (spec.isMissingNode()) {
            out.add(where + " in a sharded keyspace without a sequence (auto_increment in the vschema)");
            return;
        }
        if (!table.autoIncrement().equals(spec.path("column").asText())) {
            out.add(where + ": the vschema's auto_increment names column "
                    + spec.path("column").asText());
        }
        String sequence = spec.path("sequence").asText();
        String[] parts = sequence.split("\\.", 2);
        Keyspace home = parts.length == 2 ? keyspaces.get(parts[0]) : null;
        if (home == null || home.sharded()) {
            out.add(where + ": sequence " + sequence + " is not in an unsharded keyspace");
            return;
        }
        if (!"sequence"
                .equals(home.vschema()
                        .path("tables")
                        .path(parts[1])
                        .path("type")
                        .asText())) {
            out.add(where + ": sequence " + sequence + " is not declared (type sequence) in " + parts[0]
                    + ".vschema.json");
        }
        if (!home.schema().tables.containsKey(parts[1])) {
            out.add(where + ": sequence table " + sequence + " is created by no migration of keyspace " + parts[0]);
        }
    }

    private static void sequenceTable(Keyspace ks, MigrationSchema.Table table, List<String> out) {
        if (ks.sharded()) {
            out.add(ks.name() + "." + table.name() + ": a sequence in a sharded keyspace");
        }
        if (!table.columns().equals(new java.util.LinkedHashSet<>(List.of("id", "next_id", "cache")))
                || !"vitess_sequence".equals(table.comment())) {
            out.add(ks.name() + "." + table.name() + ": a sequence table needs columns (id, next_id, cache) and "
                    + "COMMENT 'vitess_sequence', has " + table.columns() + " comment " + table.comment());
        }
    }

    private void lookup(Keyspace ks, String vindex, JsonNode params, List<String> out) {
        String[] table = params.path("table").asText().split("\\.", 2);
        Keyspace home = table.length == 2 ? keyspaces.get(table[0]) : ks;
        String name = table[table.length - 1];
        MigrationSchema.Table backing =
                home == null ? null : home.schema().tables.get(name);
        if (backing == null) {
            out.add(ks.name() + ": lookup vindex " + vindex + ": backing table "
                    + params.path("table").asText() + " is created by no migration");
            return;
        }
        for (String column :
                List.of(params.path("from").asText(), params.path("to").asText())) {
            if (!backing.columns().contains(column)) {
                out.add(ks.name() + ": lookup vindex " + vindex + ": backing table " + name + " has no column "
                        + column);
            }
        }
    }

    private void statements(Keyspace ks, List<String> out) {
        for (ServiceSql.Statement st : ks.statements()) {
            for (String table : st.tables()) {
                String bare = table.contains(".") ? table.substring(table.indexOf('.') + 1) : table;
                boolean otherKeyspace = table.contains(".") && !table.startsWith(ks.name() + ".");
                if (otherKeyspace || !ks.schema().tables.containsKey(bare)) {
                    out.add(st.source() + ": names " + table + ", not a table of keyspace " + ks.name()
                            + " (one statement, one keyspace): " + st.sql());
                }
            }
            String key = scatterKey(ks, st);
            if (key != null && !scatterAllowed.contains(key)) {
                out.add(st.source() + ": scatter query on " + key + " (no vindex column compared; add a lookup "
                        + "vindex or declare it in deploy/vitess/scatter-queries.txt): " + st.sql());
            }
            insertNamesVindex(ks, st, out);
        }
    }

    /** {@code keyspace.table: cols} when {@code st} reads, updates or deletes a sharded table by no vindex column. */
    private static String scatterKey(Keyspace ks, ServiceSql.Statement st) {
        if (!ks.sharded() || !Set.of("SELECT", "UPDATE", "DELETE").contains(st.verb())) {
            return null;
        }
        Set<String> compared = st.equalityColumns();
        for (String table : st.tables()) {
            JsonNode vindexes = ks.vschema().path("tables").path(table).path("column_vindexes");
            Set<String> routing = new HashSet<>();
            vindexes.forEach(cv -> routing.add(cv.path("column").asText()));
            if (!vindexes.isEmpty() && compared.stream().noneMatch(routing::contains)) {
                return ks.name() + "." + table + ": "
                        + (compared.isEmpty() ? "-" : String.join(",", new TreeSet<>(compared)));
            }
        }
        return null;
    }

    private static void insertNamesVindex(Keyspace ks, ServiceSql.Statement st, List<String> out) {
        List<String> columns = st.insertColumns();
        if (!ks.sharded() || columns.isEmpty()) {
            return;
        }
        String table = st.tables().iterator().next();
        JsonNode spec = ks.vschema().path("tables").path(table);
        JsonNode primary = spec.path("column_vindexes").path(0).path("column");
        if (!primary.isMissingNode()
                && !columns.contains(primary.asText())
                && !primary.asText()
                        .equals(spec.path("auto_increment").path("column").asText())) {
            out.add(st.source() + ": INSERT into " + ks.name() + "." + table + " without its primary vindex column "
                    + primary.asText() + ": " + st.sql());
        }
    }
}
