package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Spring Batch's job repository tables, created with Spring Batch's own script for the database, where they are
 * missing. Until this migration Spring Boot ran that script at every start ({@code spring.batch.jdbc
 * .initialize-schema: always}) and went on past the statements that failed on the tables already there; on H2
 * every one of them was written as an exception to {@code data/catalog-sync.trace.db}, about 26 KB per start, for
 * an operator to find and worry about. A database that Boot set up before keeps its tables as they are.
 */
public class V10__batch_job_repository extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (exists(c, "BATCH_JOB_INSTANCE")) {
            return;
        }
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String script = product.contains("postgres") ? "schema-postgresql.sql"
                : product.contains("h2") ? "schema-h2.sql" : null;
        if (script == null) {
            throw new IllegalStateException("no Spring Batch schema for " + product + ": catalog-sync runs on H2 and PostgreSQL");
        }
        ScriptUtils.executeSqlScript(c, new ClassPathResource("org/springframework/batch/core/" + script));
    }

    /** Whether the table is in the connection's schema, named as the database folds an unquoted name. */
    private static boolean exists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String name = meta.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
        try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), name, new String[] {"TABLE"})) {
            return rs.next();
        }
    }
}
