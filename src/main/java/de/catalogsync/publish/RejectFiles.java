package de.catalogsync.publish;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

/** Writes {@code rejects/<state>.csv}: every row of the state's latest export that was not imported, and why. */
@Component
public class RejectFiles {

    private static final String[] HEADER = {"land", "datei", "zeile", "grund", "meldung", "rohtext"};

    private final JdbcTemplate jdbc;

    public RejectFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void write(Path outputDir, long jobInstanceId, String state) throws Exception {
        try (AtomicFile file = new AtomicFile(outputDir.resolve("rejects").resolve(state + ".csv"))) {
            Writer writer = new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8);
            ICSVWriter csv = new CSVWriterBuilder(writer).withSeparator(',').withLineEnd("\n").build();
            csv.writeNext(HEADER, false);
            jdbc.query("""
                    select state, source_file, source_line, reason, message, raw_text from reject
                    where job_instance_id = ? and state = ? order by seq""", rs -> {
                csv.writeNext(new String[] {rs.getString(1), SpreadsheetSafe.cell(rs.getString(2)),
                        Long.toString(rs.getLong(3)), rs.getString(4), SpreadsheetSafe.cell(rs.getString(5)),
                        SpreadsheetSafe.cell(rs.getString(6))}, false);
            }, jobInstanceId, state);
            csv.flush();
            file.commit();
        }
    }
}
