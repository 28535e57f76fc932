package de.catalogsync.publish;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes a run's staged rows once the merge has committed them to the catalogue, on a thread of its own while the
 * publish writes the files: deleting millions of rows then costs the run little time on a machine with a second
 * core. It deletes along the primary key in slices of {@value #SLICE} rows, each its own transaction, so that no
 * transaction grows with the size of a state. Idempotent: a restarted publish simply deletes what is left.
 */
final class StagedRowsCleanup {

    static final int SLICE = 20_000;

    private final CompletableFuture<Integer> deleted;

    private StagedRowsCleanup(CompletableFuture<Integer> deleted) {
        this.deleted = deleted;
    }

    static StagedRowsCleanup start(JdbcTemplate jdbc, long jobInstanceId) {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(delete(jdbc, jobInstanceId));
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, "staged-cleanup-" + jobInstanceId);
        thread.setDaemon(true);
        thread.start();
        return new StagedRowsCleanup(future);
    }

    private static int delete(JdbcTemplate jdbc, long jobInstanceId) {
        int deleted = 0;
        var ranges = jdbc.queryForList("""
                select state, min(seq) as first_seq, max(seq) as last_seq from staged_offering
                where job_instance_id = ? group by state order by state""", jobInstanceId);
        for (var range : ranges) {
            String state = (String) range.get("STATE");
            long first = ((Number) range.get("FIRST_SEQ")).longValue();
            long last = ((Number) range.get("LAST_SEQ")).longValue();
            for (long from = first; from <= last; from += SLICE) {
                deleted += jdbc.update("""
                        delete from staged_offering where job_instance_id = ? and state = ? and seq >= ? and seq < ?""",
                        jobInstanceId, state, from, from + SLICE);
            }
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
