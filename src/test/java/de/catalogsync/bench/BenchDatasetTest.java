package de.catalogsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.normalise.NormalisationResult;
import de.catalogsync.normalise.Normaliser;
import de.catalogsync.normalise.Reject;
import de.catalogsync.normalise.RejectReason;
import de.catalogsync.reference.LeikaReference;
import de.catalogsync.sources.RecordSource;
import de.catalogsync.sources.RecordSources;
import de.catalogsync.sources.SourceRecord;
import de.catalogsync.config.SourceProperties;
import de.catalogsync.config.SourceFormat;

/** The benchmark's dataset: deterministic, in the promised shapes, and dirty in about 1 % of its rows. */
class BenchDatasetTest {

    private static final List<LeikaReference.Entry> REFERENCE = new LeikaReference().load();

    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() throws Exception {
        BenchDataset.Dataset a = new BenchDataset(dir.resolve("a"), 3, 2000, 7, null, REFERENCE).generate(2);
        BenchDataset.Dataset b = new BenchDataset(dir.resolve("b"), 3, 2000, 7, null, REFERENCE).generate(1);
        BenchDataset.Dataset c = new BenchDataset(dir.resolve("c"), 3, 2000, 8, null, REFERENCE).generate(1);
        for (int i = 0; i < 3; i++) {
            assertThat(Files.readAllBytes(a.files().get(i).file())).isEqualTo(Files.readAllBytes(b.files().get(i).file()));
            assertThat(Files.readAllBytes(a.files().get(i).file())).isNotEqualTo(Files.readAllBytes(c.files().get(i).file()));
        }
    }

    @Test
    void csvAndXzufiTakeTurnsInTheirEncodingsWithQuotedMultiLineTexts() throws Exception {
        BenchDataset.Dataset d = new BenchDataset(dir, 3, 1000, 7, 2, REFERENCE).generate(2);
        assertThat(d.files()).extracting(BenchDataset.StateFile::shape).containsExactly(BenchDataset.Shape.CSV_1252,
                BenchDataset.Shape.CSV_UTF8_BOM, BenchDataset.Shape.XZUFI);
        byte[] utf8 = Files.readAllBytes(d.files().get(1).file());
        assertThat(utf8[0] & 0xFF).isEqualTo(0xEF); // BOM
        String cp1252 = Files.readString(d.files().get(0).file(), Charset.forName("windows-1252"));
        assertThat(cp1252).contains("\r\n").contains("\"\"Fristen\"\"").contains("„").contains("C:\\Formulare\\");
        assertThat(Files.readString(d.files().get(2).file(), StandardCharsets.UTF_8))
                .contains("xmlns:xzufi=\"http://xoev.de/schemata/xzufi/2_2_0\"").contains("&amp;");
        assertThat(Files.readString(d.configDir().resolve("application.yml"))).contains("import-threads: 2");
    }

    @Test
    void everyStateHasNRowsAboutOnePercentRejectedAndOneDuplicatePair() throws Exception {
        BenchDataset.Dataset d = new BenchDataset(dir, 3, 4000, 7, null, REFERENCE).generate(2);
        for (BenchDataset.StateFile f : d.files()) {
            SourceProperties source = sourceOf(d, f);
            Normaliser normaliser = new Normaliser(source);
            Map<RejectReason, Integer> rejects = new EnumMap<>(RejectReason.class);
            java.util.Set<String> pairs = new java.util.HashSet<>();
            int rows = 0;
            int duplicates = 0;
            try (RecordSource records = RecordSources.open(source)) {
                SourceRecord r;
                while ((r = records.next()) != null) {
                    rows++;
                    NormalisationResult n = normaliser.normalise(r);
                    if (n instanceof Reject reject) {
                        rejects.merge(reject.reason(), 1, Integer::sum);
                    } else if (!pairs.add(((de.catalogsync.normalise.Offering) n).identity() + "/"
                            + ((de.catalogsync.normalise.Offering) n).gebietId())) {
                        duplicates++;
                    }
                }
            }
            int rejected = rejects.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(rows).as(f.land() + " rows").isEqualTo(4000);
            assertThat(rejected).as(f.land() + " rejects " + rejects).isBetween(10, 100);
            assertThat(duplicates).as(f.land() + " duplicates").isEqualTo(1);
            assertThat(rejects).containsKey(RejectReason.KEY);
        }
    }

    /** The source as the generated configuration describes it. */
    private static SourceProperties sourceOf(BenchDataset.Dataset d, BenchDataset.StateFile f) {
        if (f.shape() == BenchDataset.Shape.XZUFI) {
            return XzufiReaderTiming.source(f);
        }
        boolean windows = f.shape() == BenchDataset.Shape.CSV_1252;
        String[] header = windows ? new String[] {"Leistungs-ID", "Leistungsschlüssel", "Leistungsbezeichnung",
                "Kurzbeschreibung", "Leistungstyp", "OZG-ID", "Reifegrad", "Onlinedienst", "Zuständige Stelle",
                "Regionalschlüssel", "Gültig ab", "Gültig bis", "Letzte Änderung"}
                : new String[] {"id", "leika", "titel", "beschreibung", "typ", "ozg_id", "reifegrad", "online_url",
                        "behoerde", "ars", "gueltig_von", "gueltig_bis", "stand"};
        String[] fields = {"sourceId", "leistungsschluessel", "bezeichnung", "kurztext", "typisierung", "ozgId",
                "reifegrad", "onlinedienstUrl", "zustaendigeStelle", "gebietId", "gueltigAb", "gueltigBis", "geaendertAm"};
        Map<String, String> columns = new java.util.HashMap<>();
        for (int i = 0; i < fields.length; i++) {
            columns.put(fields[i], header[i]);
        }
        Map<String, String> maturity = new java.util.HashMap<>();
        for (int l = 0; l <= 4; l++) {
            maturity.put(windows ? "[Stufe " + l + "]" : "[RG" + l + "]", Integer.toString(l));
            maturity.put("[Reifegrad " + l + "]", Integer.toString(l));
        }
        maturity.put("[online]", "3");
        return new SourceProperties(f.land().name(), SourceFormat.CSV, f.file(), f.encoding(),
                String.valueOf(f.separator()), "\"", windows ? "dd.MM.yyyy" : "yyyy-MM-dd", "1.1", columns,
                Map.of("reifegrad", maturity));
    }
}
