package de.catalogsync.sources.xzufi;

import static de.catalogsync.sources.SampleSources.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.config.SourceProperties;
import de.catalogsync.normalise.RejectReason;
import de.catalogsync.normalise.StandardField;
import de.catalogsync.sources.SampleSources;
import de.catalogsync.sources.SampleSources.PlantedDefect;
import de.catalogsync.sources.SourceReadException;
import de.catalogsync.sources.SourceRecord;

class XzufiRecordSourceTest {

    private static final SourceProperties BY = SampleSources.by();

    private static List<SourceRecord> read(Path file) {
        try (XzufiRecordSource xml = new XzufiRecordSource(BY, file)) {
            return readAll(xml);
        }
    }

    /** The BY sample, read once for all its tests. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class BayernSample {

        private List<SourceRecord> records;

        @BeforeAll
        void readSample() {
            records = read(SampleSources.BY_FILE);
        }

        private SourceRecord byElement(String elementStart) {
            return records.stream()
                    .filter(r -> r.provenance().element() != null && r.provenance().element().startsWith(elementStart))
                    .findFirst().orElseThrow(() -> new AssertionError("no record " + elementStart));
        }

        @Test
        void readsAsManyRecordsAsExpectedCountsSays() {
            assertThat((long) records.size()).isEqualTo(SampleSources.expectedRead("BY"));
        }

        @Test
        void numbersRecordsInOrder() {
            for (int i = 0; i < records.size(); i++) {
                assertThat(records.get(i).provenance().seq()).isEqualTo(i + 1);
            }
        }

        @Test
        void zustaendigkeitCarriesItsLeistungAreaAuthorityAndOwnOnlineService() {
            SourceRecord r = byElement("zustaendigkeit[BY-Z-0000009]");

            assertThat(r.defect()).isNull();
            assertThat(r.provenance().element()).isEqualTo("zustaendigkeit[BY-Z-0000009]/leistung[BY-L-000106]");
            assertThat(r.provenance().line()).isEqualTo(19432);
            assertThat(r.provenance().file()).isEqualTo(SampleSources.BY_FILE.toString());
            assertThat(r.value(StandardField.SOURCE_ID)).isEqualTo("BY-L-000106");
            assertThat(r.value(StandardField.LEISTUNGSSCHLUESSEL)).isEqualTo("99106018036000");
            assertThat(r.value(StandardField.BEZEICHNUNG)).isEqualTo(
                    "Kosten zusätzlicher Betreuungsleistungen für Pflegeversicherte mit erheblichem allgemeinem Betreuungsbedarf Ersatz");
            assertThat(r.value(StandardField.KURZTEXT)).startsWith("Hier erhalten Sie Informationen zur Leistung „Kosten");
            assertThat(r.value(StandardField.TYPISIERUNG)).isEqualTo("2/3");
            assertThat(r.value(StandardField.OZG_ID)).isEqualTo("10220");
            assertThat(r.value(StandardField.REIFEGRAD)).isEqualTo("3");
            assertThat(r.value(StandardField.GEBIET_ID)).isEqualTo("091780000000");
            assertThat(r.value(StandardField.ZUSTAENDIGE_STELLE)).isEqualToIgnoringWhitespace("Landratsamt Freising, Gesundheitsamt");
            // its own onlinedienst BY-OD-000204, not the leistung's BY-OD-000203
            assertThat(r.value(StandardField.ONLINEDIENST_URL))
                    .isEqualTo("https://www.kreis-freising.de/kosten-zusaetzlicher-betreuungsleistungen-fuer-pflegeversich");
            assertThat(r.value(StandardField.GUELTIG_AB)).isEqualTo("2019-07-01");
            assertThat(r.value(StandardField.GUELTIG_BIS)).isEqualTo("2031-12-31");
            assertThat(r.value(StandardField.GEAENDERT_AM)).isEqualTo("2025-02-27");
            assertThat(r.rawText()).contains("BY-Z-0000009").contains("091780000000").contains("BY-OD-000204");
        }

        @Test
        void zustaendigkeitWithoutOwnOnlineServiceTakesTheLeistungsOne() {
            SourceRecord r = byElement("zustaendigkeit[BY-Z-0000008]");
            assertThat(r.value(StandardField.GEBIET_ID)).isEqualTo("091770000000");
            assertThat(r.value(StandardField.ONLINEDIENST_URL)).isEqualTo(
                    "https://www.freistaat.bayern/dienstleistungen/kosten-zusaetzlicher-betreuungsleistungen-fuer-pflegeversich");
        }

        @Test
        void zustaendigkeitOfLeistungWithoutOnlineServiceHasNoLink() {
            SourceRecord r = byElement("zustaendigkeit[BY-Z-0000001]");
            assertThat(r.value(StandardField.LEISTUNGSSCHLUESSEL)).isEqualTo("99110011008001");
            assertThat(r.value(StandardField.REIFEGRAD)).isEqualTo("Stufe 0");
            assertThat(r.value(StandardField.GEBIET_ID)).isEqualTo("091630000000");
            assertThat(r.value(StandardField.ZUSTAENDIGE_STELLE)).isEqualToIgnoringWhitespace("Stadt Rosenheim, Bauordnungsamt");
            assertThat(r.value(StandardField.ONLINEDIENST_URL)).isNull();
            assertThat(r.value(StandardField.GUELTIG_BIS)).isNull();
        }

        @Test
        void leistungWithoutZustaendigkeitGivesOneStateWideRecord() {
            List<SourceRecord> of107 = records.stream()
                    .filter(r -> "BY-L-000107".equals(r.value(StandardField.SOURCE_ID))).toList();

            assertThat(of107).hasSize(1);
            SourceRecord r = of107.get(0);
            assertThat(r.defect()).isNull();
            assertThat(r.provenance().element()).isEqualTo("leistung[BY-L-000107]");
            assertThat(r.provenance().line()).isEqualTo(53);
            assertThat(r.value(StandardField.GEBIET_ID)).isNull();
            assertThat(r.value(StandardField.LEISTUNGSSCHLUESSEL)).isEqualTo("99132007000000");
            assertThat(r.value(StandardField.BEZEICHNUNG)).isEqualTo("berufsgerichtliches Verfahren beantragen");
            assertThat(r.value(StandardField.TYPISIERUNG)).isEqualTo("1");
            assertThat(r.value(StandardField.REIFEGRAD)).isEqualTo("Stufe 2");
            assertThat(r.value(StandardField.ZUSTAENDIGE_STELLE)).isEqualTo("Bayerisches Staatsministerium der Justiz");
            assertThat(r.value(StandardField.ONLINEDIENST_URL))
                    .isEqualTo("https://www.freistaat.bayern/dienstleistungen/berufsgerichtliches-verfahren-beantragen");
        }

        @Test
        void stateWideRecordsComeAfterAllZustaendigkeiten() {
            int firstStateWide = 0;
            while (records.get(firstStateWide).provenance().element().startsWith("zustaendigkeit[")) {
                firstStateWide++;
            }
            assertThat(records.subList(firstStateWide, records.size()))
                    .allSatisfy(r -> assertThat(r.provenance().element()).startsWith("leistung["));
            assertThat(records.size() - firstStateWide).isEqualTo(229);
        }

        @Test
        void referenceDefectIsBrokenRecordOnThePlantedLine() {
            List<PlantedDefect> planted = SampleSources.plantedDefects("BY", "reference");
            assertThat(planted).hasSize(1);

            List<SourceRecord> broken = records.stream().filter(r -> r.defect() != null).toList();

            assertThat(broken).hasSize(1);
            SourceRecord r = broken.get(0);
            assertThat(r.defect()).isEqualTo(RejectReason.REFERENCE);
            assertThat(r.provenance().line()).isEqualTo(planted.get(0).line());
            assertThat(r.defectMessage()).contains("BY-L-002706").contains("BY-Z-0001384");
            assertThat(r.rawText()).contains("BY-Z-0001384").contains("097630000000");
        }

        @Test
        void countsBytesReadForProgress() throws IOException {
            try (XzufiRecordSource xml = new XzufiRecordSource(BY, SampleSources.BY_FILE)) {
                readAll(xml);
                assertThat(xml.bytesRead()).isEqualTo(Files.size(SampleSources.BY_FILE));
            }
        }
    }

    /** Small messages written for one test each. */
    @Nested
    class InlineFiles {

