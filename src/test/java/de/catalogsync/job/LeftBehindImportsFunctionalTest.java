package de.catalogsync.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.normalise.Offering;
import de.catalogsync.testing.SyncFixture;

/**
 * An import a run left behind (its publish failed before its clean-up, and a newer run went past it) is deleted by
 * a later run once no restart can read it. The leftover is made by hand: a copy of NI's current blocks under the
 * first run, which its second run had already cleaned up. Only blocks 2 and up are copied, as a clean-up interrupted
 * after its first batch leaves them.
 */
class LeftBehindImportsFunctionalTest {

    @TempDir
    Path dir;

    private static long blocks(SyncFixture fixture, long instance) {
        return fixture.count("select count(*) from imported_block where job_instance_id = ? and state = 'NI'", instance);
    }

    /** Runs 1 and 2, then leaves NI's blocks under run 1 as a failed clean-up would; returns the copy's size. */
    private static long leaveImportBehind(SyncFixture fixture) throws Exception {
        assertThat(fixture.sync().exitCode()).as("run 1, with the mini fixture's rejects").isEqualTo(3);
        assertThat(fixture.sync().exitCode()).as("run 2").isEqualTo(3);
        assertThat(blocks(fixture, 1)).as("run 2 deleted the import it replaced").isZero();
        fixture.query(jdbc -> {
            // the mini exports fit one block: number the copies 2 and 3, as if block 1 had been deleted
            jdbc.update("""
                    insert into imported_block (job_instance_id, state, block_no, row_count, data)
                    select 1, state, block_no + 1, row_count, data from imported_block where job_instance_id = 2 and state = 'NI'""");
            jdbc.update("""
                    insert into imported_block (job_instance_id, state, block_no, row_count, data)
                    select 1, state, block_no + 2, row_count, data from imported_block where job_instance_id = 2 and state = 'NI'""");
            return null;
        });
        long copied = blocks(fixture, 1);
        assertThat(copied).isGreaterThanOrEqualTo(2);
        return copied;
    }

    @Test
    void anImportLeftBehindByACompletedRunIsDeletedByTheNextRunAndTheCatalogueStaysWhole() throws Exception {
        SyncFixture fixture = SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.5");
        leaveImportBehind(fixture);
        List<Offering> before = fixture.offerings();

        assertThat(fixture.sync().exitCode()).as("run 3").isEqualTo(3);

        assertThat(blocks(fixture, 1)).as("run 1's leftover, which no restart reads").isZero();
        assertThat(fixture.count("select count(*) from imported_block where job_instance_id = 3")).as("run 3's imports")
                .isPositive();
        assertThat(fixture.offerings()).as("every state's current offerings, from the same exports").isNotEmpty()
                .isEqualTo(before);
    }

    /**
     * Run 1 failed, but run 2, started after it, decided: run 1 can no longer restart, so nothing will read its
     * import again. (A failed run that nothing overtook keeps its import: see OvertakenRunFunctionalTest.)
     */
    @Test
    void anImportLeftBehindByAFailedRunThatANewerRunOvertookIsDeletedToo() throws Exception {
        SyncFixture fixture = SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.5");
        leaveImportBehind(fixture);
        fixture.query(jdbc -> jdbc.update("update batch_job_execution set status = 'FAILED' where job_instance_id = 1"));

        assertThat(fixture.sync().exitCode()).as("run 3").isEqualTo(3);

        assertThat(blocks(fixture, 1)).as("an overtaken run's import, which no restart reads").isZero();
    }
}
