package de.catalogsync.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;

import de.catalogsync.normalise.Offering;
import de.catalogsync.testing.SyncFixture;

/**
 * Runs the whole sync over the three shipped samples once and checks the result against the counts and defect
 * lines that the sample generator recorded when it wrote the files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleSyncFunctionalTest {

    private static final List<String> STATES = List.of("NI", "TH", "BY");

    @TempDir
    static Path dir;

    private SyncFixture fixture;
    private SyncFixture.Result result;
    private final Properties expected = new Properties();

    @BeforeAll
    void syncTheSamples() throws IOException {
        try (Reader in = Files.newBufferedReader(Path.of("sample-data/expected-counts.properties"))) {
            expected.load(in);
        }
        fixture = SyncFixture.samples(dir);
        result = fixture.sync();
    }

    private long expected(String key) {
        return Long.parseLong(expected.getProperty(key, "0"));
    }

    @Test
    void everyStatePublishesAndTheRunExitsThreeForTheRejects() {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).contains("COMPLETED").contains("merged: 963 services");
    }

    @Test
    void eachStateReadsImportsAndRejectsExactlyWhatTheGeneratorPlanted() {
        for (String state : STATES) {
            var row = fixture.query(jdbc -> jdbc.queryForMap(
                    "select read_count, imported_count, rejected_count, status from import_result where state = ?", state));
            assertThat(row.get("READ_COUNT")).as(state + " read").isEqualTo(expected(state + ".read"));
            assertThat(row.get("IMPORTED_COUNT")).as(state + " imported").isEqualTo(expected(state + ".imported"));
            assertThat(row.get("REJECTED_COUNT")).as(state + " rejected").isEqualTo(expected(state + ".rejected"));
            assertThat(row.get("STATUS")).isEqualTo("ACCEPTED");
            List<Offering> offerings = fixture.offerings(state);
            assertThat(offerings.size())
                    .as(state + " offerings in the catalogue").isEqualTo(expected(state + ".imported"));
            assertThat(offerings.stream().filter(o -> o.leistungsschluessel() == null).count())
                    .as(state + " state-local").isEqualTo(expected(state + ".local"));
            assertThat(offerings.stream().map(Offering::leistungsschluessel).filter(k -> k != null).distinct().count())
                    .as(state + " keys").isEqualTo(expected(state + ".keys"));
            for (String category : List.of("key", "maturity", "date", "url", "area", "duplicate", "columns", "reference")) {
                assertThat(fixture.count("select count(*) from reject where state = ? and reason = ?", state,
                        category.toUpperCase(Locale.ROOT)))
                        .as(state + " rejects of category " + category)
                        .isEqualTo(expected(state + ".rejected." + category));
            }
        }
    }

    @Test
    void theMergedCatalogueHasOneEntryPerLeikaKeyAcrossStates() {
        assertThat(fixture.count("select count(*) from merged_service")).isEqualTo(expected("merged.keys"));
        assertThat(fixture.count("select count(*) from merged_service where anzahl_laender = 3"))
                .isEqualTo(expected("merged.allStates"));
        assertThat(fixture.count("select count(*) from merged_service where im_leika = false")).isZero();
    }

    @Test
    void rejectFilesNameTheLineOfEveryPlantedDefect() throws Exception {
        List<String> planted = new ArrayList<>();
        try (CSVReader csv = reader(Path.of("sample-data/planted-defects.csv"))) {
            csv.readNext();
            String[] row;
            while ((row = csv.readNext()) != null) {
                planted.add(row[0] + ":" + row[1] + ":" + row[2].toUpperCase(Locale.ROOT));
            }
        }
        List<String> written = new ArrayList<>();
        for (String state : STATES) {
            try (CSVReader csv = reader(fixture.outputDir().resolve("rejects").resolve(state + ".csv"))) {
                assertThat(csv.readNext()).containsExactly("land", "datei", "zeile", "grund", "meldung", "rohtext");
                String[] row;
                while ((row = csv.readNext()) != null) {
                    written.add(row[0] + ":" + row[2] + ":" + row[3]);
                    assertThat(row[4]).as("reason of " + String.join(",", row)).isNotBlank();
                    assertThat(row[1]).endsWith(Path.of(row[1]).getFileName().toString());
                }
            }
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(planted);
    }

    @Test
    void duplicateRejectsNameTheLineOfTheFirstRow() {
        List<String> messages = fixture.query(jdbc -> jdbc.queryForList(
                "select message from reject where reason = 'DUPLICATE'", String.class));
        assertThat(messages).hasSize(6).allMatch(m -> m.matches(".*the first is line \\d+"));
    }

    @Test
    void allThreeFormatsArePublishedWithTheXsdBesideTheXml() {
        for (String name : List.of("merged-catalogue.xml", "merged-catalogue.csv", "merged-catalogue.json",
                "merged-catalogue.xsd")) {
            assertThat(fixture.outputDir().resolve(name)).isNotEmptyFile();
        }
        assertThat(fixture.outputDir()).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void backslashesAndMultiLineTextsSurviveIntoTheCatalogue() throws IOException {
        String csv = Files.readString(fixture.outputDir().resolve("merged-catalogue.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("C:\\Formulare\\Antrag.pdf");
    }

    private static CSVReader reader(Path file) throws IOException {
        return new CSVReaderBuilder(Files.newBufferedReader(file, StandardCharsets.UTF_8))
                .withCSVParser(new RFC4180ParserBuilder().build()).build();
    }
}
