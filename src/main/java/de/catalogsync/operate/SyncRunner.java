package de.catalogsync.operate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.catalogsync.merge.ImportOutcome;
import de.catalogsync.merge.StateImports;
import de.catalogsync.sources.SourcePreflight;

/** Starts the sync job and tells what came of it. */
@Component
public class SyncRunner {

    private final JobOperator jobOperator;
    private final Job catalogSyncJob;
    private final StateImports stateImports;
    private final SourcePreflight preflight;
    private final JdbcTemplate jdbc;

    public SyncRunner(JobOperator jobOperator, Job catalogSyncJob, StateImports stateImports, SourcePreflight preflight,
                      JdbcTemplate jdbc) {
        this.jobOperator = jobOperator;
        this.catalogSyncJob = catalogSyncJob;
        this.stateImports = stateImports;
        this.preflight = preflight;
        this.jdbc = jdbc;
    }

    /** A manual run: identified by its run date and the moment it was asked for, so it always runs. */
    public RunResult syncNow(LocalDate runDate) throws Exception {
        List<String> errors = preflight.check();
        if (!errors.isEmpty()) {
            throw new UsageException("configuration error: " + String.join("; ", errors));
        }
        JobParameters parameters = new JobParametersBuilder()
                .addLocalDate("runDate", runDate)
                .addString("trigger", "manual")
                .addLocalDateTime("requestedAt", LocalDateTime.now())
                .toJobParameters();
        JobExecution execution = jobOperator.start(catalogSyncJob, parameters);
        return result(execution);
    }

    public RunResult result(JobExecution execution) {
        long instanceId = execution.getJobInstance().getInstanceId();
        List<ImportOutcome> outcomes = stateImports.forInstance(instanceId);
        List<Long> published = jdbc.queryForList(
                "select merged_keys from publication where job_instance_id = ?", Long.class, instanceId);
        Long localServices = jdbc.query("select local_services from publication where job_instance_id = ?",
                rs -> rs.next() ? rs.getLong(1) : null, instanceId);
        return new RunResult(execution.getId(), execution.getStatus(), outcomes,
                published.isEmpty() ? null : published.get(0), localServices,
                execution.getAllFailureExceptions().stream().map(Throwable::getMessage).toList());
    }

    /** @param mergedServices null when nothing was published */
    public record RunResult(long executionId, BatchStatus status, List<ImportOutcome> outcomes, Long mergedServices,
                            Long localServices, List<String> failures) {

        public int exitCode() {
            if (status != BatchStatus.COMPLETED || mergedServices == null) {
                return ExitCodes.FAILURE;
            }
            return outcomes.stream().allMatch(ImportOutcome::accepted) ? ExitCodes.OK : ExitCodes.PARTIAL;
        }
    }
}
