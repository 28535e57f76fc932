package de.catalogsync.sources.csv;

import static de.catalogsync.sources.SampleSources.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.config.SourceFormat;
import de.catalogsync.config.SourceProperties;
import de.catalogsync.normalise.RejectReason;
import de.catalogsync.normalise.StandardField;
import de.catalogsync.sources.SampleSources;
import de.catalogsync.sources.SampleSources.PlantedDefect;
import de.catalogsync.sources.SourceConfigurationException;
import de.catalogsync.sources.SourceReadException;
import de.catalogsync.sources.SourceRecord;

class CsvRecordSourceTest {

    private static List<SourceRecord> read(SourceProperties source, Path file) {
        try (CsvRecordSource csv = new CsvRecordSource(source, file)) {
            return readAll(csv);
        }
    }

    private static SourceRecord byId(List<SourceRecord> records, String id) {
        return records.stream().filter(r -> id.equals(r.value(StandardField.SOURCE_ID))).findFirst()
                .orElseThrow(() -> new AssertionError("no record " + id));
    }

    /** The NI sample: windows-1252, ";", CRLF. Read once for all its tests. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class NiedersachsenSample {

        private List<SourceRecord> records;

        @BeforeAll
        void readSample() {
            records = read(SampleSources.ni(), SampleSources.NI_FILE);
        }

        @Test
        void readsAsManyRecordsAsExpectedCountsSays() {
            assertThat((long) records.size()).isEqualTo(SampleSources.expectedRead("NI"));
        }

        @Test
        void hasNoBrokenRecord() {
            assertThat(records).allSatisfy(r -> assertThat(r.defect()).isNull());
        }

        @Test
        void mapsEveryConfiguredColumnOfTheFirstRecord() {
            SourceRecord first = records.get(0);
            assertThat(first.provenance().line()).isEqualTo(2);
            assertThat(first.provenance().seq()).isEqualTo(1);
            assertThat(first.provenance().file()).isEqualTo(SampleSources.NI_FILE.toString());
            assertThat(first.provenance().element()).isNull();
            assertThat(first.value(StandardField.SOURCE_ID)).isEqualTo("NI-100001");
            assertThat(first.value(StandardField.LEISTUNGSSCHLUESSEL)).isEqualTo("99 010 001 001 005");
            assertThat(first.value(StandardField.TYPISIERUNG)).isEqualTo("2/3");
            assertThat(first.value(StandardField.OZG_ID)).isEqualTo("10255");
            assertThat(first.value(StandardField.REIFEGRAD)).isEqualTo("Stufe 3");
            assertThat(first.value(StandardField.ONLINEDIENST_URL))
                    .isEqualTo("https://service.niedersachsen.de/detail?leistung=aufenthaltserlaubnis-erteilung-fuer-ehemalige-deutsche");
            assertThat(first.value(StandardField.GEBIET_ID)).isEqualTo("031020000000");
            assertThat(first.value(StandardField.GUELTIG_AB)).isEqualTo("01.05.2021");
            assertThat(first.value(StandardField.GUELTIG_BIS)).isEmpty();
            assertThat(first.value(StandardField.GEAENDERT_AM)).isEqualTo("27.01.2022");
        }

        @Test
        void decodesWindows1252UmlautsSharpSAndTypographicQuotes() {
            SourceRecord first = records.get(0);
            assertThat(first.value(StandardField.BEZEICHNUNG)).isEqualTo("Aufenthaltserlaubnis Erteilung für ehemalige Deutsche");
            assertThat(first.value(StandardField.ZUSTAENDIGE_STELLE)).isEqualTo("Stadt Salzgitter, Ausländerbehörde");
            assertThat(first.value(StandardField.KURZTEXT))
                    .contains("\u201EAufenthaltserlaubnis Erteilung für ehemalige Deutsche\u201C");
            assertThat(byId(records, "NI-100005").value(StandardField.BEZEICHNUNG))
                    .isEqualTo("Elektronische Lohnsteuerabzugsmerkmale Beratung für Großunternehmen");
            assertThat(records).noneSatisfy(r -> assertThat(r.rawText()).contains("\uFFFD"));
        }

        @Test
        void keepsSeparatorInsideQuotedField() {
            assertThat(byId(records, "NI-100005").value(StandardField.KURZTEXT)).isEqualTo(
                    "Sie müssen den Antrag schriftlich oder online stellen. Unterlagen: Antragsformular; Personalausweis; ggf. Vollmacht.");
        }

        @Test
        void crlfDoesNotLeaveCarriageReturnsInValuesOrRawText() {
            assertThat(records).allSatisfy(r -> {
                assertThat(r.value(StandardField.GEAENDERT_AM)).doesNotContain("\r");
                assertThat(r.rawText()).doesNotContain("\r");
            });
        }

        @Test
        void recordsStartOnConsecutiveLinesAndCountUp() {
            for (int i = 0; i < records.size(); i++) {
                assertThat(records.get(i).provenance().seq()).isEqualTo(i + 1);
                assertThat(records.get(i).provenance().line()).isEqualTo(i + 2);
            }
        }
    }

    /** The TH sample: UTF-8 with BOM, ",", LF, multi-line quoted texts. Read once for all its tests. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ThueringenSample {

        private List<SourceRecord> records;

        @BeforeAll
        void readSample() {
            records = read(SampleSources.th(), SampleSources.TH_FILE);
        }

        @Test
        void readsAsManyRecordsAsExpectedCountsSays() {
            assertThat((long) records.size()).isEqualTo(SampleSources.expectedRead("TH"));
        }

        @Test
        void byteOrderMarkDoesNotBreakTheFirstHeader() {
            // "id" is the first header; with the BOM left in it, the source would fail with a configuration error
            assertThat(records.get(0).value(StandardField.SOURCE_ID)).isEqualTo("TH-LK-004002");
        }

        @Test
        void columnsDefectIsOnThePlantedLineOnly() {
            List<PlantedDefect> planted = SampleSources.plantedDefects("TH", "columns");
            assertThat(planted).hasSize(1);

            List<SourceRecord> broken = records.stream().filter(r -> r.defect() != null).toList();

            assertThat(broken).hasSize(1);
            SourceRecord r = broken.get(0);
            assertThat(r.defect()).isEqualTo(RejectReason.COLUMNS);
            assertThat(r.provenance().line()).isEqualTo(planted.get(0).line());
            assertThat(r.defectMessage()).contains("14 fields").contains("13");
            assertThat(r.rawText()).startsWith("TH-LK-006561,").contains("Landratsamt Hildburghausen, Bürgerservice");
        }

        @Test
        void keepsMultiLineQuotedTextWithItsLines() {
            SourceRecord first = records.get(0);
            assertThat(first.value(StandardField.KURZTEXT)).isEqualTo(
                    "Leistung: Auskunfts- und Übermittlungssperren im Melderegister Eintragung Auskunftssperre\n"
                            + "Bitte beachten Sie: Die Bearbeitung dauert in der Regel 5 Wochen, in Ausnahmefällen länger.\n"
                            + "Unterlagen: Personalausweis, Nachweise, ggf. Vollmacht.");
            assertThat(first.value(StandardField.TYPISIERUNG)).isEqualTo("2/3");
            assertThat(first.value(StandardField.ZUSTAENDIGE_STELLE)).isEqualTo("Stadt Jena, Bauordnungsamt");
            assertThat(first.rawText()).hasLineCount(3).endsWith(",160530000000,2023-08-01,,2024-12-11");
        }

        @Test
        void startLineOfRecordAfterMultiLineRecordIsItsPhysicalLine() {
            assertThat(records.get(0).provenance().line()).isEqualTo(2);
            assertThat(records.get(1).value(StandardField.SOURCE_ID)).isEqualTo("TH-LK-004003");
            assertThat(records.get(1).provenance().line()).isEqualTo(5);
            assertThat(records.get(1).provenance().seq()).isEqualTo(2);
        }

        @Test
        void startLineOfMultiLineRecordDeepInTheFileIsItsFirstLine() {
            SourceRecord r = byId(records, "TH-LK-004606");
            assertThat(r.provenance().line()).isEqualTo(651);
            assertThat(r.value(StandardField.KURZTEXT)).hasLineCount(4);
        }

        @Test
        void backslashesSurvive() {
            SourceRecord r = byId(records, "TH-LK-004606");
            assertThat(r.value(StandardField.KURZTEXT)).endsWith("Formular unter C:\\Formulare\\Antrag.pdf");
            assertThat(r.rawText()).contains("C:\\Formulare\\Antrag.pdf");
            assertThat(records).anySatisfy(x -> assertThat(x.value(StandardField.KURZTEXT))
                    .contains("\\\\fileserver\\Formulare\\Antrag_2024.docx"));
        }

        @Test
        void decodesUtf8Umlauts() {
            assertThat(records.get(1).value(StandardField.BEZEICHNUNG)).isEqualTo("abgeschleppte Fahrzeuge in Thüringen");
            assertThat(records.get(1).value(StandardField.ZUSTAENDIGE_STELLE))
                    .isEqualTo("Thüringer Landesamt für Bau und Verkehr");
        }

        @Test
        void stateLocalRowKeepsItsMarker() {
            assertThat(byId(records, "TH-LK-005526").value(StandardField.LEISTUNGSSCHLUESSEL)).isEqualTo("nicht im LeiKa");
        }
    }

    /** Small files written for one test each. */
    @Nested
    class InlineFiles {

