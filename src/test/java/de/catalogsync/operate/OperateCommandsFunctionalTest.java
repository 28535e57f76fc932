package de.catalogsync.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;

import de.catalogsync.job.RunLogContext;
import de.catalogsync.testing.IdleJvm;
import de.catalogsync.testing.SyncFixture;

/** The operator's commands, run as the command line runs them, and their exit codes. */
class OperateCommandsFunctionalTest {

    static final Path MINI = Path.of("src/test/resources/fixtures/mini");

    @TempDir
    Path dir;

    private SyncFixture mini() throws Exception {
        return SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.5");
    }

    @Test
    void validateOfACleanFileExitsZeroAndWritesNothing() throws Exception {
        SyncFixture fixture = mini();

        SyncFixture.Result result = fixture.command("validate", "--state", "BY", "--file", MINI.resolve("by.xml").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("BY").contains("read 4, valid 4, rejected 0");
        assertThat(fixture.outputDir()).doesNotExist();
        assertThat(fixture.dir().resolve("data")).as("no database was even created").doesNotExist();
    }

    @Test
    void validateOfAFileWithRejectsExitsThreeAndShowsTheLineAndReason() throws Exception {
        SyncFixture fixture = mini();

        SyncFixture.Result result = fixture.command("validate", "--state", "NI", "--file", MINI.resolve("ni.csv").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).contains("read 5, valid 4, rejected 1")
                .contains("line 6: KEY: malformed LeiKa key \"99 012 001\"");
        assertThat(fixture.outputDir()).doesNotExist();
    }

    @Test
    void validateOfAFileThatCannotBeReadExitsOneAndOfAnUnknownStateTwo() throws Exception {
        SyncFixture fixture = mini();

        SyncFixture.Result missing = fixture.command("validate", "--state", "NI", "--file", dir.resolve("nope.csv").toString());
        SyncFixture.Result unknownState = fixture.command("validate", "--state", "HH", "--file", MINI.resolve("ni.csv").toString());
        SyncFixture.Result noFile = fixture.command("validate", "--state", "NI");

        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
        assertThat(missing.err()).contains("not found");
        assertThat(unknownState.exitCode()).isEqualTo(2);
        assertThat(unknownState.err()).contains("no source configured for state HH");
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).contains("--file");
    }

