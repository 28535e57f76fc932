package de.catalogsync.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as users do, in a fresh folder holding only the shipped config and sample data. */
class CatalogSyncJarIT {

    static final Path JAR = Path.of("target/catalog-sync.jar").toAbsolutePath();

    @TempDir
    Path workDir;

    @Test
    void syncOnTheSamplesPublishesAllFormatsAndExitsThreeForTheRejects() throws Exception {
        copyTree(Path.of("config"), workDir.resolve("config"));
        copyTree(Path.of("sample-data"), workDir.resolve("sample-data"));

        Run run = java("sync");

        assertThat(run.exitCode).as(run.output).isEqualTo(3);
        assertThat(run.output).contains("run 1: COMPLETED")
                .containsPattern("NI\\s+ACCEPTED\\s+2500\\s+2463\\s+37")
                .contains("merged: 963 services with a LeiKa key, 13 state-local services");
        for (String file : List.of("merged-catalogue.xml", "merged-catalogue.csv", "merged-catalogue.json",
                "merged-catalogue.xsd", "rejects/NI.csv", "rejects/TH.csv", "rejects/BY.csv")) {
            assertThat(workDir.resolve("output").resolve(file)).isNotEmptyFile();
        }
        assertThat(workDir.resolve("data")).as("the H2 job repository lives under data/").isDirectory();
    }

    @Test
    void helpListsTheCommandsAndAnUnknownCommandIsWrongUsage() throws Exception {
        Run help = java("--help");
        assertThat(help.exitCode).isZero();
        assertThat(help.output).contains("sync").contains("Exit codes");

        Run wrong = java("frobnicate");
        assertThat(wrong.exitCode).isEqualTo(2);
        assertThat(wrong.output).contains("frobnicate");
    }

    @Test
    void whereZstdCannotBeLoadedTheBlocksAreDeflatedAndTheSameCataloguePublished() throws Exception {
        Path withZstd = workDir.resolve("with-zstd");
        Path withoutZstd = workDir.resolve("without-zstd");
        for (Path dir : List.of(withZstd, withoutZstd)) {
            copyTree(Path.of("config"), dir.resolve("config"));
            copyTree(Path.of("sample-data"), dir.resolve("sample-data"));
        }

        Run zstd = java(withZstd, List.of(), "sync");
        // zstd-jni loads its library from this path instead of extracting it: as where java.io.tmpdir is noexec
        Run zlib = java(withoutZstd, List.of("-DZstdNativePath=" + workDir.resolve("no-such-library.so")), "sync");

        assertThat(zstd.exitCode).as(zstd.output).isEqualTo(3);
        assertThat(zlib.exitCode).as(zlib.output).isEqualTo(3);
        assertThat(zlib.output).contains("zstd's native library cannot be loaded")
                .contains("imported blocks are deflated with zlib instead");
        assertThat(blockMarkers(withZstd)).containsExactly("Z");
        assertThat(blockMarkers(withoutZstd)).containsExactly("D");
        for (String file : List.of("merged-catalogue.xml", "merged-catalogue.csv", "merged-catalogue.json")) {
            assertThat(published(withoutZstd, file)).as(file).isEqualTo(published(withZstd, file));
        }
    }

    /** The first bytes of the stored blocks, distinct: 'Z' for zstd, 'D' for zlib. */
    private static List<String> blockMarkers(Path dir) throws Exception {
        List<String> markers = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/catalog-sync").toAbsolutePath(),
                "sa", "");
             ResultSet rs = c.createStatement().executeQuery("select distinct substring(data, 1, 1) from imported_block")) {
            while (rs.next()) {
                markers.add(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1));
            }
        }
        return markers;
    }

    /** A published file without its time of creation and its folder, which differ from run to run. */
    private static String published(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve("output").resolve(file), StandardCharsets.UTF_8)
                .replaceFirst("erzeugtAm\"?\\s*[=:]\\s*\"[^\"]+\"", "erzeugtAm")
                .replace(dir.resolve("output").toString(), "");
    }

    private Run java(String... args) throws IOException, InterruptedException {
        return java(workDir, List.of(), args);
    }

    private static Run java(Path dir, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    record Run(int exitCode, String output) {
    }
}
