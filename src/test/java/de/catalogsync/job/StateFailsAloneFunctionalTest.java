package de.catalogsync.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.testing.SyncFixture;

/** A state whose export cannot be used fails alone: the others publish, and its last good entries stay, marked stale. */
class StateFailsAloneFunctionalTest {

    @TempDir
    Path dir;

    @Test
    void aStateWhoseExportCannotBeReadKeepsItsLastGoodEntriesMarkedStale() throws Exception {
        SyncFixture fixture = SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.5");
        assertThat(fixture.sync().exitCode()).as("published, with rejects").isEqualTo(3);
        assertThat(fixture.offerings("TH").size()).isEqualTo(3);

        fixture.location("TH", dir.resolve("missing/th.csv"));
        SyncFixture.Result second = fixture.sync();

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(3);
        assertThat(second.out()).containsPattern("TH\\s+FAILED.*not found")
                .containsPattern("NI\\s+ACCEPTED").containsPattern("BY\\s+ACCEPTED");
        assertThat(fixture.offerings("TH").size()).isEqualTo(3);
        assertThat(fixture.count("select count(*) from state_catalogue where state = 'TH' and status = 'STALE'")).isEqualTo(1);
        String xml = Files.readString(fixture.outputDir().resolve("merged-catalogue.xml"), StandardCharsets.UTF_8);
        assertThat(xml).containsPattern("<land code=\"TH\" status=\"veraltet\" angebote=\"3\" grund=\"[^\"]*not found\"")
                .contains("<land code=\"NI\" status=\"aktuell\"")
                .contains("<angebotIn land=\"TH\" veraltet=\"true\"")
                .contains("<angebot land=\"TH\" gebietId=\"160530000000\" veraltet=\"true\">");

        // Once the export is back, the state is current again.
        fixture.location("TH", Path.of("src/test/resources/fixtures/mini/th.csv"));
        assertThat(fixture.sync().exitCode()).isEqualTo(3);
        assertThat(fixture.count("select count(*) from state_catalogue where status = 'STALE'")).isZero();
    }

    @Test
    void aStateWithAnExportThatIsNotWellFormedFailsAloneWithTheLine() throws Exception {
        Path broken = dir.resolve("by.xml");
        Files.writeString(broken, "<?xml version=\"1.0\"?>\n<xzufi:transfer xmlns:xzufi=\"http://xoev.de/schemata/xzufi/2_2_0\">\n<xzufi:schreibe>\n</xzufi:transfer>\n");
        SyncFixture fixture = SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.5").location("BY", broken);

        SyncFixture.Result result = fixture.sync();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).containsPattern("BY\\s+FAILED.*by.xml line 4");
        assertThat(fixture.offerings("NI").size() + fixture.offerings("TH").size()).isEqualTo(7);
        assertThat(fixture.offerings("BY").size()).isZero();
    }

    @Test
    void anImportThatFailsAfterSomeChunksLeavesNoSortedRunsBehind() throws Exception {
        // 64 KB of good rows (more than the reader decodes ahead) in chunks of 100, then bytes that are not UTF-8
        StringBuilder rows = thHeader();
        for (int i = 1; i <= 1500; i++) {
            rows.append("TH-").append(i).append(",99046029000000,Abdruck ").append(i).append(",,2/3,,,,,,,,\n");
        }
        byte[] good = rows.toString().getBytes(StandardCharsets.UTF_8);
        Path th = dir.resolve("th.csv");
        Files.write(th, concat(good, new byte[] {'T', 'H', '-', 'x', ',', (byte) 0xFF, '\n'}));
        SyncFixture fixture = SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.5\n  chunk-size: 100")
                .location("TH", th);

        SyncFixture.Result result = fixture.sync();

        assertThat(result.out()).as(result.toString()).containsPattern("TH\\s+FAILED.*line 1502");
        assertThat(fixture.count("select write_count from batch_step_execution where step_name = 'import-TH'"))
                .as("chunks were spilled before the failure").isPositive();
        try (var files = Files.walk(dir.resolve("data/spill"))) {
            assertThat(files.filter(Files::isRegularFile)).as("no sorted run outlives its run").isEmpty();
        }
    }

    @Test
    void sortedRunsThatNoRestartCanReadAreDeletedByTheNextPublish() throws Exception {
        SyncFixture fixture = SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.5");
        assertThat(fixture.sync().exitCode()).isEqualTo(3);
        Path spill = dir.resolve("data/spill");
        // left behind: by run 1, which completed, and by a run this database does not know
        Files.createDirectories(spill.resolve("1/TH")).resolve("0000000000000000001.run").toFile().createNewFile();
        Files.createDirectories(spill.resolve("900/BY")).resolve("0000000000000000001.run").toFile().createNewFile();

        assertThat(fixture.sync().exitCode()).isEqualTo(3);

        assertThat(spill).isEmptyDirectory();
    }

    @Test
    void aLoadOfManyBatchesCommitsAndReportsBetweenThemAndLoadsEveryRow() throws Exception {
        // batches of one row: the load returns to the step every 20 batches (its sign of life) and goes on
        StringBuilder rows = thHeader();
        for (int i = 1; i <= 65; i++) {
            rows.append("TH-L").append(i).append(",,Lokale Leistung ").append(i).append(",,1,,,,,,,,\n");
        }
        rows.append("TH-L7,,Lokale Leistung 7 noch einmal,,1,,,,,,,,\n");
        Path th = Files.writeString(dir.resolve("th.csv"), rows.toString(), StandardCharsets.UTF_8);
        SyncFixture fixture = SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.5\n  chunk-size: 1")
                .location("TH", th);

        SyncFixture.Result result = fixture.sync();

        assertThat(result.out()).as(result.toString()).containsPattern("TH\\s+ACCEPTED\\s+66\\s+65\\s+1");
        assertThat(fixture.offerings("TH").size()).isEqualTo(65);
        assertThat(fixture.count("select commit_count from batch_step_execution where step_name = 'load-TH'"))
                .as("the load returned to its step between batches").isGreaterThanOrEqualTo(4);
    }

    /** The mini TH export's header line, to write exports of its shape. */
    private static StringBuilder thHeader() throws IOException {
        return new StringBuilder(Files.readAllLines(Path.of("src/test/resources/fixtures/mini/th.csv"),
                StandardCharsets.UTF_8).get(0)).append('\n');
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void aStateWhoseRejectSharePassesTheLimitIsNotPublished() throws Exception {
        // NI rejects 1 of 5 rows (20 %), TH 1 of 4 (25 %), BY none: with a limit of 22 % only TH fails.
        SyncFixture fixture = SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.22");

        SyncFixture.Result result = fixture.sync();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).containsPattern("TH\\s+FAILED\\s+4\\s+3\\s+1\\s+1 of 4 rows rejected \\(25.0 %\\)")
                .containsPattern("NI\\s+ACCEPTED");
        assertThat(fixture.offerings("TH").size()).isZero();
        assertThat(fixture.offerings("NI").size()).isEqualTo(4);
        assertThat(fixture.outputDir().resolve("rejects/TH.csv")).content(StandardCharsets.UTF_8).contains("javascript:alert(1)");
    }
}
