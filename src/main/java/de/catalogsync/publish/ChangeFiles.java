package de.catalogsync.publish;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import de.catalogsync.importing.ImportedBlocks;
import de.catalogsync.importing.OfferingCodec;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prepares {@code changes/<publication>.json}: per state, what this publication added, changed and removed. The
 * removed offerings are tombstones carrying key, area and last known name, so that consumers who only read
 * changes learn of deletions. The content depends only on the database and the run, so a restarted publish
 * writes the same bytes.
 */
@Component
public class ChangeFiles {

    // without indentation, like the XML: at 16 million offerings it made the file a third larger and cost the
    // writer a third of its time
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    private static final String CHANGES_OF_KIND = """
            select leistungsschluessel, source_id, gebiet_id, bezeichnung from change
            where job_instance_id = ? and state = ? and kind = ?
            order by job_instance_id, state, identity, gebiet_id""";

    public ChangeFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The runs started before {@code run} that decided but whose change file no publish has written: they failed
     * after their merge, and {@code run} went past them. In the order they were made.
     */
    public List<Long> unwritten(long run) {
        return jdbc.queryForList("""
                select distinct r.job_instance_id from import_result r
                where r.job_instance_id < ?
                  and not exists (select 1 from change_file f where f.job_instance_id = r.job_instance_id)
                order by 1""", Long.class, run);
    }

    /** Notes that the change file of {@code publication} is in place, written by run {@code by}'s publish. */
    public void written(long publication, long by) {
        note(publication, by, null);
    }

    /** Notes that run {@code by}'s publish could not write the change file of {@code publication}, and why. */
    public void lost(long publication, long by, String reason) {
        note(publication, by, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
    }

    private void note(long publication, long by, String lostReason) {
        jdbc.update("delete from change_file where job_instance_id = ?", publication);
        jdbc.update("insert into change_file (job_instance_id, written_by, lost_reason) values (?, ?, ?)", publication,
                by, lostReason);
    }

    /** A first import's rows are no longer all in the database: its change file cannot list them. */
    public static final class RowsGoneException extends IllegalStateException {

        RowsGoneException(String message) {
            super(message);
        }
    }

    /** Zero-padded so that the files of successive publications sort by name in the order they were made. */
    public static String fileName(long publication) {
        return String.format(Locale.ROOT, "%010d.json", publication);
    }

    /**
     * Writes the change file under its temporary name and forces nothing yet: the caller commits it, which makes it
     * visible, or closes it, which throws it away. Lets the publish write it beside the catalogue files and still
     * show it only after them.
     */
    public AtomicFile prepare(Path outputDir, long publication, Instant generatedAt) throws Exception {
        Path target = outputDir.resolve("changes").resolve(fileName(publication));
        record StateResult(String state, boolean accepted, String reason, boolean allAdded, long imported) {
        }
        List<StateResult> states = new ArrayList<>(jdbc.query("""
                select state, status, reason, all_added, imported_count from import_result where job_instance_id = ?
                order by state""",
                (rs, i) -> new StateResult(rs.getString(1), "ACCEPTED".equals(rs.getString(2)), rs.getString(3),
                        rs.getBoolean(4), rs.getLong(5)),
                publication));
        AtomicFile file = new AtomicFile(target);
        try {
            // not closed: that would close the file's stream before commit() forces it to disk
            JsonGenerator json = MAPPER.createGenerator(file.stream(), JsonEncoding.UTF8);
            json.writeStartObject();
            json.writeNumberProperty("version", 1);
            json.writeNumberProperty("publikation", publication);
            json.writeStringProperty("erzeugtAm", DateTimeFormatter.ISO_INSTANT.format(generatedAt));
            json.writeArrayPropertyStart("laender");
            for (StateResult state : states) {
                json.writeStartObject();
                json.writeStringProperty("land", state.state());
                json.writeStringProperty("status", state.accepted() ? "aktuell" : "veraltet");
                if (state.reason() != null) {
                    json.writeStringProperty("grund", state.reason());
                }
                for (String[] kind : new String[][] {{"ADDED", "hinzugefuegt"}, {"CHANGED", "geaendert"},
                        {"REMOVED", "entfernt"}}) {
                    json.writeArrayPropertyStart(kind[1]);
                    // a first import's rows are all new: listed from the import, in the order the change table
                    // would give them
                    if (state.allAdded() && kind[0].equals("ADDED")) {
                        ImportedBlocks.Cursor rows = ImportedBlocks.cursor(jdbc, publication, state.state());
                        long listed = 0;
                        while (rows.nextRow()) {
                            OfferingCodec.Head o = rows.head();
                            entry(json, o.leistungsschluessel(), o.sourceId(), o.gebietId(), o.bezeichnung());
                            listed++;
                        }
                        if (listed != state.imported()) {
                            // a file that lists fewer would tell consumers of fewer offerings than were published
                            throw new RowsGoneException("the change file of publication " + publication + " lists "
                                    + state.state() + "'s first import from its stored rows, but " + listed + " of its "
                                    + state.imported() + " rows are left in the database");
                        }
                    } else {
                        RowCallbackHandler entry = rs -> entry(json, rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4));
                        LazyResults.streaming(jdbc, con -> {
                            jdbc.query(CHANGES_OF_KIND, entry, publication, state.state(), kind[0]);
                            return null;
                        });
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            file.stream().write('\n');
            return file;
        } catch (Exception | Error e) {
            file.close();
            throw e;
        }
    }

    private static void entry(JsonGenerator json, String leistungsschluessel, String sourceId, String gebietId,
                              String bezeichnung) {
        json.writeStartObject();
        string(json, "leistungsschluessel", leistungsschluessel);
        string(json, "sourceId", sourceId);
        json.writeStringProperty("gebietId", gebietId);
        string(json, "bezeichnung", bezeichnung);
        json.writeEndObject();
    }

    private static void string(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.writeStringProperty(name, value);
        }
    }
}
