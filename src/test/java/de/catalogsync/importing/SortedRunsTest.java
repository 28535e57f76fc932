package de.catalogsync.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.normalise.Land;
import de.catalogsync.normalise.Offering;
import de.catalogsync.normalise.Provenance;

class SortedRunsTest {

    @TempDir
    Path root;

    private static Offering offering(String key, String area, long seq) {
        return new Offering(key, Land.BY, area, "id-" + seq, "Bezeichnung " + seq, null, "1", null, null, null, null,
                null, null, null, null, new Provenance("by.csv", seq + 1, seq, null));
    }

    private static List<Offering> drain(SortedRuns runs) {
        List<Offering> out = new ArrayList<>();
        try (SortedRuns.Merged merged = runs.merged()) {
            for (SortedRuns.Row row = merged.next(); row != null; row = merged.next()) {
                out.add(row.offering());
            }
        }
        return out;
    }

    @Test
    void everyFieldSurvivesTheRoundTripIncludingNullsDatesAndCharactersUtf8CannotCarry() {
        String text = "Grüße \u00df \uD83D\uDE00 and a lone \uD800 surrogate, " + "x".repeat(19_900);
        Offering full = new Offering("99001001000000", Land.BY, "091620000000", "src-1", "Bezeichnung ä", text,
                "2/3", "10100", 3, "OZG", "https://example.org/a?b=c", "Landratsamt", LocalDate.of(2024, 1, 31),
                LocalDate.of(9999, 12, 31), LocalDate.of(2026, 11, 28),
                new Provenance("/exports/by.xml", 4711, 42, "leistung[L-1]/modulText[2]"));
        Offering sparse = new Offering(null, Land.BY, "091620000000", "lokal-7", null, null, null, null, null, null,
                null, null, null, null, null, new Provenance("by.csv", 2, 1, null));
        SortedRuns runs = new SortedRuns(root, 7, Land.BY);

        runs.write(1, List.of(full, sparse));

        assertThat(drain(runs)).containsExactly(full, sparse); // "99..." sorts before "lokal:..."
    }

    @Test
    void runsOfManyChunksMergeIntoOneStreamInKeyAreaAndFileOrder() {
        Random random = new Random(20261128);
        List<Offering> all = new ArrayList<>();
        SortedRuns runs = new SortedRuns(root, 1, Land.BY);
        long seq = 0;
        for (int chunk = 0; chunk < 12; chunk++) {
            List<Offering> rows = new ArrayList<>();
            long first = seq + 1;
            for (int i = 0; i < 250; i++) {
                // few keys and areas, so that equal (key, area) pairs fall into different runs
                rows.add(offering(String.format("990010010%05d", random.nextInt(40)),
                        String.format("0916200000%02d", random.nextInt(3)), ++seq));
            }
            runs.write(first, rows);
            all.addAll(rows);
        }
        all.sort(SortedRuns.ORDER);

        assertThat(drain(runs)).containsExactlyElementsOf(all);
    }

    @Test
    void aChunkWrittenAgainAfterARestartReplacesItsRunInsteadOfAddingOne() {
        SortedRuns runs = new SortedRuns(root, 1, Land.BY);
        runs.write(1, List.of(offering("99001001000001", "091620000000", 1)));
        runs.write(2, List.of(offering("99001001000002", "091620000000", 2)));

        runs.write(2, List.of(offering("99001001000002", "091620000000", 2)));

        assertThat(drain(runs)).extracting(o -> o.provenance().seq()).containsExactly(1L, 2L);
    }

    @Test
    void deletingTheRunsRemovesTheImportsFolderAndLeavesOtherImportsAlone() {
        SortedRuns by = new SortedRuns(root, 1, Land.BY);
        SortedRuns ni = new SortedRuns(root, 1, Land.NI);
        by.write(1, List.of(offering("99001001000001", "091620000000", 1)));
        ni.write(1, List.of(offering("99001001000001", "031010000000", 1)));

        by.delete();

        assertThat(by.exist()).isFalse();
        assertThat(ni.exist()).isTrue();
        ni.delete();
        assertThat(root.resolve("1")).isEmptyDirectory();
        SortedRuns.deleteAll(root, 1);
        assertThat(root.resolve("1")).doesNotExist();
    }

    @Test
    void aDeleteCutShortLeavesNoPartialSetOfRunsWhereALoadWouldFindThem() throws IOException {
        SortedRuns runs = new SortedRuns(root, 1, Land.BY);
        runs.write(1, List.of(offering("99001001000001", "091620000000", 1)));
        // a crash after the rename, before the files were gone
        Files.move(runs.dir(), runs.dir().resolveSibling("BY.deleted"));

        assertThat(runs.exist()).isFalse();
        runs.write(2, List.of(offering("99001001000002", "091620000000", 2)));
        runs.delete();
        assertThat(root.resolve("1")).isEmptyDirectory();
    }

    /** Writes a run of two rows and returns its file. */
    private static Path twoRowRun(SortedRuns runs) throws IOException {
        runs.write(1, List.of(offering("99001001000001", "091620000000", 1),
                offering("99001001000002", "091620000000", 2)));
        try (var files = Files.list(runs.dir())) {
            return files.findFirst().orElseThrow();
        }
    }

    @Test
    void aRunCutShortIsAnErrorThatNamesTheFileNotAShorterImport() throws IOException {
        SortedRuns runs = new SortedRuns(root, 1, Land.BY);
        Path file = twoRowRun(runs);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10));

        assertThatThrownBy(() -> drain(runs)).hasMessageContaining(file.toString()).hasMessageContaining("ends early");
    }

    @Test
    void aRunTornByACrashOfTheMachineFailsOnItsChecksumNamingTheFile() throws IOException {
        SortedRuns runs = new SortedRuns(root, 1, Land.BY);
        Path file = twoRowRun(runs);
        byte[] bytes = Files.readAllBytes(file);
        int name = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("Bezeichnung 2");
        bytes[name] = 'b'; // a page the kernel never wrote, as the row's length and the file's size still fit
        Files.write(file, bytes);

        assertThatThrownBy(() -> drain(runs)).hasMessageContaining(file.toString()).hasMessageContaining("checksum");
    }
}
