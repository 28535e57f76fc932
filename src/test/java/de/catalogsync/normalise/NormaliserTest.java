package de.catalogsync.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.catalogsync.config.SourceFormat;
import de.catalogsync.config.SourceProperties;
import de.catalogsync.sources.SourceRecord;

class NormaliserTest {

    private static final SourceProperties NI = new SourceProperties("NI", SourceFormat.CSV,
            Path.of("sample-data/ni/leistungen.csv"), StandardCharsets.ISO_8859_1, ";", "\"", "dd.MM.yyyy", "1.1",
            Map.of(), Map.of("reifegrad", Map.of("Stufe 0", "0", "Stufe 1", "1", "Stufe 2", "2", "Stufe 3", "3",
                    "Stufe 4", "4", "offline", "0", "online", "3")));

    private static final Provenance PROVENANCE = new Provenance("leistungen.csv", 7, 6, null);

    private final Normaliser normaliser = new Normaliser(NI);

    private static Map<StandardField, String> validRow() {
        Map<StandardField, String> row = new EnumMap<>(StandardField.class);
        row.put(StandardField.SOURCE_ID, " NI-100001 ");
        row.put(StandardField.LEISTUNGSSCHLUESSEL, "99 010 001 001 005");
        row.put(StandardField.BEZEICHNUNG, "Aufenthaltserlaubnis  Erteilung fu\u0308r ehemalige Deutsche ");
        row.put(StandardField.KURZTEXT, "Hier erhalten Sie\nInformationen.\t");
        row.put(StandardField.TYPISIERUNG, "1, 2/3");
        row.put(StandardField.OZG_ID, " 10255 ");
        row.put(StandardField.REIFEGRAD, "stufe  3");
        row.put(StandardField.ONLINEDIENST_URL, " https://service.niedersachsen.de/detail?leistung=a ");
        row.put(StandardField.ZUSTAENDIGE_STELLE, "Stadt Salzgitter,\u00A0Ausländerbehörde");
        row.put(StandardField.GEBIET_ID, "031020000000");
        row.put(StandardField.GUELTIG_AB, "01.05.2021");
        row.put(StandardField.GUELTIG_BIS, "31.12.2032");
        row.put(StandardField.GEAENDERT_AM, "29.02.2024");
        return row;
    }

    private static SourceRecord record(Map<StandardField, String> row) {
        String[] values = new String[StandardField.COUNT];
        row.forEach((field, value) -> values[field.ordinal()] = value);
        return SourceRecord.of(values, PROVENANCE, "raw line of the record");
    }

    private NormalisationResult normaliseWith(StandardField field, String value) {
        Map<StandardField, String> row = validRow();
        row.put(field, value);
        return normaliser.normalise(record(row));
    }

    private Reject rejectWith(StandardField field, String value) {
        NormalisationResult result = normaliseWith(field, value);
        assertThat(result).isInstanceOf(Reject.class);
        Reject reject = (Reject) result;
        assertThat(reject.land()).isEqualTo(Land.NI);
        assertThat(reject.provenance()).isEqualTo(PROVENANCE);
        assertThat(reject.rawText()).isEqualTo("raw line of the record");
        return reject;
    }