        @TempDir
        Path dir;

        private final SourceProperties source = new SourceProperties("TH", SourceFormat.CSV, null, StandardCharsets.UTF_8,
                ",", "\"", "yyyy-MM-dd", "1.1", Map.of("sourceId", "id", "bezeichnung", "titel", "kurztext", "text"),
                Map.of());

        private Path write(String name, String content) throws IOException {
            return write(name, content.getBytes(StandardCharsets.UTF_8));
        }

        private Path write(String name, byte[] content) throws IOException {
            return Files.write(dir.resolve(name), content);
        }

        private List<SourceRecord> readString(String content) throws IOException {
            return read(source, write("export.csv", content));
        }

        private static String ids(List<SourceRecord> records) {
            return records.stream().map(r -> r.value(StandardField.SOURCE_ID) + "@" + r.provenance().line())
                    .collect(Collectors.joining(" "));
        }

        @Test
        void readsLfLineEnds() throws IOException {
            List<SourceRecord> records = readString("id,titel,text\nA,Titel A,x\nB,Titel B,y\n");
            assertThat(ids(records)).isEqualTo("A@2 B@3");
            assertThat(records.get(1).value(StandardField.KURZTEXT)).isEqualTo("y");
        }

        @Test
        void readsCrlfLineEndsWithoutCarriageReturnInLastValue() throws IOException {
            List<SourceRecord> records = readString("id,titel,text\r\nA,Titel A,x\r\nB,Titel B,y\r\n");
            assertThat(ids(records)).isEqualTo("A@2 B@3");
            assertThat(records.get(0).value(StandardField.KURZTEXT)).isEqualTo("x");
            assertThat(records.get(1).value(StandardField.KURZTEXT)).isEqualTo("y");
        }