        private static final String OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        private static final String ROOT = "<xzufi:transfer.operation.040101 xmlns:xzufi=\"http://xoev.de/schemata/xzufi/2_2_0\">\n";
        private static final String END = "</xzufi:transfer.operation.040101>\n";

        @TempDir
        Path dir;

        private Path write(String content) throws IOException {
            return Files.writeString(dir.resolve("export.xml"), content, StandardCharsets.UTF_8);
        }

        private static String leistung(String id, String key, String name) {
            return "<xzufi:leistung>\n"
                    + "  <xzufi:id>" + id + "</xzufi:id>\n"
                    + "  <xzufi:referenzLeiKa><xzufi:code>" + key + "</xzufi:code></xzufi:referenzLeiKa>\n"
                    + "  <xzufi:modulText><xzufi:leikaTextmodul><xzufi:code>02</xzufi:code></xzufi:leikaTextmodul>"
                    + "<xzufi:inhalt languageCode=\"de-DE\">" + name + "</xzufi:inhalt></xzufi:modulText>\n"
                    + "</xzufi:leistung>\n";
        }

        private static String zustaendigkeit(String id, String leistungId, String gebiet) {
            return "<xzufi:zustaendigkeitTransferObjekt>\n"
                    + "  <xzufi:zustaendigkeit><xzufi:id>" + id + "</xzufi:id><xzufi:leistungID>" + leistungId
                    + "</xzufi:leistungID><xzufi:gebietID><xzufi:code>" + gebiet + "</xzufi:code></xzufi:gebietID></xzufi:zustaendigkeit>\n"
                    + "  <xzufi:organisationseinheit><xzufi:name>Landratsamt Dachau</xzufi:name></xzufi:organisationseinheit>\n"
                    + "</xzufi:zustaendigkeitTransferObjekt>\n";
        }

