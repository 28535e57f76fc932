package de.catalogsync.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import de.catalogsync.testing.SyncFixture;

/**
 * A run that decided but failed in its publish, and that a newer run went past instead of restarting it, is
 * overtaken. The newer run's publish writes its change file first, as its own publish would have, so that a
 * consumer who reads only change files misses none of its changes. It can no longer restart, by any way, and its
 * imports are not kept for a restart. A failed run that nothing has overtaken keeps its imports, also while an
 * older run restarts and publishes.
 */
class OvertakenRunFunctionalTest {

    @TempDir
    Path dir;

    private static SyncFixture mini(Path dir) throws IOException {
        return SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.5");
    }

    /** Run 1 decides, then its publish fails: a file stands where the change files' folder belongs. */
    private static SyncFixture runOneFailsInItsPublish(Path dir) throws IOException {
        SyncFixture fixture = mini(dir);
        Path blocker = Files.createDirectories(fixture.outputDir()).resolve("changes");
        Files.writeString(blocker, "not a folder");
        SyncFixture.Result first = fixture.sync();
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
        assertThat(fixture.count("select count(*) from import_result where job_instance_id = 1"))
                .as("run 1 decided on its three states before its publish failed").isEqualTo(3);
        assertThat(fixture.count("select count(*) from change_file")).isZero();
        Files.delete(blocker);
        return fixture;
    }

    /** The change file of a publication, without its generation time (the runs of two fixtures differ in it). */
    private static String changeFile(SyncFixture fixture, long publication) throws IOException {
        Path file = fixture.outputDir().resolve("changes").resolve(String.format("%010d.json", publication));
        return Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\"erzeugtAm\":\"[^\"]+\"", "");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theNextPublishWritesTheChangeFileOfARunThatDecidedButNeverPublished(CapturedOutput log) throws Exception {
        SyncFixture fixture = runOneFailsInItsPublish(dir.resolve("overtaken"));
        SyncFixture reference = mini(dir.resolve("reference"));
        assertThat(reference.sync().exitCode()).as("a run 1 that was never interrupted").isEqualTo(3);

        SyncFixture.Result second = fixture.sync();

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(3);
        assertThat(log.getOut()).as("the merge says whom it overtakes")
                .contains("this run overtakes run 1 (FAILED), which started before it: run 1 can no longer restart; "
                        + "this run's publish writes its change file")
                .doesNotContain("this run overtakes run 2");
        assertThat(changeFile(fixture, 1)).as("run 1's change file, as its own publish would have written it")
                .isEqualTo(changeFile(reference, 1))
                .contains("\"hinzugefuegt\":[{\"leistungsschluessel\""); // every state's first import: rows added
        String runOneStart = fixture.query(jdbc -> jdbc.queryForObject(
                "select min(create_time) from batch_job_execution where job_instance_id = 1", java.sql.Timestamp.class))
                .toLocalDateTime().atZone(java.time.ZoneId.systemDefault()).toInstant()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        assertThat(Files.readString(fixture.outputDir().resolve("changes/0000000001.json")))
                .as("generated at the start of run 1, as its own publish would have said")
                .contains("\"erzeugtAm\":\"" + runOneStart + "\"");
        assertThat(changeFile(fixture, 2)).as("run 2 read the same exports: it changed nothing")
                .doesNotContain("\"leistungsschluessel\"");
        List<String> written = fixture.query(jdbc -> jdbc.query(
                "select job_instance_id, written_by from change_file order by job_instance_id",
                (rs, i) -> rs.getLong(1) + " by " + rs.getLong(2)));
        assertThat(written).as("which publish wrote which change file").containsExactly("1 by 2", "2 by 2");

        assertThat(fixture.sync().exitCode()).as("run 3").isEqualTo(3);
        assertThat(changeFile(fixture, 1)).as("written once: a later publish leaves it alone")
                .isEqualTo(changeFile(reference, 1));
        assertThat(fixture.count("select written_by from change_file where job_instance_id = 1")).isEqualTo(2);
    }

