package de.catalogsync.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    private Run java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
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