        @Test
        void readsLoneCarriageReturnLineEnds() throws IOException {
            List<SourceRecord> records = readString("id,titel,text\rA,Titel A,x\rB,Titel B,y\r");
            assertThat(ids(records)).isEqualTo("A@2 B@3");
            assertThat(records.get(1).value(StandardField.KURZTEXT)).isEqualTo("y");
        }

        @Test
        void readsLastLineWithoutLineEnd() throws IOException {
            assertThat(ids(readString("id,titel,text\nA,Titel A,x\nB,Titel B,y"))).isEqualTo("A@2 B@3");
        }

        @Test
        void multiLineFieldWithCrlfCountsPhysicalLines() throws IOException {
            List<SourceRecord> records = readString("id,titel,text\r\nA,Titel A,\"eins\r\nzwei\r\ndrei\"\r\nB,Titel B,y\r\n");
            assertThat(ids(records)).isEqualTo("A@2 B@5");
            assertThat(records.get(0).value(StandardField.KURZTEXT)).isEqualTo("eins\nzwei\ndrei");
        }

        @Test
        void doubledQuoteInsideQuotedFieldIsOneQuote() throws IOException {
            List<SourceRecord> records = readString("id,titel,text\nA,\"Antrag \"\"online\"\", sofort\",x\n");
            assertThat(records.get(0).value(StandardField.BEZEICHNUNG)).isEqualTo("Antrag \"online\", sofort");
        }

