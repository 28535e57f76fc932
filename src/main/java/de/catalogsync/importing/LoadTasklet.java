package de.catalogsync.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import de.catalogsync.job.KillPoints;
import de.catalogsync.normalise.Land;
import de.catalogsync.normalise.Offering;

/**
 * Stores one state's sorted runs in key order as the import's blocks ({@link ImportedBlocks}), each block committed
 * on its own; on the way it rejects the second row of each (key, area) pair and counts the offerings per key and
 * maturity and notes each key's smallest name, which the key order makes a single pass. A restart continues behind
 * the last committed block: the merged order is the same every time, so the rows already stored are skipped by
 * count. The runs are deleted once every row the import spilled is stored or among the rejects. While one state loads,
 * the other import threads go on reading and sorting exports.
 */
public class LoadTasklet implements Tasklet, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(LoadTasklet.class);
    private static final int BATCHES_PER_CALL = 20;

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final TransactionTemplate ownTransaction;
    private final Land land;
    private final Path spillRoot;
    private final int batchSize;
    private final Semaphore loads;
    private volatile boolean holdsPermit;
    private Load current;

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

    /**
     * Waits for a permit to write before the step's transaction opens: a load waiting inside it would hold a pooled
     * connection while the one writing needs a second for its batches. (The step registers its tasklet as a
     * listener itself.)
     */
    @Override
    public void beforeStep(StepExecution stepExecution) {
        current = null;
        try {
            loads.acquire();
            holdsPermit = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // execute() then fails the step: it has no permit
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        closeRuns();
        if (holdsPermit) {
            holdsPermit = false;
            loads.release();
        }
        return null;
    }

    /**
     * Loads up to {@value #BATCHES_PER_CALL} batches per call and returns CONTINUABLE until the runs are through:
     * the step commits and updates its execution after each call, which is the run's sign of life for
     * {@code restart} (a run silent for minutes is taken to be dead) and where a stop request is seen.
     */
    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (!holdsPermit) {
            throw new IllegalStateException("interrupted while waiting for another state's load to finish");
        }
        if (current == null) {
            current = start(chunkContext);
            if (current == null) {
                return RepeatStatus.FINISHED;
            }
        }
        Load load = current;
        long stopAt = load.pass.batches + BATCHES_PER_CALL;
        SortedRuns.Row row = null;
        while (load.pass.batches < stopAt && (row = load.merged.next()) != null) {
            load.pass.accept(row);
        }
        if (row != null) {
            return RepeatStatus.CONTINUABLE;
        }
        // checked inside the last transaction: runs that do not add up must not leave a summary behind
        load.pass.finish(() -> {
            if (load.pass.kept + load.pass.duplicates != load.expected) {
                throw new IllegalStateException("the sorted runs of " + land.name() + "'s import in "
                        + load.runs.dir().toAbsolutePath() + " hold " + (load.pass.kept + load.pass.duplicates)
                        + " rows, the import wrote " + load.expected);
            }
        });
        closeRuns();
        contribution.incrementWriteCount(load.pass.kept - load.pass.alreadyInserted);
        load.runs.delete();
        log.debug("{}: {} rows loaded in key order, {} duplicates rejected", land.name(), load.pass.kept,
                load.pass.duplicates);
        return RepeatStatus.FINISHED;
    }

    /** One step execution's load: its runs, open, and where the pass stands. */
    private record Load(SortedRuns runs, SortedRuns.Merged merged, Pass pass, long expected) {
    }

    private void closeRuns() {
        if (current != null) {
            current.merged().close();
            current = null;
        }
    }

    /** Opens the runs and positions the pass, or returns null when there is nothing (left) to load. */
    private Load start(ChunkContext chunkContext) {
        JobInstance instance = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance();
        long instanceId = instance.getInstanceId();
        String state = land.name();
        StepExecution importStep = jobRepository.getLastStepExecution(instance, ImportStepFactory.stepName(state));
        long expected = importStep == null ? 0 : importStep.getExecutionContext().getLong(StagingWriter.SPILLED_KEY, 0L);
        SortedRuns runs = new SortedRuns(spillRoot, instanceId, land);
        long inserted = ImportedBlocks.rows(jdbc, instanceId, state);
        if (!runs.exist()) {
            long duplicates = jdbc.queryForObject("""
                    select count(*) from reject where job_instance_id = ? and state = ? and reason = 'DUPLICATE'""",
                    Long.class, instanceId, state);
            if (inserted + duplicates != expected) {
                throw new IllegalStateException("the sorted runs of " + state + "'s import are missing from "
                        + runs.dir().toAbsolutePath() + " (" + inserted + " of " + expected + " rows loaded); they "
                        + "are needed to finish this run: start a new run instead of restarting this one");
            }
            if (expected == 0) {
                ownTransaction.executeWithoutResult(tx -> ImportedKeys.store(jdbc, instanceId, state, List.of()));
            }
            return null; // loaded before (its runs deleted), or nothing to load
        }
        if (inserted > 0) {
            log.info("{}: resuming the load after row {} of {}", state, inserted, expected);
        }
        // a resumed load finds its duplicates again on the way to where it stopped, and writes them again
        ownTransaction.executeWithoutResult(tx -> jdbc.update(
                "delete from reject where job_instance_id = ? and state = ? and reason = 'DUPLICATE'", instanceId, state));
        return new Load(runs, runs.merged(), new Pass(instanceId, state, inserted,
                ImportedBlocks.lastBlock(jdbc, instanceId, state)), expected);
    }

    /**
     * One pass over the sorted rows: within a state (key, area) is unique, so the first row of each pair (in file
     * order) is kept and the later ones become rejects naming its line; the kept rows are counted per key and
     * maturity for the merged catalogue, with each key's smallest name ({@link ImportedKeys}). Rows up to
     * {@code alreadyInserted} were committed by an earlier attempt: they are only counted again.
     */
    private final class Pass {

        private final long instanceId;
        private final String state;
        private final long alreadyInserted;
        private final KeyTally keys = new KeyTally();
        private final ImportedBlocks.BlockWriter blocks;
        private final List<Object[]> rejects = new ArrayList<>();
        private String leistungsschluessel; // of the last row kept: with its id and area, what a duplicate repeats
        private String sourceId;
        private String gebiet;
        private long firstLine;
        private long kept;
        private long duplicates;
        private long batches;

        Pass(long instanceId, String state, long alreadyInserted, long lastBlock) {
            this.instanceId = instanceId;
            this.state = state;
            this.alreadyInserted = alreadyInserted;
            this.blocks = new ImportedBlocks.BlockWriter(instanceId, state, batchSize, lastBlock);
        }

        void accept(SortedRuns.Row row) {
            OfferingCodec.Head o = row.head();
            if (o.gebietId().equals(gebiet) && Objects.equals(o.leistungsschluessel(), leistungsschluessel)
                    && (leistungsschluessel != null || o.sourceId().equals(sourceId))) {
                duplicates++;
                rejects.add(duplicateReject(row.offering(), firstLine));
                if (rejects.size() == batchSize) {
                    ownTransaction.executeWithoutResult(tx -> write()); // long runs of duplicates stay bounded too
                }
                return;
            }
            leistungsschluessel = o.leistungsschluessel();
            sourceId = o.sourceId();
            gebiet = o.gebietId();
            firstLine = o.line();
            keys.add(leistungsschluessel, o.reifegrad(), o.bezeichnung(), o.ozgId());
            if (++kept <= alreadyInserted) {
                return;
            }
            if (blocks.add(row.bytes())) {
                ownTransaction.executeWithoutResult(tx -> write());
                KillPoints.reached("load", ++batches);
            }
        }

        void finish(Runnable check) {
            ownTransaction.executeWithoutResult(tx -> {
                check.run();
                write();
                ImportedKeys.store(jdbc, instanceId, state, keys.keys());
            });
        }

        private void write() {
            blocks.store(jdbc);
            if (!rejects.isEmpty()) {
                jdbc.batchUpdate(StagingWriter.INSERT_REJECT, rejects);
            }
            rejects.clear();
        }

        private Object[] duplicateReject(Offering o, long firstLineOfPair) {
            String bezeichnung = o.bezeichnung() == null ? "" : o.bezeichnung();
            return new Object[] {instanceId, state, o.provenance().seq(), o.provenance().file(), o.provenance().line(),
                    "DUPLICATE", "second row for leistungsschluessel/id " + o.identity() + " and gebietId "
                    + o.gebietId() + "; the first is line " + firstLineOfPair,
                    o.identity() + ";" + o.gebietId() + ";" + bezeichnung};
        }
    }
}
