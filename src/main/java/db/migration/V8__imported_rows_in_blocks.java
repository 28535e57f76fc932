package db.migration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import de.catalogsync.importing.ImportedBlocks;
import de.catalogsync.normalise.Land;
import de.catalogsync.normalise.Offering;
import de.catalogsync.normalise.Provenance;

/**
 * An import's offerings move from one table row each into blocks ({@link ImportedBlocks}). The rows of every import
 * still in the database are sorted into the blocks' key order through sorted runs in a temporary folder, so that the
 * order does not depend on the database's collation; each key's smallest name and OZG-ID are noted on the way.
 * The view {@code offering} goes with the table it showed.
 */
public class V8__imported_rows_in_blocks extends BaseJavaMigration {

    private static final int RUN_ROWS = 5000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                .contains("postgres");
        try (Statement s = c.createStatement()) {
            s.execute("""
                    create table imported_block (
                        job_instance_id bigint     not null,
                        state           varchar(2) not null,
                        block_no        bigint     not null,
                        row_count       int        not null,
                        data            %s         not null,
                        primary key (job_instance_id, state, block_no)
                    )""".formatted(postgres ? "bytea" : "varbinary"));
            if (postgres) {
                // the blocks are written once and read whole: compressing them in the server costs more than it saves
                s.execute("alter table imported_block alter column data set storage external");
            }
            s.execute("""
                    create table import_key_name (
                        job_instance_id     bigint        not null,
                        state               varchar(2)    not null,
                        leistungsschluessel varchar(14)   not null,
                        bezeichnung         varchar(4000),
                        ozg_id              varchar(5),
                        primary key (job_instance_id, state, leistungsschluessel)
                    )""");
        }
        List<Object[]> imports = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select distinct job_instance_id, state from imported_offering order by job_instance_id, state""")) {
            while (rs.next()) {
                imports.add(new Object[] {rs.getLong(1), rs.getString(2)});
            }
        }
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true)); // Flyway's, left open
        jdbc.setFetchSize(1000);
        Path spill = Files.createTempDirectory("catalog-sync-v8-");
        try {
            for (Object[] i : imports) {
                List<ImportedBlocks.KeyName> names = ImportedBlocks.migrate(jdbc, spill, (Long) i[0],
                        Land.valueOf((String) i[1]), consumer -> readRows(jdbc, (Long) i[0], (String) i[1], consumer),
                        RUN_ROWS);
                jdbc.batchUpdate("""
                        insert into import_key_name (job_instance_id, state, leistungsschluessel, bezeichnung, ozg_id)
                        values (?, ?, ?, ?, ?)""", names, 5000, (ps, n) -> {
                    ps.setLong(1, (Long) i[0]);
                    ps.setString(2, (String) i[1]);
                    ps.setString(3, n.leistungsschluessel());
                    ps.setString(4, n.bezeichnung());
                    ps.setString(5, n.ozgId());
                });
            }
        } finally {
            try (var files = Files.walk(spill)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("drop view offering");
            s.execute("drop table imported_offering");
        }
    }

    private static void readRows(JdbcTemplate jdbc, long instance, String state, Consumer<Offering> consumer) {
        Land land = Land.valueOf(state);
        jdbc.query("""
                select leistungsschluessel, gebiet_id, source_id, bezeichnung, kurztext, typisierung, ozg_id, reifegrad,
                    reifegrad_modell, onlinedienst_url, zustaendige_stelle, gueltig_ab, gueltig_bis, geaendert_am,
                    source_file, source_line, seq, source_element
                from imported_offering where job_instance_id = ? and state = ?""", rs -> {
            int reifegrad = rs.getInt(8);
            Integer level = rs.wasNull() ? null : reifegrad;
            consumer.accept(new Offering(rs.getString(1), land, rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), level, rs.getString(9), rs.getString(10),
                    rs.getString(11), date(rs.getDate(12)), date(rs.getDate(13)), date(rs.getDate(14)),
                    new Provenance(rs.getString(15), rs.getLong(16), rs.getLong(17), rs.getString(18))));
        }, instance, state);
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