        @Test
        void backslashBeforeQuoteIsNoEscape() throws IOException {
            List<SourceRecord> records = readString("id,titel,text\nA,\"Pfad C:\\\",x\n");
            assertThat(records).hasSize(1);
            assertThat(records.get(0).value(StandardField.BEZEICHNUNG)).isEqualTo("Pfad C:\\");
            assertThat(records.get(0).value(StandardField.KURZTEXT)).isEqualTo("x");
        }

        @Test
        void headersMatchIgnoringCaseAndSurroundingSpaces() throws IOException {
            List<SourceRecord> records = readString(" ID , Titel ,TEXT\nA,Titel A,x\n");
            assertThat(records.get(0).value(StandardField.SOURCE_ID)).isEqualTo("A");
            assertThat(records.get(0).value(StandardField.BEZEICHNUNG)).isEqualTo("Titel A");
        }

        @Test
        void unmappedFieldsAreNullAndUnmappedColumnsIgnored() throws IOException {
            List<SourceRecord> records = readString("id,extra,titel,text\nA,egal,Titel A,x\n");
            assertThat(records.get(0).value(StandardField.BEZEICHNUNG)).isEqualTo("Titel A");
            assertThat(records.get(0).value(StandardField.LEISTUNGSSCHLUESSEL)).isNull();
            assertThat(records.get(0).value(StandardField.GEBIET_ID)).isNull();
        }

        @Test
        void missingHeaderIsConfigurationErrorNamingStateFileAndHeader() throws IOException {
            Path file = write("export.csv", "id,name,text\nA,Titel A,x\n");
            assertThatThrownBy(() -> new CsvRecordSource(source, file))
                    .isInstanceOf(SourceConfigurationException.class)
                    .hasMessageContaining("TH")
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("\"titel\"")
                    .hasMessageContaining("bezeichnung");
        }

        @Test
        void unknownStandardFieldInColumnsIsConfigurationError() throws IOException {
            Path file = write("export.csv", "id,titel,text\nA,Titel A,x\n");
            SourceProperties wrong = new SourceProperties("TH", SourceFormat.CSV, file, StandardCharsets.UTF_8, ",", "\"",
                    "yyyy-MM-dd", "1.1", Map.of("titel", "titel"), Map.of());
            assertThatThrownBy(() -> new CsvRecordSource(wrong, file))
                    .isInstanceOf(SourceConfigurationException.class)
                    .hasMessageContaining("\"titel\"")
                    .hasMessageContaining("bezeichnung");
        }

        @Test
        void emptyFileIsReadError() throws IOException {
            Path file = write("export.csv", "");
            assertThatThrownBy(() -> new CsvRecordSource(source, file))
                    .isInstanceOf(SourceReadException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("empty");
        }

        @Test
        void missingFileIsReadError() {
            Path file = dir.resolve("nicht-da.csv");
            assertThatThrownBy(() -> new CsvRecordSource(source, file))
                    .isInstanceOf(SourceReadException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("not found");
        }

        @Test
        void unterminatedQuoteInHeaderIsReadErrorNamingTheFile() throws IOException {
            Path file = write("export.csv", "id,\"titel,text\nA,Titel A,x\n");
            assertThatThrownBy(() -> new CsvRecordSource(source, file))
                    .isInstanceOf(SourceReadException.class)
                    .hasMessageContaining(file.toString());
        }

        @Test
        void constructorThatFailsOnTheHeaderLeavesNoOpenFile() throws IOException {
            Path fds = Path.of("/proc/self/fd");
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd (Linux)");
            Path badBytes = write("bad-bytes.csv", new byte[] {'i', 'd', (byte) 0xFC, '\n'});
            Path openQuote = write("open-quote.csv", "id,\"titel,text\nA,B,C\n");
            Path unknownField = write("unknown-field.csv", "id,titel,text\nA,B,C\n");
            SourceProperties wrongField = new SourceProperties("TH", SourceFormat.CSV, null, StandardCharsets.UTF_8, ",",
                    "\"", "yyyy-MM-dd", "1.1", Map.of("titel", "titel"), Map.of());

            catchThrowableOf(badBytes, source);
            catchThrowableOf(openQuote, source);
            catchThrowableOf(unknownField, wrongField);

            List<String> open = new java.util.ArrayList<>();
            try (java.util.stream.Stream<Path> links = Files.list(fds)) {
                links.forEach(fd -> {
                    try {
                        open.add(Files.readSymbolicLink(fd).toString());
                    } catch (IOException | UnsupportedOperationException e) {
                        // closed meanwhile, or not a link
                    }
                });
            }
            String tempDir = dir.toRealPath().toString();
            assertThat(open).noneMatch(p -> p.startsWith(tempDir));
        }

        private static void catchThrowableOf(Path file, SourceProperties properties) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new CsvRecordSource(properties, file).close()))
                    .isNotNull();
        }

