package de.catalogsync.reference;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;

/**
 * The LeiKa reference catalogue shipped with the application (derived from kdn-nrw/OZG-Datenbank-NRW, MIT
 * licence; see reference/LICENSE-kdn-nrw-MIT.txt). Rows without a valid 14-digit key ("nicht im LeiKa") are
 * not reference entries and are left out.
 */
@Component
public class LeikaReference {

    static final String RESOURCE = "reference/leika-leistungen.csv";

    public record Entry(String leistungsschluessel, String bezeichnung, String leistungstyp, String ozgId,
                        String ozgLeistung, String themenfeld, String lebenslage) {
    }

    public List<Entry> load() {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (Reader in = new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8);
             CSVReader csv = new CSVReaderBuilder(in).withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            String[] header = csv.readNext();
            if (header == null) {
                throw new IllegalStateException(RESOURCE + " is empty");
            }
            String[] row;
            while ((row = csv.readNext()) != null) {
                String key = row[0].strip();
                if (key.length() == 14 && key.chars().allMatch(Character::isDigit)) {
                    entries.putIfAbsent(key, new Entry(key, blankToNull(row[1]), blankToNull(row[2]), blankToNull(row[3]),
                            blankToNull(row[4]), blankToNull(row[6]), blankToNull(row[5])));
                }
            }
        } catch (IOException | CsvValidationException e) {
            throw new IllegalStateException("cannot read the shipped LeiKa reference " + RESOURCE, e);
        }
        return new ArrayList<>(entries.values());
    }

    /** Replaces the reference table with the shipped catalogue, so that the merge can join it in SQL. */
    public int refresh(JdbcTemplate jdbc) {
        List<Entry> entries = load();
        jdbc.update("delete from leika_reference");
        jdbc.batchUpdate("""
                insert into leika_reference (leistungsschluessel, bezeichnung, leistungstyp, ozg_id, ozg_leistung,
                    themenfeld, lebenslage) values (?, ?, ?, ?, ?, ?, ?)""", entries, 1000, (ps, e) -> {
            ps.setString(1, e.leistungsschluessel());
            ps.setString(2, e.bezeichnung());
            ps.setString(3, e.leistungstyp());
            ps.setString(4, e.ozgId());
            ps.setString(5, e.ozgLeistung());
            ps.setString(6, e.themenfeld());
            ps.setString(7, e.lebenslage());
        });
        return entries.size();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
