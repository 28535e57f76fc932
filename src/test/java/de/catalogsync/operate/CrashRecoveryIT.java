package de.catalogsync.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kills real child JVMs running the sync of the samples at known points (SIGKILL, and SIGTERM), restarts the run,
 * and checks that the published files and the catalogue tables equal those of a run that was never interrupted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryIT {

    static final List<String> FILES = List.of("merged-catalogue.xml", "merged-catalogue.json", "merged-catalogue.csv",
            "merged-catalogue.xsd", "rejects/NI.csv", "rejects/TH.csv", "rejects/BY.csv");
    /** Tables with their columns that depend only on the inputs (not on clocks). */
    static final List<String> TABLES = List.of(
            // every import's offerings, byte for byte: a resumed load cuts its blocks where an uninterrupted one does
            "select job_instance_id, state, block_no, row_count, data from imported_block"
                    + " order by job_instance_id, state, block_no",
            "select * from merged_service order by leistungsschluessel",
            "select * from merged_state order by leistungsschluessel, state",
            "select * from merged_efa_candidate order by leistungsschluessel, state",
            "select * from reject order by job_instance_id, state, seq",
            "select * from import_result order by job_instance_id, state",
            "select state, status, last_good_instance_id, offerings, last_failure from state_catalogue order by state",
            "select job_instance_id, merged_keys, local_services, offerings from publication order by job_instance_id",
            "select count(*), sum(row_count) from imported_block",
            "select job_instance_id, state, block_no, key_count, data from import_key_block"
                    + " order by job_instance_id, state, block_no",
            // rows of refused or superseded imports are deleted once the run has published
            """
            select count(*) from imported_block i where not exists (select 1 from state_catalogue c
                where c.state = i.state and c.last_good_instance_id = i.job_instance_id)""");

    @TempDir
    static Path root;

    private Path reference;

    @BeforeAll
    void runOnceWithoutInterruption() throws Exception {
        reference = workDir("reference");
        Run run = java(reference, List.of(), "sync");
        assertThat(run.exitCode).as(run.output).isEqualTo(3);
    }

    @ParameterizedTest(name = "SIGKILL during {0}")
    @CsvSource({"import, 1100", "load, 2", "merge-prepared, 2", "merge, 2", "publish, 300"})
    void aRunKilledDuringAStepRestartsToTheSameCatalogue(String point, long at) throws Exception {
        Path dir = workDir("kill-" + point);
        Process child = start(dir, List.of("-Dcatalog.kill-point=" + point, "-Dcatalog.kill-point.at=" + at), "sync");
        awaitKillPoint(child, point);

        child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);

        Run runs = java(dir, List.of(), "runs");
        assertThat(runs.output).contains("STARTED");
        Run restart = java(dir, List.of(), "restart", "1");
        assertThat(restart.exitCode).as(restart.output).isEqualTo(3);
        assertThat(restart.output).contains("COMPLETED");

        assertSameCatalogueAsReference(dir);
        if (point.equals("import")) {
            assertThat(restart.output).as("the restarted import resumes behind the last committed chunk, not at the start")
                    .contains("NI: resuming").contains("after record 1000");
        }
        if (point.equals("load")) {
            assertThat(restart.output).as("the restarted load continues behind its last committed batch")
                    .containsPattern("[A-Z]{2}: resuming the load after row 1000 of [0-9]+");
        }
    }

    @ParameterizedTest(name = "SIGTERM during import")
    @CsvSource({"import, 1100"})
    void aRunStoppedBySigtermEndsStoppedAndRestartsToTheSameCatalogue(String point, long at) throws Exception {
        Path dir = workDir("term-" + point);
        Process child = start(dir, List.of("-Dcatalog.kill-point=" + point, "-Dcatalog.kill-point.at=" + at,
                "-Dcatalog.kill-point.wait-ms=3000"), "sync");
        awaitKillPoint(child, point);

        child.destroy(); // SIGTERM
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Run runs = java(dir, List.of(), "runs");
        assertThat(runs.output).contains("STOPPED");
        Run restart = java(dir, List.of(), "restart", "1");
        assertThat(restart.exitCode).as(restart.output).isEqualTo(3);
        assertThat(restart.output).as("the stopped import continues after its last chunk").contains("NI: resuming");
        assertSameCatalogueAsReference(dir);
    }

    private void assertSameCatalogueAsReference(Path dir) throws Exception {
        for (String file : FILES) {
            assertThat(normalized(dir.resolve("output").resolve(file))).as(file)
                    .isEqualTo(normalized(reference.resolve("output").resolve(file)));
        }
        try (var files = Files.walk(dir.resolve("output"))) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
        }
        try (var files = Files.walk(dir.resolve("data/spill"))) {
            assertThat(files.filter(Files::isRegularFile).map(Path::toString))
                    .as("every import's sorted runs are deleted once loaded").isEmpty();
        }
        for (String sql : TABLES) {
            assertThat(query(dir, sql)).as(sql).isEqualTo(query(reference, sql));
        }
    }

    private static String normalized(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replaceFirst("erzeugtAm\"?\\s*[=:]\\s*\"[^\"]+\"", "erzeugtAm")
                .replace(file.getParent().toString(), "");
    }

    private static List<String> query(Path dir, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/catalog-sync").toAbsolutePath(), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : String.valueOf(value));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static Path workDir(String name) throws IOException {
        Path dir = root.resolve(name);
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/application.yml"), Files.readString(Path.of("config/application.yml"))
                .replace("location: sample-data/", "location: " + Path.of("sample-data").toAbsolutePath() + "/")
                + "\n---\ncatalog:\n  chunk-size: 500\n");
        return dir;
    }

    private static void awaitKillPoint(Process child, String point) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains("kill point " + point + " reached")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new AssertionError("the run never reached kill point " + point + ":\n" + seen);
    }

    private static Process start(Path dir, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", CatalogSyncJarIT.JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    private static Run java(Path dir, List<String> jvmOptions, String... args) throws Exception {
        Process p = start(dir, jvmOptions, args);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }

    record Run(int exitCode, String output) {
    }
}
