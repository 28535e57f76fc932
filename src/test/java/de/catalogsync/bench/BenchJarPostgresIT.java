package de.catalogsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.testing.PostgresSchema;

/**
 * The benchmark on PostgreSQL, as production runs: the sync and both comparators each in a schema of their own,
 * which the bench drops when it is done.
 */
@PostgresSchema.Required
class BenchJarPostgresIT {

    @TempDir
    Path dir;

    @Test
    void benchOnPostgresMeasuresTheSyncAndTheComparatorsThereAndLeavesNoSchemaBehind(PostgresSchema schema)
            throws Exception {
        String prefix = schema.name(); // unique per test run: the bench's schemas are PREFIX_sync, _floor, _typical
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                BenchJarIT.JAR.toString(), "bench", "--states", "3", "--rows", "2000", "--dir", dir.toString(),
                "--postgres", PostgresSchema.HOST_URL, "--postgres-user", PostgresSchema.USER,
                "--schema-prefix", prefix);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("PostgreSQL ").contains("at " + PostgresSchema.HOST_URL + ", schema " + prefix + "_*")
                .containsPattern("import \\(parse, normalise, stage\\)\\s+6,000\\s+\\d+\\.\\d\\d")
                .containsPattern("merge\\s+5,\\d{3}\\s+\\d+\\.\\d\\d")
                .containsPattern("disk\\s+database [1-9][\\d,]* MB")
                .containsPattern("floor: opencsv RFC 4180 / StAX -> plain JDBC batches\\s+6,000")
                .containsPattern("typical Spring Batch: .*\\s+6,000")
                .containsPattern("import rows/s / typical Spring Batch rows/s\\s+\\d+\\.\\d\\d");
        assertThat(dir.resolve("config/application.yml")).content().contains("currentSchema=" + prefix + "_sync");
        try (Connection c = DriverManager.getConnection(PostgresSchema.HOST_URL, PostgresSchema.USER,
                PostgresSchema.PASSWORD);
             PreparedStatement ps = c.prepareStatement("select count(*) from pg_namespace where nspname like ?")) {
            ps.setString(1, prefix + "\\_%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("schemas the bench left").isZero();
            }
        }
    }
}
