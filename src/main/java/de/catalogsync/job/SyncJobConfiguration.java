package de.catalogsync.job;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.slf4j.MDC;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;

import de.catalogsync.config.CatalogProperties;
import de.catalogsync.config.SourceProperties;

/**
 * The nightly sync: one import step per configured state (a state that fails does not stop the others), then
 * the merge, then the publish. No incrementer: the run-date parameter identifies a night's run.
 * <p>
 * The states import in parallel, at most {@code catalog.import-threads} at a time (a split flow). Each state stages
 * its rows under its own key, and the merge settles the states in configured order and rebuilds the catalogue in
 * SQL with fixed orderings, so the result does not depend on which state finished first.
 */
@Configuration
public class SyncJobConfiguration {

    @Bean
    public Job catalogSyncJob(CatalogJobs jobs) {
        return jobs.syncJob();
    }

    @Bean
    public OneRunAtATime oneRunAtATime(JdbcTemplate jdbc, JobRepository jobRepository, RunLiveness liveness) {
        return new OneRunAtATime(jdbc, jobRepository, liveness);
    }

    @Bean
    public RunHeartbeat runHeartbeat(JdbcTemplate jdbc, CatalogProperties properties) {
        // halt, not exit: exiting would wait for the job's thread, which a closed H2 store never lets go (exit code 1,
        // as for a run that failed)
        return new RunHeartbeat(jdbc, properties.heartbeatInterval(), () -> Runtime.getRuntime().halt(1));
    }

    /**
     * Every import ends its own flow whatever became of it (a state fails alone); the flows run on the executor,
     * and the merge starts when all of them have ended.
     */
    static Flow importsThenMerge(List<Flow> flows, Step merge, TaskExecutor executor) {
        return new FlowBuilder<Flow>("imports")
                .split(executor)
                .add(flows.toArray(Flow[]::new))
                .next(merge)
                .build();
    }

    /** One thread: the states import one after the other in configured order, on the job's own thread. */
    static TaskExecutor importExecutor(int threads) {
        if (threads <= 1) {
            return new SyncTaskExecutor();
        }
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("import-");
        executor.setConcurrencyLimit(threads); // the split waits for a free thread before it starts the next state
        executor.setTaskDecorator(SyncJobConfiguration::withRunLogContext);
        return executor;
    }

    /** The import threads log with the run's id too (the MDC is per thread). */
    static Runnable withRunLogContext(Runnable task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                task.run();
            } finally {
                MDC.clear();
            }
        };
    }

    /**
     * The order in which the states start: configured order on one thread; with more, the biggest exports first, so
     * that a big one left for last does not keep one thread busy alone while the other idles.
     */
    static List<SourceProperties> importOrder(List<SourceProperties> sources, int threads) {
        if (threads <= 1) {
            return sources;
        }
        List<SourceProperties> order = new ArrayList<>(sources);
        order.sort(Comparator.comparingLong(SyncJobConfiguration::sizeOf).reversed()); // stable: ties keep config order
        return order;
    }

    private static long sizeOf(SourceProperties source) {
        try {
            return source.location() == null ? 0 : Files.size(source.location());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
