package de.catalogsync.importing;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import de.catalogsync.job.KillPoints;
import de.catalogsync.normalise.Land;
import de.catalogsync.normalise.Offering;

/**
 * Loads one state's sorted runs into the staging table in key order, numbering the rows (pos) in that order, in
 * batches that commit on their own. A restart continues behind the last committed row: the merged order is the
 * same every time, so the rows already loaded are skipped by count. The runs are deleted once every row the import
 * spilled is in the table. While one state loads, the other import threads go on reading and sorting exports.
 */
public class LoadTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(LoadTasklet.class);

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final TransactionTemplate ownTransaction;
    private final Land land;
    private final Path spillRoot;
    private final int batchSize;
    private final Semaphore loads;

    /** @param loads permits to write to the database, shared by the states' loads (catalog.load-threads) */
    public LoadTasklet(JdbcTemplate jdbc, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                       Land land, Path spillRoot, int batchSize, Semaphore loads) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.land = land;
        this.spillRoot = spillRoot;
        this.batchSize = batchSize;
        this.loads = loads;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws InterruptedException {
        loads.acquire();
        try {
            return load(contribution, chunkContext);
        } finally {
            loads.release();
        }
    }

    private RepeatStatus load(StepContribution contribution, ChunkContext chunkContext) {
        JobInstance instance = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance();
        long instanceId = instance.getInstanceId();
        String state = land.name();
        StepExecution importStep = jobRepository.getLastStepExecution(instance, ImportStepFactory.stepName(state));
        long expected = importStep == null ? 0 : importStep.getExecutionContext().getLong(StagingWriter.SPILLED_KEY, 0L);
        SortedRuns runs = new SortedRuns(spillRoot, instanceId, land);
        long before = loaded(instanceId, state);
        long loaded = before;
        if (loaded < expected) {
            if (!runs.exist()) {
                throw new IllegalStateException("the sorted runs of " + state + "'s import are missing from "
                        + runs.dir().toAbsolutePath() + " (" + loaded + " of " + expected + " rows loaded); they are "
                        + "needed to finish this run: start a new run instead of restarting this one");
            }
            if (loaded > 0) {
                log.info("{}: resuming the load after row {} of {}", state, loaded, expected);
            }
            try (SortedRuns.Merged merged = runs.merged()) {
                for (long skipped = 0; skipped < loaded; skipped++) {
                    merged.next();
                }
                List<Offering> batch = new ArrayList<>(batchSize);
                long batches = 0;
                for (Offering o = merged.next(); o != null; o = merged.next()) {
                    batch.add(o);
                    if (batch.size() == batchSize) {
                        loaded += insert(instanceId, state, loaded + 1, batch);
                        batch.clear();
                        KillPoints.reached("load", ++batches);
                    }
                }
                loaded += insert(instanceId, state, loaded + 1, batch);
            }
            if (loaded != expected) {
                throw new IllegalStateException("the sorted runs of " + state + "'s import in "
                        + runs.dir().toAbsolutePath() + " hold " + loaded + " rows, the import wrote " + expected);
            }
        }
        contribution.incrementWriteCount(loaded - before);
        runs.delete();
        log.debug("{}: {} rows loaded in key order", state, loaded - before);
        return RepeatStatus.FINISHED;
    }

    /** Rows of this import already in the table: the highest position, as rows are numbered 1, 2, ... in order. */
    private long loaded(long instanceId, String state) {
        Long last = jdbc.query("""
                select pos from imported_offering where job_instance_id = ? and state = ?
                order by pos desc fetch first 1 rows only""", rs -> rs.next() ? rs.getLong(1) : null, instanceId, state);
        return last == null ? 0 : last;
    }

    private int insert(long instanceId, String state, long firstPos, List<Offering> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        ownTransaction.executeWithoutResult(tx -> jdbc.batchUpdate(StagingWriter.INSERT_STAGED,
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        StagingWriter.bindOffering(ps, instanceId, state, firstPos + i, batch.get(i));
                    }

                    @Override
                    public int getBatchSize() {
                        return batch.size();
                    }
                }));
        return batch.size();
    }
}
