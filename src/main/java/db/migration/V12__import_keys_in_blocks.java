package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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
            // H2 commits a create at once: a rerun after a conversion that failed finds the table there
            s.execute("""
                    create table if not exists import_key_block (
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
        // one import's keys in memory at a time, as its load held them
        List<Object[]> imports = jdbc.query("select distinct job_instance_id, state from import_key",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
        for (Object[] i : imports) {
            List<KeyTally.Key> keys = jdbc.query("""
                    select leistungsschluessel, bezeichnung, ozg_id, anzahl_ohne_reifegrad, anzahl_reifegrad_0,
                        anzahl_reifegrad_1, anzahl_reifegrad_2, anzahl_reifegrad_3, anzahl_reifegrad_4, anzahl_reifegrad_5,
                        anzahl_reifegrad_6, anzahl_reifegrad_7
                    from import_key where job_instance_id = ? and state = ?""", (rs, n) -> {
                long[] anzahl = new long[KeyTally.MAX_LEVEL + 2];
                for (int level = 0; level < anzahl.length; level++) {
                    anzahl[level] = rs.getLong(4 + level);
                }
                return new KeyTally.Key(rs.getString(1), rs.getString(2), rs.getString(3), anzahl);
            }, i[0], i[1]);
            keys.sort(Comparator.comparing(KeyTally.Key::leistungsschluessel)); // the load's order, whatever the collation
            ImportedKeys.store(jdbc, (Long) i[0], (String) i[1], keys);
        }
        try (Statement s = c.createStatement()) {
            s.execute("drop table import_key");
        }
    }
}
