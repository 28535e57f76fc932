package de.catalogsync.job;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.MDC;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What every run carries while it runs: its id in every log line (the log pattern prints %X{run}); the host and
 * process that run it, in the repository, so that a later {@code restart} can tell a killed run from a live one;
 * and a shutdown hook, so that SIGTERM stops the run cleanly (restartable) instead of cutting it off.
 */
@Component
public class RunLogContext implements JobExecutionListener {

    public static final String KEY = "run";
    public static final String OWNER_HOST = "owner.host";
    public static final String OWNER_PID = "owner.pid";

    private final ObjectProvider<JobOperator> jobOperator;
    private final ObjectProvider<JobRepository> jobRepository;
    private final Map<Long, Thread> shutdownHooks = new ConcurrentHashMap<>();

    public RunLogContext(ObjectProvider<JobOperator> jobOperator, ObjectProvider<JobRepository> jobRepository) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        MDC.put(KEY, "run " + jobExecution.getId());
        jobExecution.getExecutionContext().putString(OWNER_HOST, hostName());
        jobExecution.getExecutionContext().putLong(OWNER_PID, ProcessHandle.current().pid());
        jobRepository.getObject().updateExecutionContext(jobExecution);
        Thread hook = new GracefulStop(jobExecution, jobOperator.getObject(), jobRepository.getObject());
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            shutdownHooks.put(jobExecution.getId(), hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        MDC.remove(KEY);
        Thread hook = shutdownHooks.remove(jobExecution.getId());
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook is running and waits for this run to end
            }
        }
    }

    /**
     * On SIGTERM: asks the run to stop after its current chunk and waits for it to end, so that the repository
     * says STOPPED and a restart continues where it stopped. (Spring Batch's own hook only asks, and the JVM
     * halts before the run has ended.)
     */
    static final class GracefulStop extends Thread {

        private static final long WAIT_MILLIS = Long.getLong("catalog.stop-timeout-ms", 60_000L);
        private final JobExecution execution;
        private final JobOperator operator;
        private final JobRepository repository;

        GracefulStop(JobExecution execution, JobOperator operator, JobRepository repository) {
            super("catalog-sync-graceful-stop-" + execution.getId());
            this.execution = execution;
            this.operator = operator;
            this.repository = repository;
        }

        @Override
        public void run() {
            org.slf4j.LoggerFactory.getLogger(RunLogContext.class).info("shutdown signal: stopping run {}", execution.getId());
            try {
                // Spring Batch's stop() marks this JVM's own run STOPPED at once, and the still running step then
                // writes it back; asking the running step itself to end at its next chunk boundary is clean.
                execution.getStepExecutions().stream().filter(step -> step.getStatus().isRunning())
                        .forEach(step -> step.setTerminateOnly());
                execution.setStatus(BatchStatus.STOPPING);
                long deadline = System.currentTimeMillis() + WAIT_MILLIS;
                while (System.currentTimeMillis() < deadline) {
                    JobExecution persisted = repository.getJobExecution(execution.getId());
                    if (persisted == null || persisted.getEndTime() != null) {
                        return;
                    }
                    Thread.sleep(100);
                }
                System.err.println("run " + execution.getId() + " did not stop within " + WAIT_MILLIS + " ms");
            } catch (Throwable e) {
                // the logging system may already be shut down: say it where an operator still sees it
                System.err.println("run " + execution.getId() + " could not be stopped cleanly: " + e);
            }
        }
    }

    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
