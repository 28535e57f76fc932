package de.catalogsync.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A fresh PostgreSQL schema for one test: created before it, dropped after it, so that runs (and engineers
 * building at the same time) never see each other's tables. Tests that need PostgreSQL are skipped, with a
 * message that says so and how to start it, when no server answers on 127.0.0.1:5432; CI starts it in .ci/run.
 * Set CATALOG_SYNC_REQUIRE_POSTGRES=true to make a missing server fail these tests instead.
 */
public record PostgresSchema(String name, String url) {

    public static final String HOST_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = "postgres";
    public static final String PASSWORD = "";

    /** The JDBC URL of this schema, with batched inserts rewritten as the postgres profile has them. */
    static PostgresSchema named(String name) {
        return new PostgresSchema(name, HOST_URL + "?currentSchema=" + name + "&reWriteBatchedInserts=true");
    }

    /** Marks a test class whose tests need PostgreSQL; they receive a {@link PostgresSchema} parameter. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(Extension.class)
    public @interface Required {
    }

    static Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(HOST_URL, USER, PASSWORD);
    }

    public static final class Extension implements ExecutionCondition, BeforeEachCallback, AfterEachCallback,
            ParameterResolver {

        private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresSchema.class);

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            try (Connection ignored = connect()) {
                return ConditionEvaluationResult.enabled("PostgreSQL reachable on 127.0.0.1:5432");
            } catch (SQLException e) {
                String message = "PostgreSQL not reachable on 127.0.0.1:5432: skipped; start it with "
                        + "`pg_ctlcluster <version> main start` (as .ci/run does; user postgres, trust auth, database test) ("
                        + e.getMessage() + ")";
                if (Boolean.parseBoolean(System.getenv("CATALOG_SYNC_REQUIRE_POSTGRES"))) {
                    throw new IllegalStateException(message, e);
                }
                return ConditionEvaluationResult.disabled(message);
            }
        }

        @Override
        public void beforeEach(ExtensionContext context) throws Exception {
            PostgresSchema schema = named("t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                    .toLowerCase(Locale.ROOT));
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("create schema " + schema.name());
            }
            context.getStore(NS).put("schema", schema);
        }

        @Override
        public void afterEach(ExtensionContext context) throws Exception {
            PostgresSchema schema = context.getStore(NS).remove("schema", PostgresSchema.class);
            if (schema != null) {
                try (Connection c = connect(); Statement s = c.createStatement()) {
                    s.execute("drop schema " + schema.name() + " cascade");
                }
            }
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == PostgresSchema.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getStore(NS).get("schema", PostgresSchema.class);
        }
    }
}
