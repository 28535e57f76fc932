package de.catalogsync.job;

import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.observation.ObservationRegistry;

import de.catalogsync.config.CatalogProperties;
import de.catalogsync.config.SourceProperties;
import de.catalogsync.importing.ImportStepFactory;
import de.catalogsync.merge.MergeTasklet;
import de.catalogsync.merge.StateImports;
import de.catalogsync.publish.CatalogueReader;
import de.catalogsync.publish.ChangeFiles;
import de.catalogsync.publish.PublishTasklet;
import de.catalogsync.publish.RejectFiles;
import de.catalogsync.reference.LeikaReference;

/**
 * Builds the catalogue jobs: the nightly sync of every configured state, and the manual import of one state's
 * file. Both are import steps, then the merge, then the publish; they differ only in which states they import.
 */
@Component
public class CatalogJobs {

    public static final String SYNC_JOB = "catalogSync";
    public static final String IMPORT_JOB = "catalogImport";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final ImportStepFactory importSteps;
    private final CatalogProperties properties;
    private final JdbcTemplate jdbc;
    private final LeikaReference reference;
    private final StateImports stateImports;
    private final CatalogueReader catalogueReader;
    private final RejectFiles rejectFiles;
    private final ChangeFiles changeFiles;
    private final RunLogContext runLogContext;
    private final RunHeartbeat heartbeat;
    private final OneRunAtATime oneRunAtATime;
    private final ObservationRegistry observations;

    public CatalogJobs(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                       ImportStepFactory importSteps, CatalogProperties properties, JdbcTemplate jdbc,
                       LeikaReference reference, StateImports stateImports, CatalogueReader catalogueReader,
                       RejectFiles rejectFiles, ChangeFiles changeFiles, RunLogContext runLogContext,
                       RunHeartbeat heartbeat, OneRunAtATime oneRunAtATime,
                       ObjectProvider<ObservationRegistry> observations) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.importSteps = importSteps;
        this.properties = properties;
        this.jdbc = jdbc;
        this.reference = reference;
        this.stateImports = stateImports;
        this.catalogueReader = catalogueReader;
        this.rejectFiles = rejectFiles;
        this.changeFiles = changeFiles;
        this.runLogContext = runLogContext;
        this.heartbeat = heartbeat;
        this.oneRunAtATime = oneRunAtATime;
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
    }

    public Job syncJob() {
        List<SourceProperties> sources = properties.sources();
        if (sources.isEmpty()) {
            throw new IllegalStateException("no sources configured: catalog.sources is empty");
        }
        return build(SYNC_JOB, sources, properties.importThreads());
    }

    /** A manual import: the file replaces the state's last import; the other states keep theirs. */
    public Job importJob(SourceProperties sourceWithFile) {
        return build(IMPORT_JOB, List.of(sourceWithFile), 1);
    }

    private static org.springframework.transaction.interceptor.TransactionAttribute readCommitted() {
        var attribute = new org.springframework.transaction.interceptor.DefaultTransactionAttribute();
        attribute.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_READ_COMMITTED);
        return attribute;
    }

    /** @param importThreads how many states import at the same time (catalog.import-threads for the sync) */
    private Job build(String name, List<SourceProperties> sources, int importThreads) {
        Step merge = new StepBuilder("merge", jobRepository)
                .observationRegistry(observations)
                .tasklet(new MergeTasklet(jdbc, jobRepository, properties, sources, reference, stateImports,
                                transactionManager),
                        transactionManager)
                // the decision reads what the merge's own slices committed before it: never a snapshot from earlier
                .transactionAttribute(readCommitted())
                .build();
        Step publish = new StepBuilder("publish", jobRepository)
                .observationRegistry(observations)
                .tasklet(new PublishTasklet(properties, sources, catalogueReader, rejectFiles, changeFiles,
                        jobRepository, jdbc, transactionManager),
                        transactionManager)
                .build();
        int threads = Math.min(importThreads, sources.size());
        List<Flow> imports = SyncJobConfiguration.importOrder(sources, threads).stream()
                .map(importSteps::importFlow).toList();
        return new JobBuilder(name, jobRepository)
                .observationRegistry(observations)
                .listener((JobExecutionListener) runLogContext)
                .listener((JobExecutionListener) heartbeat)
                .listener((JobExecutionListener) oneRunAtATime)
                .start(SyncJobConfiguration.importsThenMerge(imports, merge,
                        SyncJobConfiguration.importExecutor(threads)))
                .next(publish)
                .end()
                .build();
    }
}
