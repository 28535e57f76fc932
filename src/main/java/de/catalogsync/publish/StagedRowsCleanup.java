package de.catalogsync.publish;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes a run's staged rows once the merge has committed them to the catalogue, on a thread of its own and in a
 * transaction of its own, while the publish writes the files: deleting millions of rows then costs the run no time
 * on a machine with a second core. Idempotent: a restarted publish simply deletes what is left.
 */
final class StagedRowsCleanup {

    private final CompletableFuture<Integer> deleted;

    private StagedRowsCleanup(CompletableFuture<Integer> deleted) {
        this.deleted = deleted;
    }

    static StagedRowsCleanup start(JdbcTemplate jdbc, long jobInstanceId) {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(jdbc.update("delete from staged_offering where job_instance_id = ?", jobInstanceId));
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, "staged-cleanup-" + jobInstanceId);
        thread.setDaemon(true);
        thread.start();
        return new StagedRowsCleanup(future);
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
