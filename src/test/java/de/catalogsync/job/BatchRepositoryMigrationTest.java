package de.catalogsync.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** Flyway's V10 creates Spring Batch's job repository where it is missing and leaves one that Boot set up before. */
class BatchRepositoryMigrationTest {

    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:batchrepo;DB_CLOSE_DELAY=-1", "sa", "", true);
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void dropDatabase() {
        jdbc.execute("drop all objects");
        dataSource.destroy();
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load().migrate();
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    @Test
    void aNewDatabaseGetsTheJobRepositoryTablesAndSequences() {
        migrate("latest");

        assertThat(count("""
                select count(*) from information_schema.tables
                where table_schema = 'PUBLIC' and table_name like 'BATCH\\_%' escape '\\'"""))
                .isEqualTo(6);
        assertThat(count("select next value for BATCH_JOB_INSTANCE_SEQ")).isPositive();
        assertThat(count("select count(*) from BATCH_JOB_INSTANCE")).isZero();
    }

    @Test
    void aJobRepositoryThatBootSetUpBeforeIsKeptWithItsRuns() {
        migrate("9"); // a database of the last version before V10, whose job repository Boot's script made
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-h2.sql"))
                .execute(dataSource);
        jdbc.update("insert into BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) values (1, 0, 'catalogSync', 'k')");

        migrate("latest");

        assertThat(jdbc.queryForList("select JOB_NAME from BATCH_JOB_INSTANCE", String.class))
                .containsExactly("catalogSync");
    }
}
