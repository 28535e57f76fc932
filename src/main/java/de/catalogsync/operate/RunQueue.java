package de.catalogsync.operate;

import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import io.micrometer.observation.ObservationRegistry;

/**
 * Runs jobs one at a time in the background while serving: a nightly run never overlaps a manual import, and
 * an HTTP request gets its run id at once. Runs wait in order; the repository shows a waiting run as STARTING.
 */
@Component
@ConditionalOnProperty(name = "catalog.serve.enabled", havingValue = "true")
public class RunQueue implements AutoCloseable {

    private final ThreadPoolTaskExecutor executor;
    private final TaskExecutorJobOperator operator;

    public RunQueue(JobRepository jobRepository, ObjectProvider<JobRegistry> jobRegistry,
                    ObjectProvider<ObservationRegistry> observations) throws Exception {
        executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("catalog-run-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        operator = new TaskExecutorJobOperator();
        operator.setJobRepository(jobRepository);
        // Jobs are passed in, never looked up by name, but the operator insists on a registry.
        operator.setJobRegistry(jobRegistry.getIfAvailable(MapJobRegistry::new));
        observations.ifAvailable(operator::setObservationRegistry);
        operator.setTaskExecutor(executor);
        operator.afterPropertiesSet();
    }

    /** Queues the run (or, for parameters of a failed run, its restart) and returns its execution. */
    public JobExecution submit(Job job, JobParameters parameters) throws Exception {
        return operator.start(job, parameters);
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
