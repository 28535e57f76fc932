package de.catalogsync.job;

import java.util.List;
import java.util.OptionalLong;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;

import de.catalogsync.merge.Decisions;

/**
 * One run at a time per database: two runs (the scheduler's sync and an administrator's import, from two processes
 * on one PostgreSQL) would both point the states at their imports and rebuild the merged tables and the published
 * files. A run that starts while an earlier run (a lower execution id) still lives ends at once, FAILED, before any
 * step. The lower id wins, so of two runs that start at the same moment exactly one goes on; an earlier run whose
 * process is dead (see {@link RunLiveness}) does not hold anything up.
 * <p>
 * Runs also go in order: a run that a later-started run has overtaken ({@link Decisions}) does not run again, by
 * whatever way it is restarted ({@code restart} refuses it first with the same reason; {@code sync --run-date} of its
 * night would otherwise restart it).
 */
public class OneRunAtATime implements JobExecutionListener {

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final RunLiveness liveness;

    public OneRunAtATime(JdbcTemplate jdbc, JobRepository jobRepository, RunLiveness liveness) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.liveness = liveness;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        OptionalLong later = Decisions.overtakingRun(jdbc, jobExecution.getJobInstance().getInstanceId());
        if (later.isPresent()) {
            throw new IllegalStateException("this run was overtaken: " + Decisions.because(later.getAsLong())
                    + ". It did nothing: start a new run instead");
        }
        List<Long> earlier = jdbc.queryForList("""
                select job_execution_id from batch_job_execution
                where status in ('STARTING', 'STARTED', 'STOPPING') and job_execution_id < ?
                order by job_execution_id""", Long.class, jobExecution.getId());
        for (Long id : earlier) {
            JobExecution other = jobRepository.getJobExecution(id);
            if (other != null && other.getStatus().isRunning() && liveness.isAlive(other)) {
                throw new IllegalStateException("run " + id + " (" + other.getJobInstance().getJobName() + ", started "
                        + other.getStartTime() + ") is still running on this database, and runs go one at a time: this "
                        + "run did nothing. Start it again when run " + id + " has ended, or stop that one (stop " + id
                        + ")");
            }
        }
    }
}
