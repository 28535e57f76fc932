package de.catalogsync.operate.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A second trigger of a night whose run failed restarts that run (same parameters) without asking {@code restart}:
 * once a newer night's run has decided, the job itself refuses it, before any step.
 */
@SpringBootTest(properties = {
        "catalog.serve.enabled=true",
        "catalog.schedule.enabled=false",
        "catalog.output-dir=target/overtaken-nightly-test/output",
        "catalog.spill-dir=target/overtaken-nightly-test/spill",
        "spring.datasource.url=jdbc:h2:mem:overtaken-nightly-test;DB_CLOSE_DELAY=-1",
        "catalog.security.users[0].name=admin",
        // bcrypt of "geheim", as in AdminApiTest: serve needs a user
        "catalog.security.users[0].password-hash=$2a$10$OMn0OIPrGvMMWTTr5yivS.2gLUZ0lmXIxINFSmBSeItefEvgKVNJ2"})
class OvertakenNightlyRunTest {

    private static final Path OUTPUT = Path.of("target/overtaken-nightly-test/output");

    @Autowired
    NightlyRun nightlyRun;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNightsRunThatANewerNightOvertookDoesNotRunAgainWhenItsNightIsTriggeredAgain() throws Exception {
        if (Files.exists(OUTPUT)) {
            try (Stream<Path> files = Files.walk(OUTPUT)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Path blocker = Files.createDirectories(OUTPUT).resolve("changes");
        Files.writeString(blocker, "not a folder: the first night's publish fails after its merge");
        LocalDate first = LocalDate.of(2032, 3, 1);

        JobExecution failed = nightlyRun.trigger(first).orElseThrow();
        assertThat(awaitEnd(failed.getId())).isEqualTo("FAILED");
        Files.delete(blocker);
        JobExecution newer = nightlyRun.trigger(first.plusDays(1)).orElseThrow();
        assertThat(awaitEnd(newer.getId())).isEqualTo("COMPLETED");

        JobExecution again = nightlyRun.trigger(first).orElseThrow();

        assertThat(again.getJobInstance().getInstanceId()).as("the first night's run, restarted")
                .isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(awaitEnd(again.getId())).isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("select count(*) from batch_step_execution where job_execution_id = ?",
                Long.class, again.getId())).as("no step ran").isZero();
        assertThat(jdbc.queryForObject("select exit_message from batch_job_execution where job_execution_id = ?",
                String.class, again.getId())).contains("this run was overtaken: run " + newer.getId());
    }

    private String awaitEnd(long executionId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            String status = jdbc.queryForObject("select status from batch_job_execution where job_execution_id = ?",
                    String.class, executionId);
            if (status != null && !status.startsWith("START") && !status.equals("STOPPING")) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + executionId + " did not end");
    }
}