    @Test
    void aPublishThatFailsAfterWritingAnOvertakenRunsChangeFileDoesNotWriteItAgainWhenItRestarts() throws Exception {
        SyncFixture fixture = runOneFailsInItsPublish(dir.resolve("overtaken"));
        SyncFixture reference = mini(dir.resolve("reference"));
        assertThat(reference.sync().exitCode()).as("a run 1 that was never interrupted").isEqualTo(3);
        // run 2's publish fails at its catalogue, after run 1's change file, while its clean-up deletes run 1's imports
        Path blocker = fixture.outputDir().resolve("merged-catalogue.xml");
        Files.deleteIfExists(blocker); // run 1's, published before its change file failed
        Files.createDirectories(blocker);

        SyncFixture.Result second = fixture.sync();

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(1);
        assertThat(fixture.count("select count(*) from imported_block where job_instance_id = 1"))
                .as("run 1's imports, replaced by run 2's").isZero();
        Files.delete(blocker);
        SyncFixture.Result restart = fixture.command("restart", "2");
        assertThat(restart.exitCode()).as(restart.toString()).isEqualTo(3);
        assertThat(changeFile(fixture, 1)).as("run 1's change file, still as its own publish would have written it")
                .isEqualTo(changeFile(reference, 1));
    }

    @Test
    void aLateChangeFileWhoseFirstImportRowsAreGoneIsRecordedAsLostAndHoldsUpNoPublish() throws Exception {
        SyncFixture fixture = runOneFailsInItsPublish(dir);
        long ni = fixture.count("select imported_count from import_result where job_instance_id = 1 and state = 'NI'");
        fixture.query(jdbc -> jdbc.update("delete from imported_block where job_instance_id = 1 and state = 'NI'"));

        SyncFixture.Result second = fixture.sync();

        assertThat(second.exitCode()).as("run 2 publishes: " + second).isEqualTo(3);
        assertThat(fixture.outputDir().resolve("changes/0000000001.json")).as("a file listing fewer rows").doesNotExist();
        assertThat(fixture.outputDir().resolve("changes/0000000002.json")).exists();
        String lost = fixture.query(jdbc -> jdbc.queryForObject(
                "select lost_reason from change_file where job_instance_id = 1 and written_by = 2", String.class));
        assertThat(lost).isEqualTo("the change file of publication 1 lists NI's first import from its stored rows, but 0 of its "
                        + ni + " rows are left in the database");
    }

    @Test
    void aRunsOwnChangeFileIsNotWrittenFromAFirstImportWhoseRowsAreGone() throws Exception {
        SyncFixture fixture = runOneFailsInItsPublish(dir);
        fixture.query(jdbc -> jdbc.update("delete from imported_block where job_instance_id = 1 and state = 'NI'"));

        SyncFixture.Result restart = fixture.command("restart", "1");

        assertThat(restart.exitCode()).as(restart.toString()).isEqualTo(1);
        assertThat(restart.out()).contains("failure: publish: RowsGoneException: the change file of publication 1 "
                + "lists NI's first import from its stored rows, but 0 of its");
        assertThat(fixture.outputDir().resolve("changes/0000000001.json")).doesNotExist();
    }

    @Test
    void anOvertakenRunCannotRestartByAnyWay() throws Exception {
        SyncFixture fixture = runOneFailsInItsPublish(dir);
        assertThat(fixture.sync().exitCode()).as("run 2").isEqualTo(3);

        SyncFixture.Result restart = fixture.command("restart", "1");

        assertThat(fixture.command("runs").out()).as("what `runs` shows of run 1")
                .containsPattern("1 +catalogSync .* FAILED\\s+overtaken by run 2, which started after it and has "
                        + "decided since: it cannot restart");
        assertThat(restart.exitCode()).as(restart.toString()).isEqualTo(2);
        assertThat(restart.err()).contains("run 1 cannot restart: run 2, started after it, has decided on the states' "
                + "imports since").contains("Start a new run instead");
        assertThat(fixture.count("select count(*) from batch_job_execution where job_instance_id = 1"))
                .as("no second attempt of run 1").isEqualTo(1);

        // the same night's scheduled trigger would restart its instance without asking `restart`: the job refuses
        JobExecution again = new JobExecution(99L, new JobInstance(1L, "catalogSync"), new JobParameters());
        fixture.query(jdbc -> {
            OneRunAtATime gate = new OneRunAtATime(jdbc, null, null); // nothing runs: the other checks ask nothing
            assertThatThrownBy(() -> gate.beforeJob(again)).hasMessageContaining("was overtaken: run 2, started after it");
            gate.beforeJob(new JobExecution(100L, new JobInstance(2L, "catalogSync"), new JobParameters()));
            return null;
        });
    }

