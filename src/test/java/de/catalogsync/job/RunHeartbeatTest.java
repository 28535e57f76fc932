package de.catalogsync.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.LocalDateTime;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class RunHeartbeatTest {

    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        String url = "jdbc:h2:mem:heartbeat-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(url, "sa", "", true));
    }

    @Test
    void aRunBeatsWhileItLivesAndLeavesNoBeatBehindWhenItEnds() throws Exception {
        JobExecution run = new JobExecution(41, new JobInstance(7, "catalogSync"), new JobParameters());
        try (RunHeartbeat heartbeat = new RunHeartbeat(jdbc, Duration.ofMillis(20))) {
            heartbeat.beforeJob(run);
            LocalDateTime first = RunHeartbeat.lastBeat(jdbc, 41);
            assertThat(first).as("the first beat is written as the run starts").isNotNull();

            LocalDateTime later = first;
            long deadline = System.currentTimeMillis() + 5_000;
            while (!later.isAfter(first) && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
                later = RunHeartbeat.lastBeat(jdbc, 41);
            }
            assertThat(later).as("beats follow while the run lives").isAfter(first);

            heartbeat.afterJob(run);
            assertThat(RunHeartbeat.lastBeat(jdbc, 41)).isNull();
            Thread.sleep(100);
            assertThat(RunHeartbeat.lastBeat(jdbc, 41)).as("no beat after the run ended").isNull();
            assertThat(jdbc.queryForObject("select count(*) from run_heartbeat", Long.class)).isZero();
        }
    }

    @Test
    void aBeatThatCannotBeWrittenDoesNotFailTheRun() {
        JobExecution run = new JobExecution(42, new JobInstance(8, "catalogSync"), new JobParameters());
        jdbc.execute("drop table run_heartbeat");
        try (RunHeartbeat heartbeat = new RunHeartbeat(jdbc, Duration.ofMillis(20))) {
            assertThatCode(() -> {
                heartbeat.beforeJob(run);
                Thread.sleep(60);
                heartbeat.afterJob(run);
            }).doesNotThrowAnyException();
        }
    }
}
