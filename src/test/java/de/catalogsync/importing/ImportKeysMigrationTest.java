package de.catalogsync.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Schema V9 folds an import's per-level counts (import_summary) and its keys' names into one row per key, and the
 * merged catalogue's per-level counts (merged_state_maturity) into its row per key and state.
 */
class ImportKeysMigrationTest {

    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void databaseAtVersion8() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:import-keys;DB_CLOSE_DELAY=-1", "sa", "", true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("8").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void dropDatabase() {
        jdbc.execute("drop all objects");
        dataSource.destroy();
    }

    @Test
    void eachImportsKeysKeepTheirCountsPerLevelAndTheirNames() {
        String summary = "insert into import_summary (job_instance_id, state, leistungsschluessel, reifegrad, anzahl) "
                + "values (?, ?, ?, ?, ?)";
        jdbc.update(summary, 1, "TH", "99001001000000", -1, 2);
        jdbc.update(summary, 1, "TH", "99001001000000", 3, 5);
        jdbc.update(summary, 1, "TH", "99001001000000", 7, 1);
        jdbc.update(summary, 1, "TH", "99002002000000", 0, 4);
        jdbc.update(summary, 2, "TH", "99001001000000", 4, 9);
        jdbc.update(summary, 1, "NI", "99001001000000", 1, 3);
        String name = "insert into import_key_name (job_instance_id, state, leistungsschluessel, bezeichnung, ozg_id) "
                + "values (?, ?, ?, ?, ?)";
        jdbc.update(name, 1, "TH", "99001001000000", "Abbruch", "10001");
        jdbc.update(name, 1, "TH", "99002002000000", null, null);
        jdbc.update(name, 2, "TH", "99001001000000", "Abbruch (neu)", "10001");
        jdbc.update(name, 1, "NI", "99001001000000", "Abriss", null);

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("9").load().migrate();

        List<String> keys = jdbc.queryForList("""
                select job_instance_id || ' ' || state || ' ' || leistungsschluessel || ' ' || coalesce(bezeichnung, '-')
                    || ' ' || coalesce(ozg_id, '-') || ' ' || anzahl_ohne_reifegrad || '/' || anzahl_reifegrad_0 || '/'
                    || anzahl_reifegrad_1 || '/' || anzahl_reifegrad_2 || '/' || anzahl_reifegrad_3 || '/'
                    || anzahl_reifegrad_4 || '/' || anzahl_reifegrad_5 || '/' || anzahl_reifegrad_6 || '/'
                    || anzahl_reifegrad_7
                from import_key order by job_instance_id, state, leistungsschluessel""", String.class);
        assertThat(keys).containsExactly(
                "1 NI 99001001000000 Abriss - 0/0/3/0/0/0/0/0/0",
                "1 TH 99001001000000 Abbruch 10001 2/0/0/0/5/0/0/0/1",
                "1 TH 99002002000000 - - 0/4/0/0/0/0/0/0/0",
                "2 TH 99001001000000 Abbruch (neu) 10001 0/0/0/0/0/9/0/0/0");
        assertThat(jdbc.queryForList("""
                select table_name from information_schema.tables
                where lower(table_name) in ('import_summary', 'import_key_name')""", String.class)).isEmpty();
    }

    @Test
    void theMergedCatalogueKeepsItsCountsPerLevelForAPublishBeforeTheNextMerge() {
        jdbc.update("""
                insert into merged_state (leistungsschluessel, state, veraltet, gebiete, hoechster_reifegrad)
                values ('99001001000000', 'TH', false, 8, 3), ('99001001000000', 'NI', true, 1, null)""");
        jdbc.update("""
                insert into merged_state_maturity (leistungsschluessel, state, reifegrad, anzahl)
                values ('99001001000000', 'TH', -1, 2), ('99001001000000', 'TH', 0, 1), ('99001001000000', 'TH', 3, 5),
                       ('99001001000000', 'NI', -1, 1)""");

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        List<String> states = jdbc.queryForList("""
                select state || ' ' || gebiete || ' ' || coalesce(cast(hoechster_reifegrad as varchar), '-') || ' '
                    || anzahl_ohne_reifegrad || '/' || anzahl_reifegrad_0 || '/' || anzahl_reifegrad_1 || '/'
                    || anzahl_reifegrad_2 || '/' || anzahl_reifegrad_3 || '/' || anzahl_reifegrad_4 || '/'
                    || anzahl_reifegrad_5 || '/' || anzahl_reifegrad_6 || '/' || anzahl_reifegrad_7
                from merged_state order by state""", String.class);
        assertThat(states).containsExactly("NI 1 - 1/0/0/0/0/0/0/0/0", "TH 8 3 2/1/0/0/5/0/0/0/0");
        assertThat(jdbc.queryForList("""
                select table_name from information_schema.tables where lower(table_name) = 'merged_state_maturity'""",
                String.class)).isEmpty();
    }

    @Test
    void schemaV12MovesEachImportsKeysIntoBlocksInKeyOrderAndDropsTheTable() {
        v12MovesEachImportsKeysIntoBlocks(dataSource);
    }

    /** Schema V12 on the database behind {@code dataSource}, at none yet: each import's keys to blocks, import_key gone. */
    static void v12MovesEachImportsKeysIntoBlocks(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("11").load().migrate();
        String key = """
                insert into import_key (job_instance_id, state, leistungsschluessel, bezeichnung, ozg_id,
                    anzahl_ohne_reifegrad, anzahl_reifegrad_0, anzahl_reifegrad_1, anzahl_reifegrad_2, anzahl_reifegrad_3,
                    anzahl_reifegrad_4, anzahl_reifegrad_5, anzahl_reifegrad_6, anzahl_reifegrad_7)
                values (?, ?, ?, ?, ?, ?, 0, 0, 0, ?, 0, 0, 0, ?)""";
        jdbc.update(key, 1, "TH", "99002002000000", null, null, 0, 4, 0);
        jdbc.update(key, 1, "TH", "99001001000000", "Abbruch", "10001", 2, 5, 1);
        jdbc.update(key, 2, "TH", "99001001000000", "Abbruch (neu)", "10001", 0, 9, 0);
        jdbc.update(key, 1, "NI", "99001001000000", "Abriß", null, 3, 0, 0);

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(ImportedKeys.read(jdbc, 1, "TH")).map(Object::toString).containsExactly(
                "99001001000000 Abbruch 10001 [2, 0, 0, 0, 5, 0, 0, 0, 1]",
                "99002002000000 null null [0, 0, 0, 0, 4, 0, 0, 0, 0]");
        assertThat(ImportedKeys.read(jdbc, 2, "TH")).map(Object::toString)
                .containsExactly("99001001000000 Abbruch (neu) 10001 [0, 0, 0, 0, 9, 0, 0, 0, 0]");
        assertThat(ImportedKeys.read(jdbc, 1, "NI")).map(Object::toString)
                .containsExactly("99001001000000 Abriß null [3, 0, 0, 0, 0, 0, 0, 0, 0]");
        assertThat(jdbc.queryForList("""
                select table_name from information_schema.tables
                where lower(table_name) = 'import_key' and table_schema = current_schema()""",
                String.class)).isEmpty();
    }
}
