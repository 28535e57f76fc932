package de.catalogsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's benchmark command, on a tiny dataset: it runs the sync in a child JVM and prints the one table. */
class BenchJarIT {

    static final Path JAR = Path.of("target/catalog-sync.jar").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void benchPrintsTheStagesTheComparatorsAndTheRatios() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "bench", "--states", "3", "--rows", "2000", "--dir", dir.toString(), "--scale", "2");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("3 states x 2,000 rows = 6,000 rows (2 CSV, 1 XZuFi")
                .containsPattern("import \\(parse, normalise, stage\\)\\s+6,000\\s+\\d+\\.\\d\\d\\s+[\\d,]+")
                .containsPattern("merge\\s+[\\d,]+\\s+\\d+\\.\\d\\d")
                .containsPattern("publish \\(XML, CSV, JSON, rejects\\)\\s+[\\d,]+\\s+\\d+\\.\\d\\d")
                .containsPattern("whole run, process start to exit\\s+6,000")
                .containsPattern("of which GC pauses\\s+\\d+\\.\\d\\d")
                .containsPattern("beside it, C2 compiler busy\\s+\\d+\\.\\d\\d")
                .containsPattern("beside it, C1 compiler busy\\s+\\d+\\.\\d\\d")
                .containsPattern("peak heap\\s+\\d+ MB in use before a GC")
                .contains("floor: opencsv RFC 4180 / StAX -> plain JDBC batches")
                .contains("typical Spring Batch: FlatFileItemReader")
                .contains("XZuFi reader alone")
                .containsPattern("import rows/s / floor rows/s\\s+\\d+\\.\\d\\d\\s+>= 0.80")
                .containsPattern("import rows/s / typical Spring Batch rows/s\\s+\\d+\\.\\d\\d\\s+>= 1.40")
                .containsPattern("whole sync rows/s / floor rows/s\\s+\\d+\\.\\d\\d\\s+>= 0.40")
                .containsPattern("time at 2x / time at 1x, whole run\\s+\\d+\\.\\d\\d");
        // the sync published: the bench measures the files before it deletes them to spare the disk
        assertThat(output).containsPattern("disk\\s+database [1-9][\\d,]* MB, published files [1-9][\\d,]* MB");
        assertThat(dir.resolve("output/merged-catalogue.xml")).doesNotExist();
    }
}