        @Test
        void readsMinimalMessage() throws IOException {
            List<SourceRecord> records = read(write(OPEN + ROOT + "<xzufi:schreibe>\n"
                    + leistung("L1", "99088018000000", "Abendgymnasium") + zustaendigkeit("Z1", "L1", "091740000000")
                    + "</xzufi:schreibe>\n" + END));

            assertThat(records).hasSize(1);
            assertThat(records.get(0).value(StandardField.BEZEICHNUNG)).isEqualTo("Abendgymnasium");
            assertThat(records.get(0).value(StandardField.GEBIET_ID)).isEqualTo("091740000000");
            assertThat(records.get(0).provenance().line()).isEqualTo(9);
        }

        @Test
        void anAuthorityNameIsItsWholeTextWhateverThePiecesAndNestedNamesAreWordsApart() throws IOException {
            String plain = zustaendigkeit("Z1", "L1", "091740000000");
            String pieces = zustaendigkeit("Z2", "L1", "091740000000").replace("Landratsamt Dachau",
                    "Land<![CDATA[rats]]>amt &#x44;achau");
            String nested = zustaendigkeit("Z3", "L1", "091740000000").replace("Landratsamt Dachau",
                    "<xzufi:name>Landratsamt</xzufi:name><xzufi:name>Dachau</xzufi:name>");
            List<SourceRecord> records = read(write(OPEN + ROOT + leistung("L1", "99088018000000", "Abendgymnasium")
                    + plain + pieces + nested + END));

            assertThat(records).extracting(r -> r.value(StandardField.ZUSTAENDIGE_STELLE))
                    .containsExactly("Landratsamt Dachau", "Landratsamt Dachau", "Landratsamt Dachau");
        }

