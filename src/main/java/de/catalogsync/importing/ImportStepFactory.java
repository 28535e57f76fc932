package de.catalogsync.importing;

import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.observation.ObservationRegistry;

import de.catalogsync.config.CatalogProperties;
import de.catalogsync.config.SourceProperties;
import de.catalogsync.normalise.NormalisationResult;
import de.catalogsync.normalise.Normaliser;
import de.catalogsync.sources.RecordSources;
import de.catalogsync.sources.SourceRecord;

/**
 * Builds the import of one state: read its export, normalise every row, spill offerings as sorted runs and stage
 * rejects in chunks; then load the runs in key order. A file that cannot be read fails this state only; the job goes
 * on with the other states.
 */
@Component
public class ImportStepFactory {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final CatalogProperties properties;
    private final ImportProgressFactory progressFactory;
    private final ObservationRegistry observations;
    /** Shared by every state's load: how many write to the database at once. */
    private final Semaphore loads;

    public ImportStepFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             JdbcTemplate jdbc, CatalogProperties properties, ImportProgressFactory progressFactory,
                             ObjectProvider<ObservationRegistry> observations) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.properties = properties;
        this.progressFactory = progressFactory;
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        this.loads = new Semaphore(properties.loadThreads(), true);
    }

    private static final String STEP_PREFIX = "import-";
    private static final String LOAD_PREFIX = "load-";

    public static String stepName(String state) {
        return STEP_PREFIX + state.toUpperCase(java.util.Locale.ROOT);
    }

    /** The step that loads a state's sorted runs into the staging table. */
    public static String loadStepName(String state) {
        return LOAD_PREFIX + state.toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether the step is one of a state's own: its import or its load. */
    public static boolean isStateStep(String stepName) {
        return stepName.startsWith(STEP_PREFIX) || stepName.startsWith(LOAD_PREFIX);
    }

    /** The state an import step imports, or null when the step is no import step. */
    public static String stateOf(String stepName) {
        return stepName.startsWith(STEP_PREFIX) ? stepName.substring(STEP_PREFIX.length()) : null;
    }

    /**
     * One state's import: read, normalise and spill its export in chunks, then, if that completed, load the sorted
     * rows. Whatever becomes of either step, the flow ends (a state fails alone); the merge judges both.
     */
    public Flow importFlow(SourceProperties source) {
        Step read = importStep(source, source.location());
        Step load = loadStep(source);
        return new FlowBuilder<Flow>(read.getName())
                .start(read).on("COMPLETED").to(load).on("*").end()
                .from(read).on("*").end()
                .build();
    }

    Step loadStep(SourceProperties source) {
        return new StepBuilder(loadStepName(source.land().name()), jobRepository)
                .observationRegistry(observations)
                .tasklet(new LoadTasklet(jdbc, jobRepository, transactionManager, source.land(),
                        properties.spillDir(), properties.chunkSize(), loads), transactionManager)
                .build();
    }

    Step importStep(SourceProperties source, Path file) {
        String state = source.land().name();
        JobInstanceHolder instance = new JobInstanceHolder();
        StagingWriter writer = new StagingWriter(jdbc, source.land(), instance, properties.spillDir());
        Consumer<ExecutionContext> clearStaged = context -> {
            writer.startOver(context);
            ImportedBlocks.delete(jdbc, instance.get(), state);
            jdbc.update("delete from reject where job_instance_id = ? and state = ?", instance.get(), state);
        };
        SourceItemReader reader = new SourceItemReader(file, f -> RecordSources.open(source, f), clearStaged,
                progressFactory.forState(state));
        Normaliser normaliser = new Normaliser(source);
        return new StepBuilder(stepName(state), jobRepository)
                .observationRegistry(observations)
                .<SourceRecord, NormalisationResult>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(normaliser::normalise)
                .writer(writer)
                .listener(instance)
                .build();
    }
}
