package de.catalogsync.publish;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import de.catalogsync.config.CatalogProperties;
import de.catalogsync.config.SourceProperties;

/**
 * Publishes the merged catalogue as XML (with its XSD beside it), CSV and JSON, and each state's rejects. Every
 * file is replaced atomically. The generation timestamp is the start of the run's first attempt, so a restarted
 * run publishes the same bytes as one that was never interrupted.
 */
public class PublishTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PublishTasklet.class);

    private final CatalogProperties properties;
    private final List<SourceProperties> sources;
    private final CatalogueReader reader;
    private final RejectFiles rejectFiles;
    private final ChangeFiles changeFiles;
    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;

    public PublishTasklet(CatalogProperties properties, List<SourceProperties> sources, CatalogueReader reader,
                          RejectFiles rejectFiles, ChangeFiles changeFiles, JobRepository jobRepository,
                          JdbcTemplate jdbc) {
        this.properties = properties;
        this.sources = sources;
        this.reader = reader;
        this.rejectFiles = rejectFiles;
        this.changeFiles = changeFiles;
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobInstance instance = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance();
        Instant generatedAt = firstStart(instance);
        Path out = properties.outputDir();
        ImportCleanup cleanup = ImportCleanup.start(jdbc, instance.getInstanceId(), properties.spillDir());
        try {
            publish(instance, generatedAt, out);
        } finally {
            cleanup.await();
        }
        return RepeatStatus.FINISHED;
    }

    private void publish(JobInstance instance, Instant generatedAt, Path out) throws Exception {
        CatalogueReader.Totals totals;
        try (TeeSink sink = new TeeSink(List.of(
                new XmlCatalogueSink(new AtomicFile(out.resolve("merged-catalogue.xml"))),
                new CsvCatalogueSink(new AtomicFile(out.resolve("merged-catalogue.csv"))),
                new JsonCatalogueSink(new AtomicFile(out.resolve("merged-catalogue.json")))))) {
            totals = reader.read(generatedAt, sink);
        }
        try (InputStream xsd = new ClassPathResource(XmlCatalogueSink.XSD_RESOURCE).getInputStream()) {
            AtomicFile.write(out.resolve(XmlCatalogueSink.XSD_FILE), xsd.readAllBytes());
        }
        for (SourceProperties source : sources) {
            rejectFiles.write(out, instance.getInstanceId(), source.land().name());
        }
        changeFiles.write(out, instance.getInstanceId(), generatedAt);
        jdbc.update("delete from publication where job_instance_id = ?", instance.getInstanceId());
        jdbc.update("""
                insert into publication (job_instance_id, generated_at, merged_keys, local_services, offerings)
                values (?, ?, ?, ?, ?)""", instance.getInstanceId(), Timestamp.from(generatedAt), totals.services(),
                totals.localServices(), totals.offerings());
        log.info("published {} merged services, {} state-local services, {} offerings to {}", totals.services(),
                totals.localServices(), totals.offerings(), out.toAbsolutePath());
    }

    private Instant firstStart(JobInstance instance) {
        return jobRepository.getJobExecutions(instance).stream()
                .map(JobExecution::getCreateTime)
                .filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder())
                .map(t -> t.atZone(ZoneId.systemDefault()).toInstant())
                .orElseGet(Instant::now)
                .truncatedTo(ChronoUnit.SECONDS);
    }
}
