package de.catalogsync.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.testing.SyncFixture;

/** The same inputs publish byte-identical files, apart from the one generation timestamp. */
class DeterministicOutputFunctionalTest {

    @TempDir
    Path dir;

    @Test
    void aSecondRunOnTheSameInputsPublishesByteIdenticalFiles() throws Exception {
        SyncFixture first = SyncFixture.samples(dir.resolve("first"));
        SyncFixture second = SyncFixture.samples(dir.resolve("second"));
        assertThat(first.sync().exitCode()).isEqualTo(3);
        Thread.sleep(1100); // a different second, so that only the timestamp may differ
        assertThat(second.sync().exitCode()).isEqualTo(3);
        // and the same database synced again gives the same files too
        Path again = dir.resolve("again");
        assertThat(first.outputDir(again).sync().exitCode()).isEqualTo(3);

        first.outputDir(null);
        for (String name : List.of("merged-catalogue.xml", "merged-catalogue.json", "merged-catalogue.csv",
                "rejects/NI.csv", "rejects/TH.csv", "rejects/BY.csv")) {
            byte[] a = withoutTimestamp(Files.readAllBytes(first.outputDir().resolve(name)));
            assertThat(withoutTimestamp(Files.readAllBytes(second.outputDir().resolve(name)))).as(name).isEqualTo(a);
            assertThat(withoutTimestamp(Files.readAllBytes(again.resolve(name)))).as(name + " from a re-sync").isEqualTo(a);
        }
        assertThat(Files.readAllBytes(first.outputDir().resolve("merged-catalogue.csv")))
                .as("the CSV has no timestamp at all")
                .isEqualTo(Files.readAllBytes(second.outputDir().resolve("merged-catalogue.csv")));
    }

    private static byte[] withoutTimestamp(byte[] content) {
        String s = new String(content, java.nio.charset.StandardCharsets.UTF_8);
        return s.replaceFirst("erzeugtAm\"?\\s*[=:]\\s*\"[^\"]+\"", "erzeugtAm=\"\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
