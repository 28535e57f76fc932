package de.catalogsync.importing;

import java.nio.file.Path;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
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
 * Builds the import step of one state: read its export, normalise every row, stage offerings and rejects in
 * chunks. A file that cannot be read fails this step only; the job goes on with the other states.
 */
@Component
public class ImportStepFactory {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final CatalogProperties properties;
    private final ImportProgressFactory progressFactory;
    private final ObservationRegistry observations;

    public ImportStepFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             JdbcTemplate jdbc, CatalogProperties properties, ImportProgressFactory progressFactory,
                             ObjectProvider<ObservationRegistry> observations) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.properties = properties;
        this.progressFactory = progressFactory;
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
    }

    private static final String STEP_PREFIX = "import-";

    public static String stepName(String state) {
        return STEP_PREFIX + state.toUpperCase(java.util.Locale.ROOT);
    }

    /** The state an import step imports, or null when the step is no import step. */
    public static String stateOf(String stepName) {
        return stepName.startsWith(STEP_PREFIX) ? stepName.substring(STEP_PREFIX.length()) : null;
    }

    public Step importStep(SourceProperties source) {
        return importStep(source, source.location());
    }

    public Step importStep(SourceProperties source, Path file) {
        String state = source.land().name();
        JobInstanceHolder instance = new JobInstanceHolder();
        Runnable clearStaged = () -> {
            jdbc.update("delete from imported_offering where job_instance_id = ? and state = ?", instance.get(), state);
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
                .writer(new StagingWriter(jdbc, source.land(), instance))
                .listener(instance)
                .build();
    }
}
