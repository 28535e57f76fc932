package de.catalogsync.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.catalogsync.testing.SyncFixture;

/**
 * Every publication records what it added, changed and removed per state, in the database and in
 * changes/<publication>.json, where removed offerings stay visible as tombstones.
 */
class DeletionsTravelFunctionalTest {

    private static final String TH_HEADER = "id,leika,titel,beschreibung,typ,ozg_id,reifegrad,online_url,behoerde,ars,"
            + "gueltig_von,gueltig_bis,stand\n";
    private static final String TH_1 = "TH-1,99-012-001-001-000,Antrag auf Abbruchgenehmigung,kurz,4,10513,RG1,,"
            + "\"Stadt Jena, Bauordnungsamt\",160530000000,2022-01-01,,2025-01-10\n";
    private static final String TH_2 = "TH-2,99046029000000,Abdruck Schuldnerverzeichnis,,2/3,10569,RG4,"
            + "https://www.thueringen.de/schuldner,Amtsgericht Erfurt,,,,\n";
    private static final String TH_3 = "TH-3,99050012104000,Gewerbeanmeldung,,\"1, 2/3\",10294,RG2,"
            + "https://www.erfurt.de/gewerbe,Stadt Erfurt,160510000000,,,\n";

    @TempDir
    Path dir;

    private Path th(String name, String... rows) throws Exception {
        return Files.writeString(dir.resolve(name), TH_HEADER + String.join("", rows), StandardCharsets.UTF_8);
    }

    private SyncFixture fixture() throws Exception {
        return SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.5").location("TH", th("th-1.csv", TH_1, TH_2, TH_3));
    }

