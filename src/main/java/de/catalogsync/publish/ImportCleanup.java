package de.catalogsync.publish;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.springframework.jdbc.core.JdbcTemplate;

import de.catalogsync.importing.ImportSlices;
import de.catalogsync.importing.SortedRuns;

/**
 * Deletes the imported rows no state points at any more once a run has decided: the imports this run refused, and
 * the imports its accepted ones replaced; and the sorted runs of imports that failed before they were loaded. It runs on a thread of its own while the publish writes the files, so that
 * deleting millions of rows costs the run little time on a machine with a second core, and deletes along the primary
 * key in slices of {@value ImportSlices#SIZE} rows, each its own transaction, so that no transaction grows with the size of a
 * state. Idempotent: a restarted publish simply deletes what is left. The rows a state points at are never touched.
 */
final class ImportCleanup {

    private final CompletableFuture<Long> deleted;

    private ImportCleanup(CompletableFuture<Long> deleted) {
        this.deleted = deleted;
    }

    static ImportCleanup start(JdbcTemplate jdbc, long jobInstanceId, Path spillRoot) {
        CompletableFuture<Long> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                SortedRuns.deleteAll(spillRoot, jobInstanceId);
                deleteRunsNoRestartNeeds(jdbc, spillRoot, jobInstanceId);
                future.complete(delete(jdbc, jobInstanceId));
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, "import-cleanup-" + jobInstanceId);
        thread.setDaemon(true);
        thread.start();
        return new ImportCleanup(future);
    }

    /**
     * Sorted runs of other runs that no restart can read any more: runs that completed or were abandoned (a failed
     * run replaced by a new one instead of restarted, say). Those of a failed or stopped run stay for its restart.
     */
    private static void deleteRunsNoRestartNeeds(JdbcTemplate jdbc, Path spillRoot, long jobInstanceId) {
        for (long other : SortedRuns.instances(spillRoot)) {
            if (other == jobInstanceId) {
                continue;
            }
            String status = jdbc.query("""
                    select status from batch_job_execution where job_instance_id = ?
                    order by job_execution_id desc fetch first 1 rows only""",
                    rs -> rs.next() ? rs.getString(1) : null, other);
            if (status == null || "COMPLETED".equals(status) || "ABANDONED".equals(status)) { // null: no run owns it
                SortedRuns.deleteAll(spillRoot, other);
            }
        }
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
        long deleted = 0;
        for (var pair : unused) {
            String state = (String) pair.get("state");
            long instance = ((Number) pair.get("job_instance_id")).longValue();
            jdbc.update("delete from import_summary where job_instance_id = ? and state = ?", instance, state);
            deleted += ImportSlices.forEach(jdbc, instance, state, (from, to) -> jdbc.update("""
                    delete from imported_offering where job_instance_id = ? and state = ? and pos >= ? and pos < ?""",
                    instance, state, from, to));
        }
        return deleted;
    }

    /** Waits for the delete; its failure fails the publish step (a restart clears the rest). */
    void await() throws Exception {
        try {
            deleted.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
