package de.catalogsync.sources;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import de.catalogsync.config.SourceFormat;
import de.catalogsync.config.SourceProperties;

/**
 * The sample sources as config/application.yml configures them, built without Spring (maturity words as Spring
 * binds the bracketed keys), and the generator's facts about the samples. Paths are relative to the module root,
 * the working directory of the tests.
 */
public final class SampleSources {

    public static final Path NI_FILE = Path.of("sample-data/ni/leistungen.csv");
    public static final Path TH_FILE = Path.of("sample-data/th/leistungskatalog.csv");
    public static final Path BY_FILE = Path.of("sample-data/by/xzufi-leistungen.xml");

    private SampleSources() {
    }

    public static Map<String, String> niColumns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("sourceId", "Leistungs-ID");
        c.put("leistungsschluessel", "Leistungsschlüssel");
        c.put("bezeichnung", "Leistungsbezeichnung");
        c.put("kurztext", "Kurzbeschreibung");
        c.put("typisierung", "Leistungstyp");
        c.put("ozgId", "OZG-ID");
        c.put("reifegrad", "Reifegrad");
        c.put("onlinedienstUrl", "Onlinedienst");
        c.put("zustaendigeStelle", "Zuständige Stelle");
        c.put("gebietId", "Regionalschlüssel");
        c.put("gueltigAb", "Gültig ab");
        c.put("gueltigBis", "Gültig bis");
        c.put("geaendertAm", "Letzte Änderung");
        return c;
    }

    public static Map<String, String> thColumns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("sourceId", "id");
        c.put("leistungsschluessel", "leika");
        c.put("bezeichnung", "titel");
        c.put("kurztext", "beschreibung");
        c.put("typisierung", "typ");
        c.put("ozgId", "ozg_id");
        c.put("reifegrad", "reifegrad");
        c.put("onlinedienstUrl", "online_url");
        c.put("zustaendigeStelle", "behoerde");
        c.put("gebietId", "ars");
        c.put("gueltigAb", "gueltig_von");
        c.put("gueltigBis", "gueltig_bis");
        c.put("geaendertAm", "stand");
        return c;
    }

    public static SourceProperties ni() {
        return new SourceProperties("NI", SourceFormat.CSV, NI_FILE, Charset.forName("windows-1252"), ";", "\"",
                "dd.MM.yyyy", "1.1", niColumns(),
                Map.of("reifegrad", Map.of("Stufe 0", "0", "Stufe 1", "1", "Stufe 2", "2", "Stufe 3", "3", "Stufe 4", "4",
                        "offline", "0", "online", "3")));
    }

    public static SourceProperties th() {
        return new SourceProperties("TH", SourceFormat.CSV, TH_FILE, StandardCharsets.UTF_8, ",", "\"",
                "yyyy-MM-dd", "1.1", thColumns(),
                Map.of("reifegrad", Map.ofEntries(Map.entry("RG0", "0"), Map.entry("RG1", "1"), Map.entry("RG2", "2"),
                        Map.entry("RG3", "3"), Map.entry("RG4", "4"), Map.entry("Reifegrad 0", "0"),
                        Map.entry("Reifegrad 1", "1"), Map.entry("Reifegrad 2", "2"), Map.entry("Reifegrad 3", "3"),
                        Map.entry("Reifegrad 4", "4"), Map.entry("nur Information", "1"))));
    }

    public static SourceProperties by() {
        return new SourceProperties("BY", SourceFormat.XZUFI, BY_FILE, StandardCharsets.UTF_8, ";", "\"",
                "yyyy-MM-dd", "1.1", Map.of(),
                Map.of("reifegrad", Map.of("Stufe 0", "0", "Stufe 1", "1", "Stufe 2", "2", "Stufe 3", "3", "Stufe 4", "4",
                        "vollständig online", "4")));
    }

    /** A copy of {@code source} reading another file (inline test files). */
    public static SourceProperties withLocation(SourceProperties source, Path file) {
        return new SourceProperties(source.state(), source.format(), file, source.encoding(), source.separator(),
                source.quote(), source.dateFormat(), source.reifegradModell(), source.columns(), source.values());
    }

    public static Properties expectedCounts() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("sample-data/expected-counts.properties"))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public static long expectedRead(String state) {
        return Long.parseLong(expectedCounts().getProperty(state + ".read"));
    }

    /** A row of planted-defects.csv. */
    public record PlantedDefect(String state, long line, String category, String description) {
    }

    public static List<PlantedDefect> plantedDefects(String state, String category) {
        List<PlantedDefect> result = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(Path.of("sample-data/planted-defects.csv"), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                // state,line,category,description: the description is the only field that may be quoted
                String[] parts = line.split(",", 4);
                if (parts[0].equals(state) && parts[2].equals(category)) {
                    result.add(new PlantedDefect(parts[0], Long.parseLong(parts[1]), parts[2], parts[3]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** Reads a source to its end. */
    public static List<SourceRecord> readAll(RecordSource source) {
        List<SourceRecord> records = new ArrayList<>();
        for (SourceRecord r = source.next(); r != null; r = source.next()) {
            records.add(r);
        }
        return records;
    }
}
