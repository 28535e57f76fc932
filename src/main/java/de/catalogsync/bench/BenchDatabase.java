package de.catalogsync.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Where a bench keeps the rows of each measurement (the sync, the floor, the typical job): by default an H2 file
 * database of its own in the work folder, the application's default; with {@code --postgres} a schema of its own in
 * a PostgreSQL database, as in production. Each measurement starts empty and is removed after it, so that the next
 * one neither reads nor pays for its data.
 */
sealed interface BenchDatabase {

    /** The sync's database; the comparators' are named after them ("floor", "typical"). */
    String SYNC = "sync";

    /** How the table's header names it. */
    String describe() throws SQLException;

    /** The JDBC URL of the database named {@code name}. */
    String url(String name);

    String user();

    String password();

    /** Makes the database named {@code name} exist and empty. */
    void reset(String name) throws Exception;

    /** Removes the database named {@code name} and what it held. */
    void remove(String name) throws Exception;

    /** Bytes the database named {@code name} takes on disk. */
    long bytes(String name) throws Exception;

    default Connection connect(String name) throws SQLException {
        return DriverManager.getConnection(url(name), user(), password());
    }

    /** Whether its SQL dialect is PostgreSQL's (Spring Batch's schema script differs). */
    default boolean postgres() {
        return this instanceof Postgres;
    }

    /**
     * An H2 file database per measurement under the work folder {@code dir}: the sync's at {@code db/catalog-sync}
     * (beside its spill folder), a comparator's at {@code NAME/db/NAME}.
     */
    record H2(Path dir) implements BenchDatabase {

        Path file(String name) {
            return SYNC.equals(name) ? dir.resolve("db/catalog-sync") : dir.resolve(name).resolve("db").resolve(name);
        }

        @Override
        public String describe() {
            return "H2 file database";
        }

        /** The settings of the application's default database: every commit is on disk when it returns. */
        @Override
        public String url(String name) {
            return "jdbc:h2:file:" + file(name).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        }

        @Override
        public String user() {
            return "sa";
        }

        @Override
        public String password() {
            return "";
        }

        @Override
        public void reset(String name) throws Exception {
            BenchFiles.deleteDatabase(file(name));
        }

        @Override
        public void remove(String name) throws Exception {
            BenchFiles.deleteDatabase(file(name));
        }

        /** The database's folder: for the sync, its spill folder too (empty when a run has loaded its states). */
        @Override
        public long bytes(String name) throws Exception {
            return BenchFiles.size(file(name).toAbsolutePath().getParent());
        }
    }

    /**
     * A schema per measurement, {@code PREFIX_NAME}, in the PostgreSQL database at {@code serverUrl}, with batched
     * inserts rewritten as the application's postgres profile has them. Two benches on one database need different
     * prefixes.
     */
    record Postgres(String serverUrl, String schemaPrefix, String user, String password) implements BenchDatabase {

        private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,40}");

        public Postgres {
            if (!serverUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("--postgres takes a JDBC URL that starts with jdbc:postgresql:, "
                        + "such as jdbc:postgresql://127.0.0.1:5432/test; was " + serverUrl);
            }
            if (serverUrl.contains("currentSchema=") || serverUrl.contains("user=") || serverUrl.contains("password=")) {
                throw new IllegalArgumentException("--postgres must name neither a schema (the bench makes one per "
                        + "measurement, named by --schema-prefix) nor a user or password (--postgres-user, PGPASSWORD); "
                        + "was " + serverUrl);
            }
            if (!SCHEMA.matcher(schemaPrefix).matches()) {
                throw new IllegalArgumentException("--schema-prefix must be lower-case letters, digits and _, "
                        + "starting with a letter or _ (at most 41); was " + schemaPrefix);
            }
        }

        String schema(String name) {
            return schemaPrefix + "_" + name;
        }

        @Override
        public String describe() throws SQLException {
            try (Connection c = server()) {
                int query = serverUrl.indexOf('?');
                return "PostgreSQL " + c.getMetaData().getDatabaseProductVersion() + " at "
                        + (query < 0 ? serverUrl : serverUrl.substring(0, query)) + ", schema " + schema("*");
            }
        }

        @Override
        public String url(String name) {
            StringBuilder url = new StringBuilder(serverUrl).append(serverUrl.contains("?") ? '&' : '?')
                    .append("currentSchema=").append(schema(name));
            if (!hasParameter("reWriteBatchedInserts")) {
                url.append("&reWriteBatchedInserts=true");
            }
            return url.toString();
        }

        private boolean hasParameter(String parameter) {
            int query = serverUrl.indexOf('?');
            if (query < 0) {
                return false;
            }
            for (String p : serverUrl.substring(query + 1).split("&")) {
                if (p.equals(parameter) || p.startsWith(parameter + "=")) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void reset(String name) throws SQLException {
            execute("drop schema if exists " + schema(name) + " cascade", "create schema " + schema(name));
        }

        @Override
        public void remove(String name) throws SQLException {
            execute("drop schema if exists " + schema(name) + " cascade");
        }

        private void execute(String... statements) throws SQLException {
            try (Connection c = server(); Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement);
                }
            }
        }

        /** A connection to the database itself, outside the measurements' schemas. */
        private Connection server() throws SQLException {
            return DriverManager.getConnection(serverUrl, user(), password());
        }

        /** Its tables with their indexes and TOAST (where PostgreSQL keeps the compressed blocks' bytes). */
        @Override
        public long bytes(String name) throws SQLException {
            try (Connection c = server();
                 PreparedStatement ps = c.prepareStatement("""
                         select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c
                         join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relkind in ('r', 'm')""")) {
                ps.setString(1, schema(name));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }
}
