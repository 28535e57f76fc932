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
        try (RunHeartbeat heartbeat = new RunHeartbeat(jdbc, Duration.ofMillis(20), () -> { throw new AssertionError("process ended"); })) {
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
        try (RunHeartbeat heartbeat = new RunHeartbeat(jdbc, Duration.ofMillis(20), () -> { throw new AssertionError("process ended"); })) {
            assertThatCode(() -> {
                heartbeat.beforeJob(run);
                Thread.sleep(60);
                heartbeat.afterJob(run);
            }).doesNotThrowAnyException();
        }
    }

    @Test
    void twoBeatsInARowThatFindTheDatabaseClosedEndTheProcessAndOtherFailuresDoNot() throws Exception {
        JobExecution run = new JobExecution(43, new JobInstance(9, "catalogSync"), new JobParameters());
        java.util.concurrent.atomic.AtomicInteger failing = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger closedCode = new java.util.concurrent.atomic.AtomicInteger(90098);
        JdbcTemplate broken = new JdbcTemplate(jdbc.getDataSource()) {
            @Override
            public int update(String sql, Object... args) {
                if (failing.get() > 0) {
                    failing.decrementAndGet();
                    throw new org.springframework.jdbc.UncategorizedSQLException("beat", sql,
                            new java.sql.SQLException("The database has been closed", "90098", closedCode.get()));
                }
                return super.update(sql, args);
            }
        };
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        try (RunHeartbeat heartbeat = new RunHeartbeat(broken, Duration.ofMillis(20), ended::countDown)) {
            heartbeat.beforeJob(run);
            closedCode.set(42102); // a missing table: the run decides, not the heartbeat
            failing.set(5);
            while (failing.get() > 0) {
                Thread.sleep(5);
            }
            Thread.sleep(60);
            assertThat(ended.getCount()).as("other failures leave the process alone").isEqualTo(1);

            closedCode.set(90098);
            failing.set(1); // one closed beat, then the database answers again
            while (failing.get() > 0) {
                Thread.sleep(5);
            }
            Thread.sleep(60);
            assertThat(ended.getCount()).as("one closed beat alone does not end the process").isEqualTo(1);

            failing.set(Integer.MAX_VALUE);
            assertThat(ended.await(5, java.util.concurrent.TimeUnit.SECONDS))
                    .as("two closed beats in a row end the process").isTrue();
            heartbeat.afterJob(run);
        }
    }
}