        @Test
        void headerOnlyHasNoRecords() throws IOException {
            assertThat(readString("id,titel,text\n")).isEmpty();
            assertThat(readString("id,titel,text")).isEmpty();
        }

        @Test
        void blankLastLineIsNoRecord() throws IOException {
            assertThat(ids(readString("id,titel,text\nA,Titel A,x\n\n"))).isEqualTo("A@2");
            assertThat(ids(readString("id,titel,text\r\nA,Titel A,x\r\n\r\n"))).isEqualTo("A@2");
            assertThat(ids(readString("id,titel,text\nA,Titel A,x\n   \n"))).isEqualTo("A@2");
        }

        @Test
        void blankLineBetweenRecordsIsSkippedAndLinesStayExact() throws IOException {
            List<SourceRecord> records = readString("id,titel,text\nA,Titel A,x\n\nB,Titel B,y\n");
            assertThat(ids(records)).isEqualTo("A@2 B@4");
            assertThat(records.get(1).provenance().seq()).isEqualTo(2);
        }

        @Test
        void manyBlankLinesAtTheEndDoNotOverflowTheStack() throws IOException {
            String content = "id,titel,text\nA,Titel A,x\n" + "\n".repeat(200_000);
            assertThat(ids(readString(content))).isEqualTo("A@2");
        }

        @Test
        void wrongFieldCountIsColumnsDefectWithLineAndRawText() throws IOException {
            List<SourceRecord> records = readString("id,titel,text\nA,Titel A,x\nB,Titel, B,y\nC,Titel C\nD,Titel D,z\n");

            assertThat(records).hasSize(4);
            SourceRecord tooMany = records.get(1);
            assertThat(tooMany.defect()).isEqualTo(RejectReason.COLUMNS);
            assertThat(tooMany.provenance().line()).isEqualTo(3);
            assertThat(tooMany.defectMessage()).isEqualTo("record has 4 fields, the header has 3");
            assertThat(tooMany.rawText()).isEqualTo("B,Titel, B,y");
            SourceRecord tooFew = records.get(2);
            assertThat(tooFew.defect()).isEqualTo(RejectReason.COLUMNS);
            assertThat(tooFew.provenance().line()).isEqualTo(4);
            assertThat(tooFew.defectMessage()).contains("2 fields");
            assertThat(records.get(3).defect()).isNull();
            assertThat(records.get(3).provenance().line()).isEqualTo(5);
        }