        @Test
        void ignoresTextsInOtherLanguages() throws IOException {
            String l = "<xzufi:leistung><xzufi:id>L1</xzufi:id>"
                    + "<xzufi:modulText><xzufi:leikaTextmodul><xzufi:code>02</xzufi:code></xzufi:leikaTextmodul>"
                    + "<xzufi:inhalt languageCode=\"en\">Evening school</xzufi:inhalt>"
                    + "<xzufi:inhalt languageCode=\"de-DE\">Abendgymnasium</xzufi:inhalt></xzufi:modulText></xzufi:leistung>\n";
            List<SourceRecord> records = read(write(OPEN + ROOT + l + END));
            assertThat(records.get(0).value(StandardField.BEZEICHNUNG)).isEqualTo("Abendgymnasium");
            assertThat(records.get(0).value(StandardField.LEISTUNGSSCHLUESSEL)).isNull();
        }

        @Test
        void zustaendigkeitNamingUnknownOnlinedienstIsReferenceDefect() throws IOException {
            String z = "<xzufi:zustaendigkeitTransferObjekt><xzufi:zustaendigkeit><xzufi:id>Z1</xzufi:id>"
                    + "<xzufi:leistungID>L1</xzufi:leistungID><xzufi:onlinedienstID>OD-X</xzufi:onlinedienstID>"
                    + "</xzufi:zustaendigkeit></xzufi:zustaendigkeitTransferObjekt>\n";
            List<SourceRecord> records = read(write(OPEN + ROOT + leistung("L1", "99088018000000", "A") + z + END));
            assertThat(records).hasSize(1);
            assertThat(records.get(0).defect()).isEqualTo(RejectReason.REFERENCE);
            assertThat(records.get(0).defectMessage()).contains("OD-X");
        }

        @Test
        void internalEntityExpansionIsRefused() throws IOException {
            String laughs = OPEN
                    + "<!DOCTYPE lolz [\n"
                    + " <!ENTITY lol \"lol\">\n"
                    + " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                    + " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
                    + " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                    + " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
                    + " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
                    + " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
                    + " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
                    + " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
                    + " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
                    + "]>\n"
                    + ROOT + leistung("L1", "99088018000000", "&lol9;") + END;
            Path file = write(laughs);

            List<SourceRecord> seen = new ArrayList<>();
            Throwable thrown = catchThrowable(() -> readInto(file, seen));

            assertThat(thrown).isInstanceOf(SourceReadException.class).hasMessageContaining(file.toString())
                    .hasMessageContaining("DOCTYPE");
            assertThat(seen).allSatisfy(r -> assertThat(values(r)).noneMatch(v -> v.contains("lollol")));
        }

        @Test
        void externalEntityIsRefusedAndNoFileContentLeaks() throws IOException {
            String xxe = OPEN
                    + "<!DOCTYPE xzufi:transfer.operation.040101 [\n"
                    + " <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
                    + "]>\n"
                    + ROOT + leistung("L1", "99088018000000", "&xxe;") + zustaendigkeit("Z1", "L1", "091740000000") + END;
            Path file = write(xxe);

            List<SourceRecord> seen = new ArrayList<>();
            Throwable thrown = catchThrowable(() -> readInto(file, seen));

            assertThat(thrown).isInstanceOf(SourceReadException.class).hasMessageContaining(file.toString())
                    .hasMessageContaining("DOCTYPE");
            assertThat(thrown.getMessage()).doesNotContain("root:");
            assertThat(seen).allSatisfy(r -> {
                assertThat(values(r)).noneMatch(v -> v.contains("root:"));
                assertThat(r.rawText()).doesNotContain("root:");
            });
        }

