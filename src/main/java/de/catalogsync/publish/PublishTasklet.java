package de.catalogsync.publish;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate readOnly;
    private final TransactionTemplate ownTransaction;

    public PublishTasklet(CatalogProperties properties, List<SourceProperties> sources, CatalogueReader reader,
                          RejectFiles rejectFiles, ChangeFiles changeFiles, JobRepository jobRepository,
                          JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.properties = properties;
        this.sources = sources;
        this.reader = reader;
        this.rejectFiles = rejectFiles;
        this.changeFiles = changeFiles;
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW); // never the step's
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobInstance instance = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance();
        Instant generatedAt = firstStart(instance);
        Path out = properties.outputDir();
        // before the clean-up starts: a first import's change file lists the import's rows, which it may delete
        writeChangeFilesOfOvertakenRuns(instance.getInstanceId(), out, generatedAt);
        ImportCleanup cleanup = ImportCleanup.start(jdbc, instance.getInstanceId(), properties.spillDir());
        try {
            publish(instance, generatedAt, out);
        } finally {
            cleanup.await();
        }
        return RepeatStatus.FINISHED;
    }

    private void publish(JobInstance instance, Instant generatedAt, Path out) throws Exception {
        // the change file reads only what the merge settled: it is written beside the catalogue (a first import's
        // lists every row, a third of the publish when it came after), and shown after it
        CompletableFuture<AtomicFile> changes = Beside.start("change-file-" + instance.getInstanceId(),
                () -> prepareChangeFile(out, instance.getInstanceId(), generatedAt));
        try {
            CatalogueReader.Totals totals = publishCatalogue(instance, generatedAt, out);
            try (AtomicFile changeFile = Beside.await(changes)) {
                changeFile.commit();
            }
            changeFiles.written(instance.getInstanceId(), instance.getInstanceId());
            jdbc.update("delete from publication where job_instance_id = ?", instance.getInstanceId());
            jdbc.update("""
                    insert into publication (job_instance_id, generated_at, merged_keys, local_services, offerings)
                    values (?, ?, ?, ?, ?)""", instance.getInstanceId(), Timestamp.from(generatedAt),
                    totals.services(), totals.localServices(), totals.offerings());
            log.info("published {} merged services, {} state-local services, {} offerings to {}",
                    totals.services(), totals.localServices(), totals.offerings(), out.toAbsolutePath());
        } catch (Exception | Error e) {
            // the change file must not outlive a failed publish, nor its writer go on alone
            try (AtomicFile unused = awaitQuietly(changes)) {
                throw e;
            }
        }
    }

    /**
     * The change files of earlier runs that decided but never published: they failed after their merge, and this run
     * went past them instead of restarting them (which {@code restart} now refuses). Each is written as its own
     * publish would have, and before this run's own, so that a consumer who reads only change files misses none of
     * their changes.
     */
    private void writeChangeFilesOfOvertakenRuns(long run, Path out, Instant runGeneratedAt) throws Exception {
        for (long earlier : changeFiles.unwritten(run)) {
            JobInstance overtaken = jobRepository.getJobInstance(earlier);
            // an instance unknown here (a repository edited by hand) takes this run's time, which a restart keeps
            Instant generatedAt = overtaken == null ? runGeneratedAt : firstStart(overtaken);
            AtomicFile prepared;
            try {
                prepared = prepareChangeFile(out, earlier, generatedAt);
            } catch (CompletionException e) {
                if (e.getCause() instanceof ChangeFiles.RowsGoneException gone) {
                    // nothing brings the rows back: failing here would hold up every later publish for good
                    log.error("the change file {} of run {}, which decided but never published, cannot be written: {}. "
                            + "It is recorded as lost (table change_file), and this publish goes on",
                            ChangeFiles.fileName(earlier), earlier, gone.getMessage());
                    ownTransaction.executeWithoutResult(tx -> changeFiles.lost(earlier, run, gone.getMessage()));
                    continue;
                }
                throw e.getCause() instanceof Exception cause ? cause : e; // fails the step as itself
            }
            try (AtomicFile file = prepared) {
                file.commit();
            }
            // committed now, not with the step: the clean-up may delete the imports the file lists, and a restart of
            // a publish that fails later must not write it again from what is left
            ownTransaction.executeWithoutResult(tx -> changeFiles.written(earlier, run));
            log.warn("run {} decided but never published, and this run went past it: its change file {} is written now",
                    earlier, ChangeFiles.fileName(earlier));
        }
    }

    /** In a read-only transaction of its own: one connection, so that its reads stream (see LazyResults). */
    private AtomicFile prepareChangeFile(Path out, long publication, Instant generatedAt) {
        return readOnly.execute(tx -> {
            try {
                return changeFiles.prepare(out, publication, generatedAt);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    private CatalogueReader.Totals publishCatalogue(JobInstance instance, Instant generatedAt, Path out)
            throws Exception {
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
        return totals;
    }

    /** The change file once its writer has ended, or null if it failed. */
    private static AtomicFile awaitQuietly(CompletableFuture<AtomicFile> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.thenAccept(file -> {
                try {
                    file.close(); // not committed: deletes its temporary copy
                } catch (java.io.IOException ignored) {
                    // nothing was shown; a restarted publish writes it again
                }
            });
            return null;
        } catch (ExecutionException e) {
            return null;
        }
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
