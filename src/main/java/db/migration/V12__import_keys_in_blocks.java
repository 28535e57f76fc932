package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import de.catalogsync.importing.ImportedKeys;
import de.catalogsync.importing.KeyTally;

/**
 * What each import counted per key moves from a table row per key (import_key) into blocks ({@link ImportedKeys}),
 * for every import still in the database; import_key goes.
 */
public class V12__import_keys_in_blocks extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        try (Statement s = c.createStatement()) {
            s.execute("""
                    create table import_key_block (
                        job_instance_id bigint     not null,
                        state           varchar(2) not null,
                        block_no        int        not null,
                        key_count       int        not null,
                        data            %s         not null,
                        primary key (job_instance_id, state, block_no)
                    )""".formatted(postgres ? "bytea" : "varbinary"));
            if (postgres) {
                s.execute("alter table import_key_block alter column data set storage external"); // compressed already
            }
        }
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true)); // Flyway's, left open
        Map<String, List<KeyTally.Key>> imports = new LinkedHashMap<>();
        jdbc.query("""
                select job_instance_id, state, leistungsschluessel, bezeichnung, ozg_id, anzahl_ohne_reifegrad,
                    anzahl_reifegrad_0, anzahl_reifegrad_1, anzahl_reifegrad_2, anzahl_reifegrad_3, anzahl_reifegrad_4,
                    anzahl_reifegrad_5, anzahl_reifegrad_6, anzahl_reifegrad_7
                from import_key order by job_instance_id, state""", rs -> {
            long[] anzahl = new long[KeyTally.MAX_LEVEL + 2];
            for (int i = 0; i < anzahl.length; i++) {
                anzahl[i] = rs.getLong(6 + i);
            }
            imports.computeIfAbsent(rs.getLong(1) + " " + rs.getString(2), k -> new ArrayList<>())
                    .add(new KeyTally.Key(rs.getString(3), rs.getString(4), rs.getString(5), anzahl));
        });
        for (Map.Entry<String, List<KeyTally.Key>> i : imports.entrySet()) {
            String[] id = i.getKey().split(" ");
            List<KeyTally.Key> keys = i.getValue();
            keys.sort(Comparator.comparing(KeyTally.Key::leistungsschluessel)); // the load's order, whatever the collation
            ImportedKeys.store(jdbc, Long.parseLong(id[0]), id[1], keys);
        }
        try (Statement s = c.createStatement()) {
            s.execute("drop table import_key");
        }
    }
}