    private static JsonNode changes(SyncFixture fixture, long publication) throws Exception {
        Path file = fixture.outputDir().resolve("changes").resolve(String.format("%010d.json", publication));
        assertThat(file).exists();
        return JsonMapper.builder().build().readTree(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static JsonNode state(JsonNode changes, String state) {
        for (JsonNode land : changes.get("laender")) {
            if (land.get("land").asString().equals(state)) {
                return land;
            }
        }
        throw new AssertionError("no state " + state + " in " + changes);
    }

    private static List<String> kinds(SyncFixture fixture, long publication, String state) {
        return fixture.query(jdbc -> jdbc.queryForList("""
                select kind || ' ' || identity || ' ' || gebiet_id from change
                where job_instance_id = ? and state = ? order by kind, identity, gebiet_id""", String.class,
                publication, state));
    }

    @Test
    void aFirstPublicationRecordsEveryOfferingAsAdded() throws Exception {
        SyncFixture fixture = fixture();
        assertThat(fixture.sync().exitCode()).as("published, with the mini fixture's rejects").isEqualTo(3);

        JsonNode changes = changes(fixture, 1);
        int added = 0;
        for (JsonNode land : changes.get("laender")) {
            added += land.get("hinzugefuegt").size();
        }
        assertThat(added).as("added offerings in the change file").isEqualTo(fixture.offerings().size());
        JsonNode ni = state(changes, "NI");
        assertThat(ni.get("status").asString()).isEqualTo("aktuell");
        assertThat(ni.get("hinzugefuegt")).hasSize(4);
        assertThat(ni.get("hinzugefuegt").findValuesAsString("sourceId")).contains("NI-4");
        assertThat(ni.get("entfernt")).isEmpty();
    }

    @Test
    void aServiceMissingFromTheNextExportLeavesTheCatalogueAndTravelsAsATombstone() throws Exception {
        SyncFixture fixture = fixture();
        assertThat(fixture.sync().exitCode()).as("published, with the mini fixture's rejects").isEqualTo(3);
        // TH-2 is gone, TH-3 has a new name, TH-5 is new, TH-1 is the same service one line further down
        fixture.location("TH", th("th-2.csv", TH_3.replace("Gewerbeanmeldung", "Anmeldung eines Gewerbes"),
                TH_1, "TH-5,99088018034000,Abendgymnasium,,4,10041,RG2,,Schulamt,,,,\n"));

        SyncFixture.Result result = fixture.sync();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).doesNotContain("FAILED");
        assertThat(kinds(fixture, 2, "TH")).containsExactly(
                "ADDED 99088018034000 160000000000",
                "CHANGED 99050012104000 160510000000",
                "REMOVED 99046029000000 160000000000");
        assertThat(kinds(fixture, 2, "NI")).as("an identical export changes nothing").isEmpty();
        assertThat(fixture.offerings("TH").stream().filter(o -> "99046029000000".equals(o.leistungsschluessel())).count())
                .isZero();

        JsonNode th = state(changes(fixture, 2), "TH");
        assertThat(th.get("entfernt")).hasSize(1);
        JsonNode tombstone = th.get("entfernt").get(0);
        assertThat(Map.of("leistungsschluessel", tombstone.get("leistungsschluessel").asString(),
                "gebietId", tombstone.get("gebietId").asString(),
                "bezeichnung", tombstone.get("bezeichnung").asString(),
                "sourceId", tombstone.get("sourceId").asString()))
                .isEqualTo(Map.of("leistungsschluessel", "99046029000000", "gebietId", "160000000000",
                        "bezeichnung", "Abdruck Schuldnerverzeichnis", "sourceId", "TH-2"));
        assertThat(th.get("geaendert").get(0).get("bezeichnung").asString()).isEqualTo("Anmeldung eines Gewerbes");
        assertThat(th.get("hinzugefuegt").get(0).get("leistungsschluessel").asString()).isEqualTo("99088018034000");
        assertThat(state(changes(fixture, 2), "NI").get("hinzugefuegt")).isEmpty();
        assertThat(changes(fixture, 2).get("publikation").asLong()).isEqualTo(2);
        assertThat(fixture.outputDir().resolve("changes").resolve("0000000001.json"))
                .as("earlier publications' changes stay for consumers who missed them").exists();
    }

    @Test
    void aPublishThatFailsShowsNoChangeFileEvenThoughItWasWrittenBesideTheCatalogue() throws Exception {
        SyncFixture fixture = fixture();
        // the catalogue cannot be put in place: a folder holds its name
        Files.createDirectories(fixture.outputDir().resolve("merged-catalogue.xml").resolve("in-the-way"));

        SyncFixture.Result result = fixture.sync();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(fixture.outputDir().resolve("changes")).as("neither the file nor its temporary copy")
                .isEmptyDirectory();
    }

    @Test
    void aStaleStateHasNoChanges() throws Exception {
        SyncFixture fixture = fixture();
        assertThat(fixture.sync().exitCode()).as("published, with the mini fixture's rejects").isEqualTo(3);

        SyncFixture.Result result = fixture.location("TH", dir.resolve("missing.csv")).sync();

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(kinds(fixture, 2, "TH")).isEmpty();
        JsonNode th = state(changes(fixture, 2), "TH");
        assertThat(th.get("status").asString()).isEqualTo("veraltet");
        assertThat(th.get("grund").asString()).contains("not found");
        assertThat(th.get("hinzugefuegt")).isEmpty();
        assertThat(th.get("entfernt")).isEmpty();
    }

    @Test
    void theChangesFileIsDeterministic() throws Exception {
        SyncFixture first = SyncFixture.mini(dir.resolve("a")).yaml("catalog:\n  max-reject-share: 0.5");
        SyncFixture second = SyncFixture.mini(dir.resolve("b")).yaml("catalog:\n  max-reject-share: 0.5");
        assertThat(first.sync().exitCode()).as("published, with the mini fixture's rejects").isEqualTo(3);
        assertThat(second.sync().exitCode()).as("published, with the mini fixture's rejects").isEqualTo(3);

        String a = Files.readString(first.outputDir().resolve("changes/0000000001.json"));
        String b = Files.readString(second.outputDir().resolve("changes/0000000001.json"));
        assertThat(b.replaceFirst("\"erzeugtAm\"\\s*:\\s*\"[^\"]+\"", "")).isEqualTo(a.replaceFirst("\"erzeugtAm\"\\s*:\\s*\"[^\"]+\"", ""));
        assertThat(first.outputDir().resolve("changes")).isDirectoryNotContaining("glob:**.tmp");
    }
}