    @Test
    void importReplacesThatStateOnlyAndExitsZeroWhenTheFileIsClean() throws Exception {
        SyncFixture fixture = mini();
        assertThat(fixture.sync().exitCode()).isEqualTo(3);

        SyncFixture.Result result = fixture.command("import", "--state", "BY", "--file",
                MINI.resolve("by-corrected.xml").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("BY\\s+ACCEPTED\\s+5\\s+5\\s+0").doesNotContain("NI ").doesNotContain("TH ");
        assertThat(fixture.offerings("BY").size()).isEqualTo(5);
        assertThat(fixture.offerings("BY").stream().filter(o -> o.gebietId().equals("097610000000")).count()).isEqualTo(1);
        assertThat(fixture.offerings("NI").size()).isEqualTo(4);
        assertThat(fixture.offerings("TH").size()).isEqualTo(3);
        assertThat(Files.readString(fixture.outputDir().resolve("merged-catalogue.xml")))
                .contains("gebietId=\"097610000000\"").contains("<land code=\"NI\" status=\"aktuell\"");
    }

    @Test
    void syncExitsZeroWhenEveryStatePublishesWithoutRejects() throws Exception {
        SyncFixture fixture = mini().location("NI", MINI.resolve("ni-clean.csv")).location("TH", MINI.resolve("th-clean.csv"));

        SyncFixture.Result result = fixture.sync();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("NI\\s+ACCEPTED\\s+4\\s+4\\s+0").containsPattern("TH\\s+ACCEPTED\\s+3\\s+3\\s+0");
    }

    @Test
    void aShrunkImportIsRefusedUnlessTheOperatorAcceptsItAndTheRemovedServicesTravelAsTombstones() throws Exception {
        SyncFixture fixture = mini();
        fixture.sync();
        String shrunk = MINI.resolve("by-shrunk.xml").toString();

        SyncFixture.Result refused = fixture.command("import", "--state", "BY", "--file", shrunk);

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
        assertThat(refused.out()).containsPattern("BY\\s+FAILED").contains("1 valid services").contains("4 of its last good import");
        assertThat(fixture.offerings("BY").size()).isEqualTo(4);

        SyncFixture.Result accepted = fixture.command("import", "--state", "BY", "--file", shrunk, "--accept-shrink");

        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        assertThat(fixture.offerings("BY").size()).isEqualTo(1);
        long instance = fixture.count("select max(job_instance_id) from publication");
        Path changes = fixture.outputDir().resolve("changes").resolve(String.format("%010d.json", instance));
        assertThat(changes).content().contains("\"entfernt\"").contains("091620000000").contains("Bayerisches Familiengeld");
    }

    @Test
    void importOfAnUnknownStateOrMissingFileIsWrongUsage() throws Exception {
        SyncFixture fixture = mini();

        assertThat(fixture.command("import", "--state", "XX", "--file", MINI.resolve("by.xml").toString()).exitCode()).isEqualTo(2);
        assertThat(fixture.command("import", "--state", "BY", "--file", dir.resolve("none.xml").toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void restartAfterAFailedPublishContinuesWithoutRepeatingTheImportsAndPublishes() throws Exception {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the output folder should be");
        SyncFixture fixture = mini().outputDir(blocked);

        SyncFixture.Result failed = fixture.sync();
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.out()).contains("FAILED").contains("nothing published");
        long runId = runId(failed.out());

        Files.delete(blocked);
        SyncFixture.Result restarted = fixture.command("restart", Long.toString(runId));

        assertThat(restarted.exitCode()).as(restarted.toString()).isEqualTo(3);
        assertThat(restarted.out()).contains("COMPLETED").contains("merged: 4 services");
        assertThat(blocked.resolve("merged-catalogue.xml")).isNotEmptyFile();
        assertThat(fixture.count("""
                select count(*) from batch_step_execution s join batch_job_execution e on e.job_execution_id = s.job_execution_id
                where s.step_name = 'import-NI'""")).as("the import ran once, not again on restart").isEqualTo(1);
        assertThat(fixture.count("""
                select count(*) from batch_step_execution where step_name = 'publish'""")).isEqualTo(2);

        SyncFixture.Result again = fixture.command("restart", Long.toString(runId));
        assertThat(again.exitCode()).as("a run restarts once").isEqualTo(2);
    }

    @Test
    void restartRefusesARunThatStillBeatsOrWhoseProcessLivesAndTakesOverOneThatFellSilent() throws Exception {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the output folder should be");
        SyncFixture fixture = mini().outputDir(blocked);
        long runId = runId(fixture.sync().out());
        Files.delete(blocked);
        // as a run looks that is still publishing: running, its steps silent for an hour, its heartbeat fresh
        fixture.query(jdbc -> {
            jdbc.update("update batch_job_execution set status = 'STARTED', end_time = null, "
                    + "last_updated = dateadd('HOUR', -1, localtimestamp) where job_execution_id = ?", runId);
            jdbc.update("update batch_step_execution set last_updated = dateadd('HOUR', -1, localtimestamp) "
                    + "where job_execution_id = ?", runId);
            return jdbc.update("insert into run_heartbeat (job_execution_id, beat_at) values (?, localtimestamp)", runId);
        });

        SyncFixture.Result whileBeating = fixture.command("restart", Long.toString(runId));
        assertThat(whileBeating.exitCode()).as(whileBeating.toString()).isEqualTo(2);
        assertThat(whileBeating.err()).contains("is STARTED and was heard of at").contains("stop it first");

        // its process lives on this host (another JVM): whatever the clocks say, the run is not dead
        fixture.query(jdbc -> jdbc.update("update run_heartbeat set beat_at = dateadd('HOUR', -1, localtimestamp)"));
        Process owner = IdleJvm.start();
        try {
            // an owner starts before the run it creates: the run is made younger than that JVM
            fixture.query(jdbc -> jdbc.update(
                    "update batch_job_execution set create_time = localtimestamp where job_execution_id = ?", runId));
            ownedBy(fixture, runId, owner.pid());
            SyncFixture.Result whileOwnerLives = fixture.command("restart", Long.toString(runId));
            assertThat(whileOwnerLives.exitCode()).as(whileOwnerLives.toString()).isEqualTo(2);
            assertThat(whileOwnerLives.err()).contains("its process " + owner.pid() + " still runs on this host");
        } finally {
            owner.destroyForcibly().waitFor();
        }

        // silent for an hour, its owner one that this host cannot judge (here: this very process): taken for dead
        ownedBy(fixture, runId, ProcessHandle.current().pid());
        SyncFixture.Result silent = fixture.command("restart", Long.toString(runId));
        assertThat(silent.exitCode()).as(silent.toString()).isEqualTo(3);
        assertThat(silent.out()).contains("COMPLETED");
    }

    @Test
    void aRunStartedWhileAnEarlierOneLivesDoesNothingAndOneStartedAfterItsEndGoesOn() throws Exception {
        SyncFixture fixture = mini();
        long first = runId(fixture.sync("--run-date", "2026-11-01").out());
        // the first run as it looks while another process still publishes it: running, heartbeat fresh
        fixture.query(jdbc -> {
            jdbc.update("update batch_job_execution set status = 'STARTED', end_time = null where job_execution_id = ?",
                    first);
            return jdbc.update("insert into run_heartbeat (job_execution_id, beat_at) values (?, localtimestamp)", first);
        });
        long publishedBefore = fixture.count("select count(*) from publication");

        SyncFixture.Result refused = fixture.sync("--run-date", "2026-11-02");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.toString()).contains("run " + first + " (catalogSync, started")
                .contains("is still running on this database");
        assertThat(fixture.count("select count(*) from publication")).as("the refused run published nothing")
                .isEqualTo(publishedBefore);
        assertThat(fixture.count("select count(*) from batch_step_execution where job_execution_id = ?",
                runId(refused.out()))).as("no step of the refused run ran").isZero();

        // the first run's process is gone and has been silent for an hour: it holds nothing up any more
        fixture.query(jdbc -> {
            jdbc.update("update run_heartbeat set beat_at = dateadd('HOUR', -1, localtimestamp)");
            jdbc.update("update batch_step_execution set last_updated = dateadd('HOUR', -1, localtimestamp)");
            return jdbc.update("update batch_job_execution set last_updated = dateadd('HOUR', -1, localtimestamp) "
                    + "where job_execution_id = ?", first);
        });
        SyncFixture.Result after = fixture.sync("--run-date", "2026-11-03");
        assertThat(after.exitCode()).as(after.toString()).isEqualTo(3);
        assertThat(after.out()).contains("COMPLETED");
    }

    /** Rewrites the run's recorded owner process, as if another process on this host had started it. */
    private static void ownedBy(SyncFixture fixture, long runId, long pid) {
        fixture.query(jdbc -> {
            DefaultExecutionContextSerializer serializer = new DefaultExecutionContextSerializer();
            String stored = jdbc.queryForObject(
                    "select short_context from batch_job_execution_context where job_execution_id = ?", String.class, runId);
            try {
                Map<String, Object> context = new HashMap<>(
                        serializer.deserialize(new ByteArrayInputStream(stored.getBytes(StandardCharsets.UTF_8))));
                context.put(RunLogContext.OWNER_PID, pid);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                serializer.serialize(context, bytes);
                return jdbc.update("update batch_job_execution_context set short_context = ? where job_execution_id = ?",
                        bytes.toString(StandardCharsets.UTF_8), runId);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void runsListsTheRunsNewestFirstWithPerStateCounts() throws Exception {
        SyncFixture fixture = mini();
        fixture.sync();
        fixture.command("import", "--state", "BY", "--file", MINI.resolve("by-corrected.xml").toString());

        SyncFixture.Result runs = fixture.command("runs", "--limit", "5");

        assertThat(runs.exitCode()).as(runs.toString()).isZero();
        String out = runs.out();
        assertThat(out.indexOf("catalogImport")).isPositive().isLessThan(out.indexOf("catalogSync"));
        assertThat(out).containsPattern("NI\\s+ACCEPTED\\s+read\\s+5\\s+imported\\s+4\\s+rejected\\s+1")
                .containsPattern("BY\\s+ACCEPTED\\s+read\\s+5\\s+imported\\s+5\\s+rejected\\s+0");
        assertThat(fixture.command("runs", "--limit", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void restartOrStopOfARunThatCannotBeIsWrongUsage() throws Exception {
        SyncFixture fixture = mini();
        long runId = runId(fixture.sync().out());

        SyncFixture.Result restartCompleted = fixture.command("restart", Long.toString(runId));
        SyncFixture.Result stopCompleted = fixture.command("stop", Long.toString(runId));
        SyncFixture.Result unknown = fixture.command("restart", "999");
        SyncFixture.Result notANumber = fixture.command("stop", "abc");

        assertThat(restartCompleted.exitCode()).as(restartCompleted.toString()).isEqualTo(2);
        assertThat(restartCompleted.err()).contains("COMPLETED");
        assertThat(stopCompleted.exitCode()).isEqualTo(2);
        assertThat(stopCompleted.err()).contains("not running");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).contains("no run with id 999");
        assertThat(notANumber.exitCode()).isEqualTo(2);
    }

    @Test
    void hashPasswordPrintsABcryptHashOfStandardInputAndRefusesAnEmptyOne() throws Exception {
        SyncFixture fixture = mini();
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("geheim\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            SyncFixture.Result hashed = fixture.run("hash-password");
            System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
            SyncFixture.Result empty = fixture.run("hash-password");

            assertThat(hashed.exitCode()).isZero();
            String hash = hashed.out().strip();
            assertThat(new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().matches("geheim", hash))
                    .as(hash).isTrue();
            assertThat(empty.exitCode()).isEqualTo(2);
            assertThat(empty.err()).contains("no password");
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void everyCommandHasItsOwnHelp() throws Exception {
        SyncFixture fixture = mini();
        for (String command : new String[] {"sync", "import", "validate", "runs", "restart", "stop"}) {
            SyncFixture.Result help = fixture.run(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: catalog-sync " + command);
        }
        SyncFixture.Result all = fixture.run("--help");
        assertThat(all.out()).contains("sync").contains("import").contains("validate").contains("runs")
                .contains("restart").contains("stop");
    }

    static long runId(String out) {
        Matcher m = Pattern.compile("run (\\d+):").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Long.parseLong(m.group(1));
    }
}
