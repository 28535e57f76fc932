package de.catalogsync.operate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import de.catalogsync.config.CatalogProperties;
import de.catalogsync.config.SourceProperties;
import de.catalogsync.importing.ImportStepFactory;
import de.catalogsync.importing.SourceItemReader;
import de.catalogsync.job.CatalogJobs;
import de.catalogsync.job.RunLiveness;
import de.catalogsync.job.RunLogContext;
import de.catalogsync.merge.Decisions;
import de.catalogsync.merge.ImportOutcome;
import de.catalogsync.merge.ShrinkAcceptance;
import de.catalogsync.merge.StateImports;
import de.catalogsync.sources.SourcePreflight;

/**
 * Starts, restarts and stops runs, and tells what came of them. Every run is a job instance identified by its
 * parameters (no incrementer): the nightly run by its date, a manual run also by the moment it was asked for.
 */
@Service
public class RunService {

    private static final Set<BatchStatus> RUNNING = Set.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final CatalogJobs jobs;
    private final Job catalogSyncJob;
    private final CatalogProperties properties;
    private final StateImports stateImports;
    private final SourcePreflight preflight;
    private final JdbcTemplate jdbc;
    private final RunLiveness liveness;

    public RunService(JobOperator jobOperator, JobRepository jobRepository, CatalogJobs jobs, Job catalogSyncJob,
                      CatalogProperties properties, StateImports stateImports, SourcePreflight preflight,
                      JdbcTemplate jdbc, RunLiveness liveness) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobs = jobs;
        this.catalogSyncJob = catalogSyncJob;
        this.properties = properties;
        this.stateImports = stateImports;
        this.preflight = preflight;
        this.jdbc = jdbc;
        this.liveness = liveness;
    }

    /** The parameters of a manual sync: it always runs, even twice on one day. */
    public JobParameters manualSync(LocalDate runDate) {
        return new JobParametersBuilder()
                .addLocalDate("runDate", runDate)
                .addString("trigger", "manual")
                .addLocalDateTime("requestedAt", LocalDateTime.now())
                .toJobParameters();
    }

    /** The parameters of a night's run: the same for every trigger of that night, so it happens once. */
    public JobParameters nightly(LocalDate night) {
        return new JobParametersBuilder()
                .addLocalDate("runDate", night)
                .addString("trigger", "nightly")
                .toJobParameters();
    }

    public JobParameters manualImport(String state, Path file, LocalDate runDate) {
        return new JobParametersBuilder()
                .addLocalDate("runDate", runDate)
                .addString("trigger", "import")
                .addLocalDateTime("requestedAt", LocalDateTime.now())
                .addString("state", state)
                .addString("file", file.toAbsolutePath().normalize().toString())
                .toJobParameters();
    }

    /**
     * Adds the operator's {@code --accept-shrink} to a run's parameters, for every command that starts a job (sync,
     * import). It is not identifying: accepting a shrink is a decision about this run, not another run, and a
     * restart keeps it.
     *
     * @param flag null when the option was not given; {@code *} (or blank) for every state; else state codes,
     *             comma-separated
     * @throws UsageException when the flag names something that is no state code
     */
    public JobParameters acceptShrink(JobParameters parameters, String flag) {
        if (flag == null) {
            return parameters;
        }
        ShrinkAcceptance acceptance;
        try {
            acceptance = ShrinkAcceptance.parse(flag.isBlank() ? "*" : flag);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--accept-shrink: " + e.getMessage());
        }
        return new JobParametersBuilder(parameters)
                .addString(ShrinkAcceptance.PARAMETER, acceptance.asParameter(), false)
                .toJobParameters();
    }

    public void checkConfiguration() {
        List<String> errors = preflight.check();
        if (!errors.isEmpty()) {
            throw new UsageException("configuration error: " + String.join("; ", errors));
        }
    }

    public SourceProperties importSource(String state, Path file) {
        SourceProperties source;
        try {
            source = properties.source(state);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--file " + file + " is not a readable file");
        }
        return source.withLocation(file.toAbsolutePath().normalize());
    }

    /** The job a run of these parameters belongs to (restarts rebuild it from them). */
    public Job jobFor(String jobName, JobParameters parameters) {
        if (CatalogJobs.SYNC_JOB.equals(jobName)) {
            return catalogSyncJob;
        }
        if (CatalogJobs.IMPORT_JOB.equals(jobName)) {
            String state = parameters.getString("state");
            String file = parameters.getString("file");
            return jobs.importJob(properties.source(state).withLocation(Path.of(file)));
        }
        throw new UsageException("run belongs to unknown job " + jobName);
    }

    /** Runs synchronously (the command line); {@code serve} queues runs instead. */
    public RunResult runNow(Job job, JobParameters parameters) throws Exception {
        return result(jobOperator.start(job, parameters));
    }

    /**
     * Makes a failed or stopped run continue where it stopped. A run that the repository still shows as running,
     * but whose process is gone (killed), is first marked failed, so that it can restart.
     */
    public JobExecution prepareRestart(long executionId) {
        JobExecution execution = execution(executionId);
        JobExecution latest = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (latest != null && latest.getId() != executionId) {
            throw new UsageException("run " + executionId + " was already restarted as run " + latest.getId());
        }
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
            throw new UsageException("run " + executionId + " is " + status + ": only a failed or stopped run can restart");
        }
        if (RUNNING.contains(status)) {
            RunLiveness.Owner owner = liveness.owner(execution);
            if (owner == RunLiveness.Owner.ALIVE) {
                throw new UsageException("run " + executionId + " is " + status + " and its process "
                        + execution.getExecutionContext().getLong(RunLogContext.OWNER_PID) + " still runs on this host: "
                        + "stop it first (stop " + executionId + ")");
            }
            LocalDateTime lastSign = liveness.lastSignOfLife(execution);
            if (owner == RunLiveness.Owner.UNKNOWN && RunLiveness.heardOfLately(lastSign)) {
                throw new UsageException("run " + executionId + " is " + status + " and was heard of at " + lastSign
                        + ": stop it first, or wait " + RunLiveness.ALIVE_WINDOW.toMinutes() + " minutes if its process was killed");
            }
            jobOperator.recover(execution);
        }
        // after the recovery: a killed run that was overtaken shows as failed, not as running forever
        OptionalLong laterRun = Decisions.overtakingRun(jdbc, execution.getJobInstance().getInstanceId());
        if (laterRun.isPresent()) {
            throw new UsageException("run " + executionId + " cannot restart: " + Decisions.because(laterRun.getAsLong())
                    + ", and restarting it would publish them over newer ones. Start a new run instead");
        }
        return execution;
    }

    public RunResult restart(long executionId) throws Exception {
        JobExecution execution = prepareRestart(executionId);
        Job job = jobFor(execution.getJobInstance().getJobName(), execution.getJobParameters());
        return result(jobOperator.start(job, execution.getJobParameters()));
    }

    public void stop(long executionId) throws Exception {
        JobExecution execution = execution(executionId);
        if (!RUNNING.contains(execution.getStatus())) {
            throw new UsageException("run " + executionId + " is " + execution.getStatus() + ", not running");
        }
        jobOperator.stop(execution);
    }

    public JobExecution execution(long executionId) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(executionId);
        } catch (org.springframework.dao.DataAccessException e) {
            execution = null; // some repository versions throw instead of answering null
        }
        if (execution == null) {
            throw new NoSuchRunException(executionId);
        }
        return execution;
    }

    public RunResult result(long executionId) {
        return result(execution(executionId));
    }

    public RunResult result(JobExecution execution) {
        long instanceId = execution.getJobInstance().getInstanceId();
        JobExecution fresh = jobRepository.getJobExecution(execution.getId());
        JobExecution e = fresh != null ? fresh : execution;
        List<ImportOutcome> outcomes = new ArrayList<>(stateImports.forInstance(instanceId));
        if (outcomes.isEmpty()) {
            outcomes.addAll(fromSteps(e));
        }
        Long[] published = jdbc.query("select merged_keys, local_services from publication where job_instance_id = ?",
                rs -> rs.next() ? new Long[] {rs.getLong(1), rs.getLong(2)} : new Long[] {null, null}, instanceId);
        Long merged = published[0];
        Long locals = published[1];
        List<String> failures = failures(e);
        boolean ended = e.getStatus() == BatchStatus.COMPLETED || e.getStatus() == BatchStatus.ABANDONED;
        return new RunResult(e.getId(), e.getJobInstance().getJobName(), e.getStatus(), e.getStartTime(),
                e.getEndTime(), outcomes, e.getStatus() == BatchStatus.COMPLETED ? merged : null, locals, failures,
                ended ? null : nullable(Decisions.overtakingRun(jdbc, instanceId)));
    }

    /**
     * Why a run failed: each failed step other than a state's import or load (those show as the state's outcome), by
     * its stored exit description, which a run read back from the repository still has (the job's own exit
     * description stays empty when a step fails); else the job's own failure, such as a refusal before any step.
     */
    private static List<String> failures(JobExecution e) {
        List<String> steps = e.getStepExecutions().stream()
                .filter(step -> step.getStatus() == BatchStatus.FAILED && !ImportStepFactory.isStateStep(step.getStepName()))
                .map(step -> step.getStepName() + ": " + firstLine(step.getExitStatus().getExitDescription()))
                .toList();
        if (!steps.isEmpty()) {
            return steps;
        }
        List<String> failures = e.getAllFailureExceptions().stream().map(Throwable::getMessage).toList();
        if (failures.isEmpty() && e.getStatus() == BatchStatus.FAILED && e.getExitStatus().getExitDescription() != null) {
            failures = List.of(e.getExitStatus().getExitDescription().lines().findFirst().orElse(""));
        }
        return failures;
    }

    /** The first line of a stored stack trace, its exception named without its package or enclosing class. */
    private static String firstLine(String description) {
        String line = description == null ? "" : description.lines().findFirst().orElse("").strip();
        return line.isEmpty() ? "failed, without a reason stored" : line.replaceFirst("^(?:[a-z_$][\\w$]*\\.)+(?:\\w+\\$)*(?=[A-Z])", "");
    }

    private static Long nullable(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    /** Before the merge has judged a run's imports, the import steps tell what was read. */
    private List<ImportOutcome> fromSteps(JobExecution execution) {
        List<ImportOutcome> outcomes = new ArrayList<>();
        for (StepExecution step : execution.getStepExecutions()) {
            String state = ImportStepFactory.stateOf(step.getStepName());
            if (state != null) {
                long rejected = count("select count(*) from reject where job_instance_id = ? and state = ?",
                        execution.getJobInstance().getInstanceId(), state);
                outcomes.add(new ImportOutcome(state, "", step.getStatus() == BatchStatus.COMPLETED
                        ? ImportOutcome.Status.ACCEPTED : ImportOutcome.Status.FAILED, SourceItemReader.recordsRead(step),
                        step.getWriteCount() - rejected, rejected,
                        step.getStatus() == BatchStatus.COMPLETED ? "not merged yet" : step.getStatus().toString()));
            }
        }
        return outcomes;
    }

    /** The most recent runs, newest first. */
    public List<RunResult> recent(int limit) {
        List<Long> ids = jdbc.queryForList("""
                select job_execution_id from batch_job_execution order by job_execution_id desc
                fetch first ? rows only""", Long.class, limit);
        List<RunResult> results = new ArrayList<>();
        for (Long id : ids) {
            results.add(result(id));
        }
        return results;
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