        @Test
        void externalEntityWithoutDoctypeDeclarationIsStillNoValue() throws IOException {
            // an undeclared entity reference is not well-formed
            Path file = write(OPEN + ROOT + leistung("L1", "99088018000000", "&xxe;") + END);
            assertThatThrownBy(() -> read(file)).isInstanceOf(SourceReadException.class);
        }

        @Test
        void wrongRootNamespaceIsReadError() throws IOException {
            Path file = write(OPEN + "<xzufi:transfer.operation.040101 xmlns:xzufi=\"http://xoev.de/schemata/xzufi/2_3_1\">\n"
                    + leistung("L1", "99088018000000", "A") + END);

            assertThatThrownBy(() -> read(file))
                    .isInstanceOf(SourceReadException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("2_3_1")
                    .hasMessageContaining(XzufiRecordSource.NAMESPACE_2_2_0);
        }

        @Test
        void rootWithoutNamespaceIsReadError() throws IOException {
            Path file = write(OPEN + "<transfer><leistung><id>L1</id></leistung></transfer>\n");
            assertThatThrownBy(() -> read(file)).isInstanceOf(SourceReadException.class)
                    .hasMessageContaining("not an XZuFi 2.2.0 message");
        }

        @Test
        void notWellFormedIsReadErrorNamingTheLine() throws IOException {
            String broken = OPEN + ROOT + "<xzufi:schreibe>\n"               // lines 1-3
                    + leistung("L1", "99088018000000", "A")                  // lines 4-8
                    + "<xzufi:leistung><xzufi:id>L2</xzufi:idd></xzufi:leistung>\n" // line 9: mismatched end tag
                    + "</xzufi:schreibe>\n" + END;
            Path file = write(broken);

            assertThatThrownBy(() -> read(file))
                    .isInstanceOf(SourceReadException.class)
                    .hasMessageContaining(file + " line 9:");
        }

        @Test
        void truncatedFileIsReadErrorNamingALine() throws IOException {
            Path file = write(OPEN + ROOT + "<xzufi:schreibe>\n" + leistung("L1", "99088018000000", "A")
                    + "<xzufi:zustaendigkeitTransferObjekt>\n  <xzufi:zustaendigkeit><xzufi:id>Z1</xzufi:id>");

            assertThatThrownBy(() -> read(file))
                    .isInstanceOf(SourceReadException.class)
                    .hasMessageMatching("(?s).* line \\d+: .*");
        }

        @Test
        void nestingDeeperThanTheLimitIsReadError() throws IOException {
            String deep = "<xzufi:x>".repeat(100) + "</xzufi:x>".repeat(100);
            Path file = write(OPEN + ROOT + deep + END);
            assertThatThrownBy(() -> read(file)).isInstanceOf(SourceReadException.class)
                    .hasMessageContaining("deeper than");
        }

        @Test
        void emptyFileIsReadError() throws IOException {
            Path file = write("");
            assertThatThrownBy(() -> read(file)).isInstanceOf(SourceReadException.class)
                    .hasMessageContaining(file.toString());
        }

        @Test
        void missingFileIsReadError() {
            Path file = dir.resolve("fehlt.xml");
            assertThatThrownBy(() -> new XzufiRecordSource(BY, file))
                    .isInstanceOf(SourceReadException.class)
                    .hasMessageContaining("not found");
        }

        private void readInto(Path file, List<SourceRecord> seen) {
            try (XzufiRecordSource xml = new XzufiRecordSource(BY, file)) {
                for (SourceRecord r = xml.next(); r != null; r = xml.next()) {
                    seen.add(r);
                }
            }
        }

        private static List<String> values(SourceRecord r) {
            return Arrays.stream(r.values()).filter(Objects::nonNull).toList();
        }
    }
}
