package de.catalogsync.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import de.catalogsync.testing.PostgresSchema;

/** Schema V12 on PostgreSQL, the production database, with imports to convert: bytea blocks, import_key gone. */
@PostgresSchema.Required
class ImportKeysOnPostgresMigrationTest {

    @Test
    void schemaV12MovesEachImportsKeysIntoBlocksOnPostgres(PostgresSchema schema) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(schema.url(), PostgresSchema.USER,
                PostgresSchema.PASSWORD, true);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("11").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            String key = """
                    insert into import_key (job_instance_id, state, leistungsschluessel, bezeichnung, ozg_id,
                        anzahl_ohne_reifegrad, anzahl_reifegrad_0, anzahl_reifegrad_1, anzahl_reifegrad_2,
                        anzahl_reifegrad_3, anzahl_reifegrad_4, anzahl_reifegrad_5, anzahl_reifegrad_6, anzahl_reifegrad_7)
                    values (?, ?, ?, ?, ?, ?, 0, 0, 0, ?, 0, 0, 0, ?)""";
            jdbc.update(key, 7, "BY", "99002002000000", null, null, 0, 4, 0);
            jdbc.update(key, 7, "BY", "99001001000000", "Abbruch", "10001", 2, 5, 1);
            jdbc.update(key, 8, "BY", "99001001000000", "Abriß", null, 3, 0, 0);

            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

            assertThat(ImportedKeys.read(jdbc, 7, "BY")).map(Object::toString).containsExactly(
                    "99001001000000 Abbruch 10001 [2, 0, 0, 0, 5, 0, 0, 0, 1]",
                    "99002002000000 null null [0, 0, 0, 0, 4, 0, 0, 0, 0]");
            assertThat(ImportedKeys.read(jdbc, 8, "BY")).map(Object::toString)
                    .containsExactly("99001001000000 Abriß null [3, 0, 0, 0, 0, 0, 0, 0, 0]");
            assertThat(jdbc.queryForObject("""
                    select count(*) from information_schema.tables where table_schema = ? and table_name = 'import_key'""",
                    Long.class, schema.name())).isZero();
        } finally {
            dataSource.destroy();
        }
    }
}