        @Test
        void invalidUtf8IsReadErrorNamingFile() throws IOException {
            byte[] head = "id,titel,text\nA,Titel A,x\nB,Titel ".getBytes(StandardCharsets.UTF_8);
            byte[] bad = {(byte) 0xFC}; // "ü" in windows-1252, never valid in UTF-8
            byte[] tail = "bersicht,y\nC,Titel C,z\n".getBytes(StandardCharsets.UTF_8);
            Path file = write("export.csv", concat(head, bad, tail));

            assertThatThrownBy(() -> read(source, file))
                    .isInstanceOf(SourceReadException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("UTF-8")
                    .hasMessageContaining(" line ");
        }

        @Test
        void invalidUtf8IsReadErrorNamingTheLineOfTheBadBytes() throws IOException {
            byte[] head = "id,titel,text\nA,Titel A,x\nB,Titel ".getBytes(StandardCharsets.UTF_8);
            byte[] bad = {(byte) 0xFC};
            byte[] tail = "bersicht,y\nC,Titel C,z\n".getBytes(StandardCharsets.UTF_8);
            Path file = write("export.csv", concat(head, bad, tail));

            assertThatThrownBy(() -> read(source, file))
                    .isInstanceOf(SourceReadException.class)
                    .hasMessageContaining(file + " line 3:");
        }

        @Test
        void invalidUtf8DeepInALargeFileNamesTheLineOfTheBadBytes() throws IOException {
            StringBuilder before = new StringBuilder("id,titel,text\r\n");
            for (int i = 2; i < 4000; i++) {
                before.append("R").append(i).append(",Titel ").append(i).append(",\"Text\r\nzweite Zeile\"\r\n");
            }
            // 1 header line + 3998 records of 2 lines each: the bad record starts on line 7998
            byte[] bad = concat(before.toString().getBytes(StandardCharsets.UTF_8),
                    "X,Titel ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28},
                    ",y\r\n".repeat(2000).getBytes(StandardCharsets.UTF_8));
            Path file = write("large.csv", bad);

            List<SourceRecord> records = new java.util.ArrayList<>();
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> {
                try (CsvRecordSource csv = new CsvRecordSource(source, file)) {
                    for (SourceRecord r = csv.next(); r != null; r = csv.next()) {
                        records.add(r);
                    }
                }
            });

            assertThat(thrown).isInstanceOf(SourceReadException.class).hasMessageContaining(file + " line 7998:");
        }

        @Test
        void windows1252FileIsReadWithItsConfiguredEncoding() throws IOException {
            SourceProperties cp1252 = new SourceProperties("NI", SourceFormat.CSV, null,
                    java.nio.charset.Charset.forName("windows-1252"), ";", "\"", "dd.MM.yyyy", "1.1",
                    Map.of("sourceId", "Leistungs-ID", "bezeichnung", "Leistungsbezeichnung"), Map.of());
            Path file = write("ni.csv", "Leistungs-ID;Leistungsbezeichnung\r\nNI-1;Gebühr für Straßen „neu“ – 5 €\r\n"
                    .getBytes(java.nio.charset.Charset.forName("windows-1252")));

            List<SourceRecord> records = read(cp1252, file);

            assertThat(records.get(0).value(StandardField.BEZEICHNUNG)).isEqualTo("Gebühr für Straßen „neu“ – 5 €");
        }

        @Test
        void unterminatedQuoteIsBrokenRecordNamingItsStartLine() throws IOException {
            List<SourceRecord> records = readString("id,titel,text\nA,Titel A,x\nB,\"Titel B,y\nC,Titel C,z\nD,Titel D,w\n");

            assertThat(records).hasSize(2);
            assertThat(records.get(0).defect()).isNull();
            SourceRecord broken = records.get(1);
            assertThat(broken.defect()).isEqualTo(RejectReason.RECORD);
            assertThat(broken.provenance().line()).isEqualTo(3);
            assertThat(broken.provenance().seq()).isEqualTo(2);
            assertThat(broken.defectMessage()).contains("line 3").contains("never closed").contains("line 5");
            assertThat(broken.rawText()).isEqualTo("B,\"Titel B,y\nC,Titel C,z\nD,Titel D,w");
        }

        @Test
        void sourceIsExhaustedAfterBrokenLastRecord() throws IOException {
            try (CsvRecordSource csv = new CsvRecordSource(source, write("export.csv", "id,titel,text\nA,\"offen,x\n"))) {
                assertThat(csv.next().defect()).isEqualTo(RejectReason.RECORD);
                assertThat(csv.next()).isNull();
                assertThat(csv.next()).isNull();
            }
        }

        @Test
        void countsBytesReadForProgress() throws IOException {
            Path file = write("export.csv", "id,titel,text\nA,Titel A,x\n");
            try (CsvRecordSource csv = new CsvRecordSource(source, file)) {
                readAll(csv);
                assertThat(csv.bytesRead()).isEqualTo(Files.size(file));
            }
        }

        private static byte[] concat(byte[]... parts) {
            int length = 0;
            for (byte[] p : parts) {
                length += p.length;
            }
            byte[] all = new byte[length];
            int at = 0;
            for (byte[] p : parts) {
                System.arraycopy(p, 0, all, at, p.length);
                at += p.length;
            }
            return all;
        }
    }
}
