package de.catalogsync.job;

import org.slf4j.MDC;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/** Puts the run id into every log line of a run (the log pattern prints %X{run}). */
@Component
public class RunLogContext implements JobExecutionListener {

    public static final String KEY = "run";

    @Override
    public void beforeJob(JobExecution jobExecution) {
        MDC.put(KEY, "run " + jobExecution.getId());
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        MDC.remove(KEY);
    }
}