    @Test
    void validRecordBecomesOfferingWithEveryFieldNormalised() {
        NormalisationResult result = normaliser.normalise(record(validRow()));

        assertThat(result).isInstanceOf(Offering.class);
        Offering o = (Offering) result;
        assertThat(o.leistungsschluessel()).isEqualTo("99010001001005");
        assertThat(o.land()).isEqualTo(Land.NI);
        assertThat(o.gebietId()).isEqualTo("031020000000");
        assertThat(o.sourceId()).isEqualTo("NI-100001");
        assertThat(o.bezeichnung()).isEqualTo("Aufenthaltserlaubnis Erteilung für ehemalige Deutsche");
        assertThat(o.kurztext()).isEqualTo("Hier erhalten Sie Informationen.");
        assertThat(o.typisierung()).isEqualTo("1,2/3");
        assertThat(o.ozgId()).isEqualTo("10255");
        assertThat(o.reifegrad()).isEqualTo(3);
        assertThat(o.reifegradModell()).isEqualTo("1.1");
        assertThat(o.onlinedienstUrl()).isEqualTo("https://service.niedersachsen.de/detail?leistung=a");
        assertThat(o.zustaendigeStelle()).isEqualTo("Stadt Salzgitter, Ausländerbehörde");
        assertThat(o.gueltigAb()).isEqualTo(LocalDate.of(2021, 5, 1));
        assertThat(o.gueltigBis()).isEqualTo(LocalDate.of(2032, 12, 31));
        assertThat(o.geaendertAm()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(o.provenance()).isEqualTo(PROVENANCE);
        assertThat(o.identity()).isEqualTo("99010001001005");
    }

    @Test
    void stateLocalServiceNotInLeikaIsOfferingWithNullKey() {
        NormalisationResult result = normaliseWith(StandardField.LEISTUNGSSCHLUESSEL, "Nicht im LeiKa");

        assertThat(result).isInstanceOf(Offering.class);
        Offering o = (Offering) result;
        assertThat(o.leistungsschluessel()).isNull();
        assertThat(o.sourceId()).isEqualTo("NI-100001");
        assertThat(o.identity()).isEqualTo("lokal:NI-100001");
    }

    @Test
    void blankAreaBecomesTheStatesArs() {
        NormalisationResult result = normaliseWith(StandardField.GEBIET_ID, "  ");

        assertThat(result).isInstanceOf(Offering.class);
        assertThat(((Offering) result).gebietId()).isEqualTo("030000000000");
    }

    @Test
    void emptyOptionalFieldsBecomeNull() {
        Map<StandardField, String> row = validRow();
        for (StandardField f : new StandardField[] {StandardField.KURZTEXT, StandardField.TYPISIERUNG, StandardField.OZG_ID,
                StandardField.REIFEGRAD, StandardField.ONLINEDIENST_URL, StandardField.ZUSTAENDIGE_STELLE,
                StandardField.GUELTIG_AB, StandardField.GUELTIG_BIS, StandardField.GEAENDERT_AM}) {
            row.put(f, "");
        }
        row.remove(StandardField.KURZTEXT); // a field the source does not map is null

        Offering o = (Offering) normaliser.normalise(record(row));

        assertThat(o.kurztext()).isNull();
        assertThat(o.typisierung()).isNull();
        assertThat(o.ozgId()).isNull();
        assertThat(o.reifegrad()).isNull();
        assertThat(o.reifegradModell()).as("no model without a level").isNull();
        assertThat(o.onlinedienstUrl()).isNull();
        assertThat(o.zustaendigeStelle()).isNull();
        assertThat(o.gueltigAb()).isNull();
        assertThat(o.gueltigBis()).isNull();
        assertThat(o.geaendertAm()).isNull();
    }

    @Test
    void malformedKeyIsKeyReject() {
        Reject r = rejectWith(StandardField.LEISTUNGSSCHLUESSEL, "99 135 0O3 001 000");
        assertThat(r.reason()).isEqualTo(RejectReason.KEY);
        assertThat(r.message()).contains("99 135 0O3 001 000");
    }

    @Test
    void areaOfAnotherStateIsAreaReject() {
        Reject r = rejectWith(StandardField.GEBIET_ID, "160510000000");
        assertThat(r.reason()).isEqualTo(RejectReason.AREA);
        assertThat(r.message()).contains("160510000000");
    }

    @Test
    void impossibleDateIsDateReject() {
        Reject r = rejectWith(StandardField.GUELTIG_AB, "31.02.2024");
        assertThat(r.reason()).isEqualTo(RejectReason.DATE);
        assertThat(r.message()).contains("gueltigAb").contains("31.02.2024");
    }

    @Test
    void dateInAnotherPatternIsDateReject() {
        Reject r = rejectWith(StandardField.GEAENDERT_AM, "01/02/2024");
        assertThat(r.reason()).isEqualTo(RejectReason.DATE);
        assertThat(r.message()).contains("geaendertAm").contains("01/02/2024");
    }

    @Test
    void endBeforeStartIsDateReject() {
        Reject r = rejectWith(StandardField.GUELTIG_BIS, "30.04.2021");
        assertThat(r.reason()).isEqualTo(RejectReason.DATE);
        assertThat(r.message()).contains("2021-04-30").contains("2021-05-01");
    }

    @Test
    void unknownMaturityIsMaturityReject() {
        Reject r = rejectWith(StandardField.REIFEGRAD, "Stufe 7");
        assertThat(r.reason()).isEqualTo(RejectReason.MATURITY);
        assertThat(r.message()).contains("Stufe 7");
    }

    @Test
    void javascriptLinkIsUrlReject() {
        Reject r = rejectWith(StandardField.ONLINEDIENST_URL, "javascript:alert(1)");
        assertThat(r.reason()).isEqualTo(RejectReason.URL);
        assertThat(r.message()).contains("javascript:alert(1)");
    }

    @Test
    void malformedOzgIdIsOzgIdReject() {
        Reject r = rejectWith(StandardField.OZG_ID, "1025");
        assertThat(r.reason()).isEqualTo(RejectReason.OZG_ID);
        assertThat(r.message()).contains("1025");
    }

    @Test
    void nulInTextIsTextReject() {
        Reject r = rejectWith(StandardField.KURZTEXT, "Hier\u0000erhalten");
        assertThat(r.reason()).isEqualTo(RejectReason.TEXT);
        assertThat(r.message()).contains("NUL");
    }

    @Test
    void serviceWithoutKeyAndWithoutIdIsEmptyReject() {
        Map<StandardField, String> row = validRow();
        row.put(StandardField.LEISTUNGSSCHLUESSEL, "nicht im LeiKa");
        row.put(StandardField.SOURCE_ID, " ");

        Reject r = (Reject) normaliser.normalise(record(row));

        assertThat(r.reason()).isEqualTo(RejectReason.EMPTY);
        assertThat(r.message()).contains("neither a LeiKa key nor an id");
    }

    @Test
    void stateLocalServiceWithoutNameIsEmptyRejectNamingItsId() {
        Map<StandardField, String> row = validRow();
        row.put(StandardField.LEISTUNGSSCHLUESSEL, "");
        row.put(StandardField.BEZEICHNUNG, "");

        Reject r = (Reject) normaliser.normalise(record(row));

        assertThat(r.reason()).isEqualTo(RejectReason.EMPTY);
        assertThat(r.message()).contains("NI-100001");
    }

    @Test
    void serviceWithKeyMayLackAName() {
        NormalisationResult result = normaliseWith(StandardField.BEZEICHNUNG, "");
        assertThat(result).isInstanceOf(Offering.class);
        assertThat(((Offering) result).bezeichnung()).isNull();
    }

    @Test
    void recordTheReaderFoundBrokenStaysRejectWithItsReasonAndMessage() {
        SourceRecord broken = SourceRecord.broken(PROVENANCE, "a;b;c", RejectReason.COLUMNS,
                "record has 14 fields, the header has 13");

        Reject r = (Reject) normaliser.normalise(broken);

        assertThat(r.reason()).isEqualTo(RejectReason.COLUMNS);
        assertThat(r.message()).isEqualTo("record has 14 fields, the header has 13");
        assertThat(r.rawText()).isEqualTo("a;b;c");
        assertThat(r.provenance()).isEqualTo(PROVENANCE);
        assertThat(r.land()).isEqualTo(Land.NI);
    }

    @Test
    void firstFailingRuleDecidesTheReason() {
        Map<StandardField, String> row = validRow();
        row.put(StandardField.LEISTUNGSSCHLUESSEL, "99 003 051");
        row.put(StandardField.ONLINEDIENST_URL, "ftp://x.de/a");

        Reject r = (Reject) normaliser.normalise(record(row));

        assertThat(r.reason()).isEqualTo(RejectReason.KEY);
    }

    @Test
    void modelTwoSourceCarriesItsModelWithTheLevel() {
        SourceProperties v2 = new SourceProperties("TH", SourceFormat.CSV, Path.of("x.csv"), StandardCharsets.UTF_8, ",",
                "\"", "yyyy-MM-dd", "2.0", Map.of(), Map.of());
        Map<StandardField, String> row = validRow();
        row.put(StandardField.REIFEGRAD, "7");
        row.put(StandardField.GEBIET_ID, "");
        row.put(StandardField.GUELTIG_AB, "2024-02-29");
        row.put(StandardField.GUELTIG_BIS, "");
        row.put(StandardField.GEAENDERT_AM, "");

        Offering o = (Offering) new Normaliser(v2).normalise(record(row));

        assertThat(o.reifegrad()).isEqualTo(7);
        assertThat(o.reifegradModell()).isEqualTo("2.0");
        assertThat(o.gebietId()).isEqualTo("160000000000");
        assertThat(o.gueltigAb()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    /** What an XZuFi Zuständigkeit takes from its Leistung. */
    private static final java.util.Set<StandardField> LEISTUNG_FIELDS = java.util.EnumSet.complementOf(
            java.util.EnumSet.of(StandardField.GEBIET_ID, StandardField.ZUSTAENDIGE_STELLE, StandardField.ONLINEDIENST_URL));

    private static SourceRecord sharing(SharedValues shared, Map<StandardField, String> row) {
        String[] values = new String[StandardField.COUNT];
        row.forEach((field, value) -> values[field.ordinal()] = value);
        return SourceRecord.of(values, shared, PROVENANCE, () -> "raw line of the record");
    }

    private static SharedValues sharedOf(Map<StandardField, String> row) {
        String[] values = new String[StandardField.COUNT];
        row.forEach((field, value) -> values[field.ordinal()] = value);
        return new SharedValues(LEISTUNG_FIELDS, values);
    }

    @Test
    void recordsThatShareValuesGetWhatEachWouldGetAlone() {
        // a valid leistung, and leistungen with a fault of their own; per record valid or faulty areas, links, names
        java.util.List<Map<StandardField, String>> leistungen = new java.util.ArrayList<>();
        leistungen.add(validRow());
        for (Object[] fault : new Object[][] {{StandardField.LEISTUNGSSCHLUESSEL, "99 003 051"},
                {StandardField.GUELTIG_BIS, "31.02.2030"}, {StandardField.REIFEGRAD, "bald"},
                {StandardField.BEZEICHNUNG, "Antrag\u0000"}, {StandardField.GUELTIG_BIS, "01.01.2020"}}) {
            Map<StandardField, String> row = validRow();
            row.put((StandardField) fault[0], (String) fault[1]);
            leistungen.add(row);
        }
        String[][] own = {{"031020000000", " https://a.de/x ", "Stadt  Salzgitter"}, {"", "javascript:x()", "Amt"},
                {"0310200", "https://a.de/y", "Kreis"}, {"091620000000", "https://a.de/z", " "}};
        int offerings = 0;
        int rejects = 0;
        for (Map<StandardField, String> leistung : leistungen) {
            SharedValues shared = sharedOf(leistung);
            for (int pass = 0; pass < 2; pass++) { // the second pass finds the outcomes kept by the first
                for (String[] o : own) {
                    Map<StandardField, String> row = new EnumMap<>(leistung);
                    row.put(StandardField.GEBIET_ID, o[0]);
                    row.put(StandardField.ONLINEDIENST_URL, o[1]);
                    row.put(StandardField.ZUSTAENDIGE_STELLE, o[2]);

                    NormalisationResult alone = new Normaliser(NI).normalise(record(row));
                    NormalisationResult shares = normaliser.normalise(sharing(shared, row));

                    assertThat(shares).isEqualTo(alone);
                    if (alone instanceof Offering) {
                        offerings++;
                    } else {
                        rejects++;
                    }
                }
            }
        }
        assertThat(offerings).isPositive();
        assertThat(rejects).isPositive();
    }

    @Test
    void aSharedValueIsNormalisedOnceForAllItsRecords() {
        Map<StandardField, String> row = validRow(); // its bezeichnung needs cleaning: each cleaning makes a new text
        SharedValues shared = sharedOf(row);

        Offering first = (Offering) normaliser.normalise(sharing(shared, row));
        Offering second = (Offering) normaliser.normalise(sharing(shared, row));

        assertThat(second.bezeichnung()).isSameAs(first.bezeichnung());
        assertThat(((Offering) normaliser.normalise(record(row))).bezeichnung()).isNotSameAs(first.bezeichnung());
    }

    @Test
    void anotherStatesRulesDoNotTakeOverTheOutcomesKept() {
        Map<StandardField, String> row = validRow();
        row.put(StandardField.GUELTIG_AB, "2021-05-01");
        row.put(StandardField.GUELTIG_BIS, "");
        row.put(StandardField.GEAENDERT_AM, "");
        SharedValues shared = sharedOf(row);
        SourceProperties isoDates = new SourceProperties("NI", SourceFormat.XZUFI, Path.of("x.xml"),
                StandardCharsets.UTF_8, ";", "\"", "yyyy-MM-dd", "1.1", Map.of(), NI.values());

        NormalisationResult niDates = normaliser.normalise(sharing(shared, row));
        NormalisationResult iso = new Normaliser(isoDates).normalise(sharing(shared, row));

        assertThat(niDates).isInstanceOf(Reject.class);
        assertThat(((Reject) niDates).reason()).isEqualTo(RejectReason.DATE);
        assertThat(((Offering) iso).gueltigAb()).isEqualTo(LocalDate.of(2021, 5, 1));
    }
}
