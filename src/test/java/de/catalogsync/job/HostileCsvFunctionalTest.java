package de.catalogsync.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.testing.SyncFixture;

/**
 * Broken and hostile CSV exports, each synced for real as Thüringen's export: every one ends as rejects naming
 * line and reason, or as a failed state with a clear reason, and never as garbage in the catalogue.
 */
class HostileCsvFunctionalTest {

    private static final String HEADER = "id,leika,titel,beschreibung,typ,ozg_id,reifegrad,online_url,behoerde,ars,"
            + "gueltig_von,gueltig_bis,stand";
    private static final String TH_1 = "TH-1,99012001001000,Abbruchgenehmigung,,4,10513,RG1,,Stadt Jena,160530000000,,,";
    private static final String TH_2 = "TH-2,99046029000000,Schuldnerverzeichnis,,2/3,10569,RG4,,Amtsgericht Erfurt,,,,";
    private static final String TH_3 = "TH-3,99050012104000,Gewerbeanmeldung,,4,10294,RG2,,Stadt Erfurt,160510000000,,,";
    private static final String TH_4 = "TH-4,99088018034000,Abendgymnasium,,4,10041,RG2,,Schulamt,,,,";
    private static final String TH_ENCODING = "      encoding: UTF-8\n      separator: \",\"";

    @TempDir
    Path dir;

    private SyncFixture fixture;

    private SyncFixture.Result syncTh(byte[] content) throws Exception {
        Path file = Files.write(dir.resolve("th-export.csv"), content);
        if (fixture == null) {
            fixture = SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.5");
        }
        return fixture.location("TH", file).sync();
    }