    @Test
    void aKilledRunThatWasOvertakenIsMarkedFailedWhenItsRestartIsRefused() throws Exception {
        SyncFixture fixture = runOneFailsInItsPublish(dir);
        assertThat(fixture.sync().exitCode()).as("run 2").isEqualTo(3);
        fixture.query(jdbc -> { // run 1 as a killed process leaves it: still STARTED, silent for an hour
            jdbc.update("update batch_job_execution set status = 'STARTED', end_time = null, "
                    + "last_updated = dateadd('HOUR', -1, localtimestamp) where job_execution_id = 1");
            return jdbc.update("update batch_step_execution set last_updated = dateadd('HOUR', -1, localtimestamp) "
                    + "where job_execution_id = 1");
        });

        SyncFixture.Result restart = fixture.command("restart", "1");

        assertThat(restart.exitCode()).as(restart.toString()).isEqualTo(2);
        assertThat(restart.err()).contains("run 1 cannot restart: run 2");
        List<String> statuses = fixture.query(jdbc -> jdbc.queryForList(
                "select status from batch_job_execution where job_instance_id = 1", String.class));
        assertThat(statuses).as("no longer shown as running").containsExactly("FAILED");
    }

    @Test
    void aFailedRunNothingOvertookKeepsItsImportsWhileAnOlderRunRestartsAndPublishes() throws Exception {
        SyncFixture fixture = runOneFailsInItsPublish(dir);
        long copied = fixture.query(jdbc -> {
            // run 2 as a crash in its load leaves it: started after run 1, NI's blocks stored, nothing decided
            long instance = jdbc.queryForObject("select next value for batch_job_instance_seq", Long.class);
            long execution = jdbc.queryForObject("select next value for batch_job_execution_seq", Long.class);
            jdbc.update("insert into batch_job_instance (job_instance_id, version, job_name, job_key) values (?, 0, 'catalogSync', 'crashed')",
                    instance);
            jdbc.update("""
                    insert into batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time,
                                                     status, exit_code, exit_message, last_updated)
                    values (?, 1, ?, localtimestamp, localtimestamp, 'FAILED', 'FAILED', '', localtimestamp)""",
                    execution, instance);
            return (long) jdbc.update("""
                    insert into imported_block (job_instance_id, state, block_no, row_count, data)
                    select ?, state, block_no, row_count, data from imported_block where job_instance_id = 1 and state = 'NI'""",
                    instance);
        });
        assertThat(copied).isPositive();
        Path runTwoSpill = Files.createDirectories(dir.resolve("data/spill/2/NI")).resolve("0000000000000000001.run");
        Files.writeString(runTwoSpill, "a sorted run its restart may read");

        assertThat(fixture.command("runs").out()).as("nothing overtook run 1").doesNotContain("overtaken");
        SyncFixture.Result restart = fixture.command("restart", "1");

        assertThat(restart.exitCode()).as("run 2 decided nothing: run 1 may restart " + restart).isEqualTo(3);
        assertThat(fixture.outputDir().resolve("changes/0000000001.json")).exists();
        assertThat(fixture.count("select count(*) from imported_block where job_instance_id = 2"))
                .as("run 2's import, which its restart may read").isEqualTo(copied);
        assertThat(runTwoSpill).as("and its sorted runs").exists();

        assertThat(fixture.sync().exitCode()).as("run 3, which overtakes run 2").isEqualTo(3);
        assertThat(fixture.count("select count(*) from imported_block where job_instance_id = 2"))
                .as("run 2 can no longer restart: its import is deleted").isZero();
        assertThat(runTwoSpill).as("and its sorted runs").doesNotExist();
    }
}
