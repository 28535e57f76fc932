package de.catalogsync.operate;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.batch.core.BatchStatus;

import de.catalogsync.merge.ImportOutcome;

/**
 * What came of one run, as operators read it.
 *
 * @param mergedServices null when the run published nothing
 * @param overtakenBy    the run that overtook this one (started after it, decided since), so that it cannot restart;
 *                       null when none did, and for a run that completed or was abandoned
 */
public record RunResult(long executionId, String jobName, BatchStatus status, LocalDateTime start,
                        LocalDateTime end, List<ImportOutcome> outcomes, Long mergedServices, Long localServices,
                        List<String> failures, Long overtakenBy) {

    public boolean published() {
        return status == BatchStatus.COMPLETED && mergedServices != null;
    }

    /** 0 every state published without rejects; 3 published, but a state kept its old entries or had rejects. */
    public int exitCode() {
        if (!published()) {
            return ExitCodes.FAILURE;
        }
        boolean clean = outcomes.stream().allMatch(o -> o.accepted() && o.rejected() == 0);
        return clean ? ExitCodes.OK : ExitCodes.PARTIAL;
    }
}