    private SyncFixture.Result syncTh(String... lines) throws Exception {
        return syncTh((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private List<String> thRejects() {
        return fixture.query(jdbc -> jdbc.queryForList(
                "select cast(source_line as varchar(9)) || ' ' || reason || ' ' || message from reject where state = 'TH' order by seq",
                String.class));
    }

    private List<String> thOfferings() {
        return fixture.offerings("TH").stream()
                .sorted(java.util.Comparator.comparingLong(o -> o.provenance().line()))
                .map(o -> o.sourceId() + "@" + o.provenance().line() + " " + (o.bezeichnung() == null ? "" : o.bezeichnung()))
                .toList();
    }

    private String published() throws Exception {
        StringBuilder all = new StringBuilder();
        for (String name : List.of("merged-catalogue.xml", "merged-catalogue.json", "merged-catalogue.csv")) {
            all.append(Files.readString(fixture.outputDir().resolve(name), StandardCharsets.UTF_8));
        }
        return all.toString();
    }

    @Test
    void anUnclosedQuoteIsARecordRejectNamingItsLineAndHowFarItRan() throws Exception {
        SyncFixture.Result result = syncTh(HEADER, TH_1, "TH-2,99046029000000,\"Schuldner,,2/3,,,,,,,,", TH_3, TH_4);

        assertThat(result.out()).as(result.toString()).containsPattern("TH\\s+ACCEPTED\\s+2\\s+1\\s+1");
        assertThat(thRejects()).singleElement().asString()
                .startsWith("3 RECORD quoted field opened in the record at line 3 is never closed")
                .contains("runs to the end of the file (line 5)");
        assertThat(thOfferings()).containsExactly("TH-1@2 Abbruchgenehmigung");
        assertThat(published()).doesNotContain("Schuldner,,2/3");
    }

    @Test
    void aRecordRunningToTheEndOfTheFileIsTheLastRowsReject() throws Exception {
        SyncFixture.Result result = syncTh(HEADER, TH_1, TH_2, TH_3, "TH-4,99088018034000,\"Abendgymnasium,,4,10041");

        assertThat(result.out()).as(result.toString()).containsPattern("TH\\s+ACCEPTED\\s+4\\s+3\\s+1");
        assertThat(thRejects()).singleElement().asString().startsWith("5 RECORD quoted field opened in the record at line 5");
    }

    @Test
    void aWrongColumnCountIsAColumnsRejectOnItsLine() throws Exception {
        SyncFixture.Result result = syncTh(HEADER, TH_1, TH_2 + ",extra", TH_3.substring(0, TH_3.lastIndexOf(',')), TH_4);

        assertThat(result.out()).as(result.toString()).containsPattern("TH\\s+ACCEPTED\\s+4\\s+2\\s+2");
        assertThat(thRejects()).containsExactly("3 COLUMNS record has 14 fields, the header has 13",
                "4 COLUMNS record has 12 fields, the header has 13");
    }

    @Test
    void nulBytesAreRejectsAndShowAsVisibleSymbolsInTheRejectFile() throws Exception {
        SyncFixture.Result result = syncTh(HEADER, TH_1, TH_2.replace("Schuldner", "Schuld\0ner"),
                TH_3.replace("99050012104000", "990500\u00002104000"), TH_4, "TH-5,99088018000000,Abend,,4,,,,,,,,");

        assertThat(result.out()).as(result.toString()).containsPattern("TH\\s+ACCEPTED\\s+5\\s+3\\s+2");
        assertThat(thRejects()).containsExactly("3 TEXT text contains a NUL character",
                "4 KEY malformed LeiKa key \"990500\u24002104000\": unexpected character '\u2400'");
        assertThat(Files.readString(fixture.outputDir().resolve("rejects/TH.csv"), StandardCharsets.UTF_8))
                .contains("Schuld\u2400ner").doesNotContain("\0");
        assertThat(published()).doesNotContain("\0");
    }

    @Test
    void aUtf8FileConfiguredAsWindows1252FailsTheStateWhenMostRowsAreMojibake() throws Exception {
        fixture = SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.5")
                .replaceInConfig(TH_ENCODING, TH_ENCODING.replace("UTF-8", "windows-1252"));

        SyncFixture.Result result = syncTh(HEADER, TH_1.replace("Abbruch", "Abbrüch"), TH_2.replace("Schuldner", "Schüldner"),
                TH_3.replace("Gewerbe", "Gewerbeämter"), TH_4);

        assertThat(result.out()).as(result.toString()).containsPattern("TH\\s+FAILED\\s+4\\s+1\\s+3\\s+3 of 4 rows hold text "
                + "that looks like UTF-8 read as windows-1252 \\(mojibake such as \"Ã¤\" for \"ä\"\\)")
                .contains("catalog.sources[TH].encoding");
        assertThat(thRejects()).first().asString().startsWith("2 ENCODING text looks like UTF-8 read in a single-byte encoding: "
                + "\"Ã¼\" (would be \"ü\")");
        assertThat(thOfferings()).isEmpty();
        assertThat(published()).doesNotContain("AbbrÃ").doesNotContain("SchÃ").doesNotContain("GewerbeÃ");
    }

    @Test
    void aFewMojibakeRowsAreEncodingRejectsAndTheRestIsPublished() throws Exception {
        fixture = SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.5")
                .replaceInConfig(TH_ENCODING, TH_ENCODING.replace("UTF-8", "windows-1252"));

        SyncFixture.Result result = syncTh(HEADER, TH_1, TH_2.replace("Schuldner", "Schüldner"), TH_3, TH_4);

        assertThat(result.out()).as(result.toString()).containsPattern("TH\\s+ACCEPTED\\s+4\\s+3\\s+1");
        assertThat(thRejects()).singleElement().asString().startsWith("3 ENCODING");
        assertThat(published()).doesNotContain("Ã").contains("Abbruchgenehmigung");
    }

    @Test
    void aUtf8FileWhoseHeaderIsMojibakeNamesTheEncodingInTheConfigurationError() throws Exception {
        byte[] ni = Files.readAllBytes(Path.of("src/test/resources/fixtures/mini/ni.csv"));
        Path utf8 = Files.writeString(dir.resolve("ni-utf8.csv"), new String(ni, Charset.forName("windows-1252")),
                StandardCharsets.UTF_8);
        fixture = SyncFixture.mini(dir).location("NI", utf8);

        SyncFixture.Result result = fixture.sync();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("state NI").contains("\"Leistungsschlüssel\"")
                .contains("the file looks like UTF-8, but catalog.sources[NI].encoding is windows-1252");
        assertThat(fixture.offerings().size()).isZero();
    }

    @Test
    void aWindows1252FileConfiguredAsUtf8FailsTheStateNamingTheLine() throws Exception {
        SyncFixture.Result result = syncTh((String.join("\n", HEADER, TH_1, TH_2.replace("Schuldner", "Schüldner"), TH_3)
                + "\n").getBytes(Charset.forName("windows-1252")));

        assertThat(result.out()).as(result.toString()).containsPattern("TH\\s+FAILED.*th-export.csv line 3: bytes that are "
                + "not valid UTF-8");
        assertThat(thOfferings()).isEmpty();
    }

    @Test
    void crLfAndCrlfLineEndsGiveTheSameCatalogue() throws Exception {
        List<String> seen = null;
        for (String lineEnd : List.of("\n", "\r\n", "\r")) {
            fixture = SyncFixture.mini(dir.resolve("le" + lineEnd.length() + (lineEnd.equals("\r") ? "cr" : "")))
                    .yaml("catalog:\n  max-reject-share: 0.5");
            String text = String.join(lineEnd, HEADER, TH_1, "TH-2,99046029000000,\"Schuldner" + lineEnd + "verzeichnis\",,2/3,,,,,,,,",
                    TH_3, TH_4) + lineEnd;
            SyncFixture.Result result = syncTh(text.getBytes(StandardCharsets.UTF_8));
            assertThat(result.out()).as(result.toString()).containsPattern("TH\\s+ACCEPTED\\s+4\\s+4\\s+0");
            List<String> offerings = thOfferings();
            assertThat(offerings).as("line end " + lineEnd.replace("\r", "CR").replace("\n", "LF"))
                    .containsExactly("TH-1@2 Abbruchgenehmigung", "TH-2@3 Schuldner verzeichnis",
                            "TH-3@5 Gewerbeanmeldung", "TH-4@6 Abendgymnasium");
            if (seen != null) {
                assertThat(offerings).isEqualTo(seen);
            }
            seen = offerings;
            assertThat(published()).doesNotContain("\r");
        }
    }

    @Test
    void anEmptyFileFailsTheStateAsEmpty() throws Exception {
        SyncFixture.Result result = syncTh(new byte[0]);

        assertThat(result.out()).as(result.toString()).containsPattern("TH\\s+FAILED.*th-export.csv: the export of TH is empty");
    }

    @Test
    void aHeaderOnlyFileFailsTheStateBecauseItHoldsNoServices() throws Exception {
        SyncFixture.Result result = syncTh(HEADER);

        assertThat(result.out()).as(result.toString())
                .containsPattern("TH\\s+FAILED\\s+0\\s+0\\s+0\\s+shrink guard: the export of TH holds no valid services");
    }

    @Test
    void aTextLongerThanTheCatalogueKeepsIsThatRowsRejectNotAFailedState() throws Exception {
        SyncFixture.Result result = syncTh(HEADER, TH_1, TH_2.replace("Schuldnerverzeichnis", "x".repeat(5000)), TH_3, TH_4);

        assertThat(result.out()).as(result.toString()).containsPattern("TH\\s+ACCEPTED\\s+4\\s+3\\s+1");
        assertThat(thRejects()).containsExactly("3 TEXT bezeichnung has 5000 characters, more than the 4000 the catalogue keeps");
    }
}
