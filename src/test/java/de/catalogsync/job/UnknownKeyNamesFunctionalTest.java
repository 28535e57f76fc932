package de.catalogsync.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.testing.SyncFixture;

/**
 * A LeiKa key missing from the shipped reference catalogue still gets a name and an OZG-ID in the merged catalogue:
 * the smallest the states give (nulls aside), whatever the order of rows and states.
 */
class UnknownKeyNamesFunctionalTest {

    private static final String UNKNOWN = "99999999999999";
    private static final String TH_HEADER = "id,leika,titel,beschreibung,typ,ozg_id,reifegrad,online_url,behoerde,ars,"
            + "gueltig_von,gueltig_bis,stand\n";

    @TempDir
    Path dir;

    private Map<String, Object> mergedEntry(SyncFixture fixture) {
        return fixture.query(jdbc -> jdbc.queryForMap("""
                select bezeichnung, ozg_id, im_leika, anzahl_angebote from merged_service where leistungsschluessel = ?""",
                UNKNOWN));
    }

    @Test
    void aKeyMissingFromTheReferenceIsNamedAfterTheSmallestNameAndOzgIdItsOfferingsGive() throws Exception {
        Path th = Files.writeString(dir.resolve("th.csv"), TH_HEADER
                + "TH-1," + UNKNOWN + ",Zulassung Wasserfahrzeug,,1,,RG1,,Stadt Jena,160530000000,,,\n"
                + "TH-2," + UNKNOWN + ",Anmeldung Wasserfahrzeug,,1,10999,RG2,,Stadt Erfurt,160510000000,,,\n"
                + "TH-3," + UNKNOWN + ",Wasserfahrzeug ummelden,,1,10888,RG2,,Stadt Gera,160520000000,,,\n"
                + "TH-4,99046029000000,Abdruck Schuldnerverzeichnis,,2/3,10569,RG4,,Amtsgericht Erfurt,,,,\n",
                StandardCharsets.UTF_8);
        SyncFixture fixture = SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.5").location("TH", th);

        SyncFixture.Result result = fixture.sync();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(mergedEntry(fixture)).containsEntry("BEZEICHNUNG", "Anmeldung Wasserfahrzeug")
                .containsEntry("OZG_ID", "10888").containsEntry("IM_LEIKA", false).containsEntry("ANZAHL_ANGEBOTE", 3L);
        assertThat(Files.readString(fixture.outputDir().resolve("merged-catalogue.xml"), StandardCharsets.UTF_8))
                .contains("Anmeldung Wasserfahrzeug");
    }

    @Test
    void acrossStatesTheSmallestNameAndOzgIdWinAndOfferingsWithoutMaturityCountWithoutRaisingTheLevel()
            throws Exception {
        Path th = Files.writeString(dir.resolve("th.csv"), TH_HEADER
                + "TH-1," + UNKNOWN + ",Abmeldung Boot,,1,10999,RG2,,Stadt Jena,160530000000,,,\n",
                StandardCharsets.UTF_8);
        Path ni = Files.writeString(dir.resolve("ni.csv"), "Leistungs-ID;Leistungsschlüssel;Leistungsbezeichnung;"
                + "Kurzbeschreibung;Leistungstyp;OZG-ID;Reifegrad;Onlinedienst;Zuständige Stelle;Regionalschlüssel;"
                + "Gültig ab;Gültig bis;Letzte Änderung\r\n"
                + "NI-1;99 999 999 999 999;Boot anmelden;;1;10777;;;Region Hannover;032410000000;;;\r\n"
                + "NI-2;99 999 999 999 999;Anmeldung Boot;;1;;;;Stadt Celle;033510000000;;;\r\n",
                Charset.forName("windows-1252"));
        SyncFixture fixture = SyncFixture.mini(dir).location("TH", th).location("NI", ni);

        SyncFixture.Result result = fixture.sync();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(mergedEntry(fixture)).as("TH's name and NI's OZG-ID: the smallest, whichever state is read first")
                .containsEntry("BEZEICHNUNG", "Abmeldung Boot").containsEntry("OZG_ID", "10777")
                .containsEntry("ANZAHL_ANGEBOTE", 3L);
        List<String> states = fixture.query(jdbc -> jdbc.queryForList("""
                select state || ' ' || gebiete || ' ' || coalesce(cast(hoechster_reifegrad as varchar), '-') || ' '
                    || anzahl_ohne_reifegrad || '/' || anzahl_reifegrad_2 || ' ' || veraltet
                from merged_state where leistungsschluessel = ? order by state""", String.class, UNKNOWN));
        assertThat(states).containsExactly("NI 2 - 2/0 FALSE", "TH 1 2 0/1 FALSE");
    }
}
