package de.catalogsync.publish;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * H2 builds a query's whole result before it hands out the first row (in memory, or in a temporary file once it is
 * large), whatever the fetch size; with lazy execution it streams rows straight from the index, as PostgreSQL does
 * with a cursor. The catalogue's big ordered reads switch it on for their connection and back off afterwards.
 */
public final class LazyResults {

    private LazyResults() {
    }

    /**
     * Runs {@code action} on the template's connection with lazy execution on; queries the action makes through the
     * same template inside the current transaction share that connection and stream too.
     */
    public static <T> T streaming(JdbcTemplate jdbc, ConnectionCallback<T> action) {
        return jdbc.execute((ConnectionCallback<T>) con -> {
            boolean lazy = enable(con);
            try {
                return action.doInConnection(con);
            } finally {
                restore(con, lazy);
            }
        });
    }

    /** @return whether lazy execution was switched on (H2 only) and must be restored */
    public static boolean enable(Connection connection) throws SQLException {
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return false;
        }
        try (Statement st = connection.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION TRUE");
        }
        return true;
    }

    public static void restore(Connection connection, boolean enabled) throws SQLException {
        if (enabled) {
            try (Statement st = connection.createStatement()) {
                st.execute("SET LAZY_QUERY_EXECUTION FALSE");
            }
        }
    }
}
