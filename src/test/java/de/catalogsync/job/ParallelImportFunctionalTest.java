package de.catalogsync.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.bench.BenchDataset;
import de.catalogsync.operate.CatalogSyncCli;
import de.catalogsync.reference.LeikaReference;
import picocli.CommandLine;

/**
 * States that import in parallel publish exactly what a serial run publishes: the merge must not depend on the
 * order in which the states finish. Six generated states (CSV in two encodings and XZuFi, with dirt and a
 * duplicate each) are synced once with one import thread and once with four.
 */
class ParallelImportFunctionalTest {

    @TempDir
    Path dir;

    @Test
    void aParallelRunAndASerialRunPublishByteIdenticalFiles() throws Exception {
        BenchDataset.Dataset dataset = new BenchDataset(dir, 6, 3000, BenchDataset.DEFAULT_SEED, null,
                new LeikaReference().load()).generate(2);
        String config = Files.readString(dataset.configDir().resolve("application.yml"), StandardCharsets.UTF_8);

        Path serialOut = dir.resolve("out-serial");
        Path parallelOut = dir.resolve("out-parallel");
        String serial = sync(config, "serial", 1, serialOut);
        String parallel = sync(config, "parallel", 4, parallelOut);

        assertThat(serial).contains("COMPLETED");
        assertThat(parallel).as("same exit code, outcome per state and totals").isEqualTo(serial);
        List<String> files = published(serialOut);
        assertThat(files).contains("merged-catalogue.xml", "merged-catalogue.csv", "merged-catalogue.json")
                .hasSize(5 + 6); // the three formats, the XSD, the changes file and one reject file per state
        assertThat(published(parallelOut)).isEqualTo(files);
        for (String name : files) {
            assertThat(withoutTimestamp(parallelOut.resolve(name))).as(name)
                    .isEqualTo(withoutTimestamp(serialOut.resolve(name)));
        }
    }

    private String sync(String config, String name, int threads, Path out) throws Exception {
        String yaml = config.replace("db/catalog-sync", "db-" + name + "/catalog-sync")
                .replace("  max-reject-share: 0.10\n", "  max-reject-share: 0.10\n  import-threads: " + threads + "\n");
        Path configDir = dir.resolve("config-" + name);
        Files.createDirectories(configDir);
        Files.writeString(configDir.resolve("application.yml"), yaml, StandardCharsets.UTF_8);
        StringWriter text = new StringWriter();
        CommandLine cl = CatalogSyncCli.commandLine();
        cl.setOut(new PrintWriter(text, true));
        cl.setErr(new PrintWriter(text, true));
        int exit = cl.execute("sync", "--config-dir", configDir.toString(), "--output-dir", out.toString());
        assertThat(exit).as(text.toString()).isIn(0, 3); // 3: published, with rejects
        return "exit " + exit + "\n" + text;
    }

    private static List<String> published(Path out) throws Exception {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted().forEach(names::add);
        }
        return names;
    }

    private static String withoutTimestamp(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8)
                .replaceFirst("erzeugtAm\"?\\s*[=:]\\s*\"[^\"]+\"", "erzeugtAm=\"\"");
    }
}
