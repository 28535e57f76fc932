package de.catalogsync.publish;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.jdbc.core.JdbcTemplate;

import de.catalogsync.importing.ImportedBlocks;
import de.catalogsync.importing.SortedRuns;
import de.catalogsync.merge.Decisions;

/**
 * Deletes the imported rows no state points at any more once a run has decided (the imports this run refused, and
 * the imports its accepted ones replaced) and the sorted runs no step will read again. It runs on a thread of its
 * own while the publish writes the files, so that deleting millions of rows costs the run little time on a machine
 * with a second core, and deletes a few blocks per statement, each its own transaction, so that no transaction
 * grows with the size of a state. Idempotent: a restarted publish simply
 * deletes what is left. The rows a state points at are never touched.
 */
final class ImportCleanup {

    private final CompletableFuture<Long> deleted;

    private ImportCleanup(CompletableFuture<Long> deleted) {
        this.deleted = deleted;
    }

    static ImportCleanup start(JdbcTemplate jdbc, long jobInstanceId, Path spillRoot) {
        return new ImportCleanup(Beside.start("import-cleanup-" + jobInstanceId, () -> {
            deleteSortedRuns(jdbc, spillRoot, jobInstanceId);
            return delete(jdbc, jobInstanceId);
        }));
    }

    /**
     * Sorted runs no step will read again: this run's (it has decided; left by imports that failed before their
     * load), and those of other runs that no restart can read any more (see {@link #noRestartReads}). Those of a
     * failed or stopped run stay for its restart.
     */
    private static void deleteSortedRuns(JdbcTemplate jdbc, Path spillRoot, long jobInstanceId) {
        for (long instance : SortedRuns.instances(spillRoot)) {
            if (instance == jobInstanceId || noRestartReads(jdbc, instance)) {
                SortedRuns.deleteAll(spillRoot, instance);
            }
        }
    }

    /**
     * Whether no restart will read the imports of a job instance: its run completed or was abandoned, is unknown
     * here, or was overtaken (a run started after it has decided since, so {@code restart} refuses it).
     */
    private static boolean noRestartReads(JdbcTemplate jdbc, long instance) {
        String status = jdbc.query("""
                select status from batch_job_execution where job_instance_id = ?
                order by job_execution_id desc fetch first 1 rows only""",
                rs -> rs.next() ? rs.getString(1) : null, instance);
        return status == null || "COMPLETED".equals(status) || "ABANDONED".equals(status)
                || Decisions.overtakenBy(jdbc, instance).isPresent();
    }

    private static long delete(JdbcTemplate jdbc, long jobInstanceId) {
        // (state, import) pairs: this run's imports that their state does not point at, and the imports replaced
        var unused = jdbc.queryForList("""
                select r.state, r.job_instance_id from import_result r
                where r.job_instance_id = ?
                  and not exists (select 1 from state_catalogue c
                                  where c.state = r.state and c.last_good_instance_id = r.job_instance_id)
                union all
                select c.state, c.superseded_instance_id from state_catalogue c
                where c.last_good_instance_id = ? and c.superseded_instance_id <> c.last_good_instance_id
                order by 1, 2""", jobInstanceId, jobInstanceId);
        return deleteImports(jdbc, unused) + deleteLeftBehind(jdbc, jobInstanceId);
    }

    /** Deletes the imports of the (state, job_instance_id) pairs; returns the offerings deleted. */
    private static long deleteImports(JdbcTemplate jdbc, List<Map<String, Object>> pairs) {
        long deleted = 0;
        for (var pair : pairs) {
            deleted += ImportedBlocks.delete(jdbc, instanceOf(pair), (String) pair.get("state"));
        }
        return deleted;
    }

    private static long instanceOf(Map<String, Object> pair) {
        return ((Number) pair.get("job_instance_id")).longValue();
    }

    /**
     * Imports that earlier runs left behind: a run whose publish failed before its clean-up, and that a newer run
     * went past instead of restarting it, leaves the import its states replaced, which the newer run's clean-up does
     * not know of (it deletes the imports its own states replaced). They are deleted once no restart can read them,
     * as the sorted runs are: no state points at them and {@link #noRestartReads} holds for their run.
     * Each (state, run) pair is probed by the blocks' key, so the blocks themselves are not read; the states are
     * those any run ever decided on.
     */
    private static long deleteLeftBehind(JdbcTemplate jdbc, long jobInstanceId) {
        var candidates = jdbc.queryForList("""
                select s.state, i.job_instance_id from batch_job_instance i
                cross join (select state from import_result union select state from state_catalogue) s
                where i.job_instance_id <> ?
                  and exists (select 1 from imported_block b
                              where b.job_instance_id = i.job_instance_id and b.state = s.state)
                  and not exists (select 1 from state_catalogue c
                                  where c.state = s.state and c.last_good_instance_id = i.job_instance_id)
                order by 2, 1""", jobInstanceId);
        return deleteImports(jdbc, candidates.stream().filter(pair -> noRestartReads(jdbc, instanceOf(pair))).toList());
    }

    /** Waits for the delete; its failure fails the publish step (a restart clears the rest). */
    void await() throws Exception {
        Beside.await(deleted);
    }
}
