package de.catalogsync.merge;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInstance;
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

import de.catalogsync.config.CatalogProperties;
import de.catalogsync.config.SourceProperties;
import de.catalogsync.importing.ImportedBlocks;
import de.catalogsync.importing.ImportStepFactory;
import de.catalogsync.reference.LeikaReference;
import de.catalogsync.importing.JobInstanceHolder;
import de.catalogsync.importing.SourceItemReader;
import de.catalogsync.job.KillPoints;
import de.catalogsync.publish.LazyResults;

/**
 * Decides per state whether its import is published, points the accepted states at their new import and rebuilds
 * the merged catalogue, in set-based SQL. The work that grows with the rows (change records, {@link ChangeRecorder})
 * is done first, in batches that commit on their own and that a restart simply repeats; the decision itself (the states'
 * pointers, their outcomes and the merged tables) is one small transaction: a crash leaves either the old catalogue
 * or the new one, never half of it.
 */
public class MergeTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(MergeTasklet.class);

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final CatalogProperties properties;
    private final List<SourceProperties> sources;
    private final LeikaReference reference;
    private final StateImports stateImports;
    private final ShrinkGuard shrinkGuard;
    private final TransactionTemplate ownTransaction;

    public MergeTasklet(JdbcTemplate jdbc, JobRepository jobRepository, CatalogProperties properties,
                        List<SourceProperties> sources, LeikaReference reference, StateImports stateImports,
                        PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jobRepository = jobRepository;
        this.properties = properties;
        this.sources = sources;
        this.reference = reference;
        this.stateImports = stateImports;
        this.shrinkGuard = new ShrinkGuard(properties.shrinkGuard().minShare());
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobInstance instance = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance();
        long instanceId = instance.getInstanceId();
        if (count("select count(*) from import_result where job_instance_id = ?", instanceId) > 0) {
            // the decision committed, but the step's end was not recorded (a crash in between): nothing is left to do
            log.info("the merge of run {} committed before; not repeated", instanceId);
            return RepeatStatus.FINISHED;
        }
        // the job refuses an overtaken run before its first step; this is for one overtaken while it ran, which only
        // two processes that took each other for dead could do: it must not decide over the newer run's decision
        OptionalLong later = Decisions.overtakingRun(jdbc, instanceId);
        if (later.isPresent()) {
            throw new IllegalStateException("this run was overtaken while it ran: " + Decisions.because(later.getAsLong())
                    + ". It decides nothing: start a new run");
        }
        ShrinkAcceptance acceptShrink = ShrinkAcceptance.parse(chunkContext.getStepContext().getStepExecution()
                .getJobExecution().getJobParameters().getString(ShrinkAcceptance.PARAMETER));
        List<Settled> settled = new ArrayList<>();
        for (SourceProperties source : sources) {
            settled.add(settle(instance, source, acceptShrink));
            KillPoints.reached("merge-prepared", settled.size()); // its batches committed, nothing decided yet
        }
        // from here on, one transaction: the step's
        Timestamp now = Timestamp.from(Instant.now());
        long merged = 0;
        for (Settled s : settled) {
            ImportOutcome outcome = s.outcome();
            if (outcome.status() == ImportOutcome.Status.ACCEPTED) {
                pointAtImport(instanceId, outcome.state(), outcome.imported(), now);
            } else {
                keepLastGood(instanceId, outcome.state(), outcome.reason());
            }
            KillPoints.reached("merge", ++merged);
            stateImports.record(instanceId, outcome);
            if (s.firstImport()) {
                jdbc.update("update import_result set all_added = true where job_instance_id = ? and state = ?",
                        instanceId, outcome.state());
            }
            log.info("{}: {} (read {}, imported {}, rejected {}){}", outcome.state(), outcome.status(), outcome.read(),
                    outcome.imported(), outcome.rejected(), outcome.reason() == null ? "" : ": " + outcome.reason());
        }
        reference.refresh(jdbc);
        rebuildMergedCatalogue();
        warnOfOvertakenRuns(instanceId);
        return RepeatStatus.FINISHED;
    }

    /**
     * Failed or stopped runs started before this one that no run had overtaken yet: this decision overtakes them
     * ({@link Decisions}), so they can no longer restart. Said in the log, since an operator may have meant to restart
     * one (a manual import of one state overtakes a failed sync too).
     */
    private void warnOfOvertakenRuns(long instanceId) {
        var runs = jdbc.queryForList("""
                select e.job_execution_id, e.status, e.job_instance_id from batch_job_execution e
                where e.job_instance_id < ?
                  and e.job_execution_id = (select max(x.job_execution_id) from batch_job_execution x
                                            where x.job_instance_id = e.job_instance_id)
                  and e.status not in ('COMPLETED', 'ABANDONED')
                order by 1""", instanceId);
        for (var run : runs) {
            long instance = ((Number) run.get("job_instance_id")).longValue();
            if (Decisions.overtakenBy(jdbc, instance).orElse(-1) != instanceId) {
                continue; // an earlier decision overtook it already
            }
            long id = ((Number) run.get("job_execution_id")).longValue();
            boolean decided = count("select count(*) from import_result where job_instance_id = ?", instance) > 0;
            log.warn("this run overtakes run {} ({}), which started before it: run {} can no longer restart{}", id,
                    run.get("status"), id, decided ? "; this run's publish writes its change file" : "");
        }
    }

    /** A state's decided import; a first import is one of a state that had no accepted import before. */
    private record Settled(ImportOutcome outcome, boolean firstImport) {
    }

    /**
     * Decides one state's import. Change records are written in transactions of their own, before
     * the decision; the import's rows become the state's offerings only when the step's transaction commits.
     */
    private Settled settle(JobInstance instance, SourceProperties source, ShrinkAcceptance acceptShrink) {
        String state = source.land().name();
        long instanceId = instance.getInstanceId();
        String file = String.valueOf(source.location());
        StepExecution step = jobRepository.getLastStepExecution(instance, ImportStepFactory.stepName(state));
        if (step == null || step.getStatus() != BatchStatus.COMPLETED) {
            String reason = step == null ? "the import did not run" : failureOf(step);
            long read = step == null ? 0 : SourceItemReader.recordsRead(step);
            long rejected = count("select count(*) from reject where job_instance_id = ? and state = ?", instanceId, state);
            return refused(state, file, read, 0, rejected, reason);
        }
        StepExecution load = jobRepository.getLastStepExecution(instance, ImportStepFactory.loadStepName(state));
        if (load == null || load.getStatus() != BatchStatus.COMPLETED) {
            String reason = load == null ? "the load of the sorted rows did not run" : failureOf(load);
            long rejected = count("select count(*) from reject where job_instance_id = ? and state = ?", instanceId, state);
            return refused(state, file, SourceItemReader.recordsRead(step), 0, rejected, reason);
        }
        long read = SourceItemReader.recordsRead(step);
        long rejected = count("select count(*) from reject where job_instance_id = ? and state = ?", instanceId, state);
        long imported = ImportedBlocks.rows(jdbc, instanceId, state);
        long encoding = count("select count(*) from reject where job_instance_id = ? and state = ? and reason = 'ENCODING'",
                instanceId, state);
        if (encoding > 0 && 2 * encoding > read) {
            String reason = encoding + " of " + read + " rows hold text that looks like UTF-8 read as "
                    + source.encoding().name() + " (mojibake such as \"Ã¤\" for \"ä\"): the export is probably in "
                    + "another encoding than catalog.sources[" + state + "].encoding says";
            return refused(state, file, read, imported, rejected, reason);
        }
        double share = read == 0 ? 0 : (double) rejected / read;
        if (share > properties.maxRejectShare()) {
            String reason = String.format(java.util.Locale.ROOT,
                    "%d of %d rows rejected (%.1f %%), more than the limit of %.1f %% (catalog.max-reject-share)",
                    rejected, read, 100 * share, 100 * properties.maxRejectShare());
            return refused(state, file, read, imported, rejected, reason);
        }
        Long current = jdbc.query("select last_good_instance_id from state_catalogue where state = ?",
                rs -> rs.next() ? (Long) rs.getObject(1, Long.class) : null, state);
        Long lastGood = current == null ? null
                : ImportedBlocks.rows(jdbc, current, state);
        String refusal = shrinkGuard.refusal(state, imported, lastGood);
        if (refusal != null) {
            if (!acceptShrink.accepts(state)) {
                return refused(state, file, read, imported, rejected, refusal);
            }
            log.warn("{}: published although the shrink guard would refuse it, as the operator asked (acceptShrink={}): {}",
                    state, acceptShrink.asParameter(), refusal);
        }
        recordChanges(instanceId, state, current);
        return new Settled(new ImportOutcome(state, file, ImportOutcome.Status.ACCEPTED, read, imported, rejected, null),
                current == null);
    }

    private static Settled refused(String state, String file, long read, long imported, long rejected, String reason) {
        return new Settled(new ImportOutcome(state, file, ImportOutcome.Status.FAILED, read, imported, rejected, reason),
                false);
    }

    /** The reason an operator can act on: the reader's own message, kept by the step's listener. */
    private static String failureOf(StepExecution step) {
        String reason = step.getExecutionContext().getString(JobInstanceHolder.FAILURE_REASON_KEY, null);
        if (reason == null) {
            String description = step.getExitStatus().getExitDescription();
            reason = description == null || description.isBlank() ? "import step ended " + step.getStatus()
                    : description.lines().findFirst().orElse(description);
        }
        return reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }

    private void recordChanges(long instanceId, String state, Long current) {
        long recorded = new ChangeRecorder(jdbc, ownTransaction).record(instanceId, state, current);
        log.debug("{}: {} changes recorded against import {}", state, recorded, current);
    }

    /** The accepted import's rows become the state's offerings; the import they replace is deleted after the publish. */
    private void pointAtImport(long instanceId, String state, long imported, Timestamp now) {
        int updated = jdbc.update("""
                update state_catalogue set status = 'CURRENT', superseded_instance_id = last_good_instance_id,
                    last_good_instance_id = ?, last_good_at = ?, offerings = ?, last_failure = null where state = ?""",
                instanceId, now, imported, state);
        if (updated == 0) {
            jdbc.update("""
                    insert into state_catalogue (state, status, last_good_instance_id, last_good_at, offerings, last_failure)
                    values (?, 'CURRENT', ?, ?, ?, null)""", state, instanceId, now, imported);
        }
    }

    private void keepLastGood(long instanceId, String state, String reason) {
        // a state kept from its last good import changed nothing in this publication
        jdbc.update("delete from change where job_instance_id = ? and state = ?", instanceId, state);
        String shortReason = reason == null ? null : reason.length() > 4000 ? reason.substring(0, 4000) : reason;
        int updated = jdbc.update("update state_catalogue set status = 'STALE', last_failure = ? where state = ?",
                shortReason, state);
        if (updated == 0) {
            jdbc.update("""
                    insert into state_catalogue (state, status, last_good_instance_id, last_good_at, offerings, last_failure)
                    values (?, 'STALE', null, null, 0, ?)""", state, shortReason);
        }
    }

    private void rebuildMergedCatalogue() {
        jdbc.update("delete from merged_efa_candidate");
        jdbc.update("delete from merged_state");
        jdbc.update("delete from merged_service");
        Map<String, MergedStates.Names> names = MergedStates.write(jdbc);
        jdbc.update("""
                insert into merged_service (leistungsschluessel, bezeichnung, leistungstyp, ozg_id, themenfeld, im_leika,
                    hoechster_reifegrad, anzahl_laender, anzahl_angebote)
                select ms.leistungsschluessel, max(r.bezeichnung), max(r.leistungstyp), max(r.ozg_id), max(r.themenfeld),
                       max(case when r.leistungsschluessel is null then 0 else 1 end) = 1,
                       max(ms.hoechster_reifegrad), count(*), sum(ms.gebiete)
                from merged_state ms left join leika_reference r on r.leistungsschluessel = ms.leistungsschluessel
                group by ms.leistungsschluessel""");
        // a key missing from the reference still gets a name and OZG-ID: the smallest a state gave it
        jdbc.batchUpdate("update merged_service set bezeichnung = ?, ozg_id = ? where leistungsschluessel = ?",
                names.entrySet(), 5000, (ps, entry) -> {
                    ps.setString(1, entry.getValue().bezeichnung());
                    ps.setString(2, entry.getValue().ozgId());
                    ps.setString(3, entry.getKey());
                });
        jdbc.update("""
                insert into merged_efa_candidate (leistungsschluessel, state, grund)
                select s.leistungsschluessel, c.state,
                       case when ms.state is null then 'KEIN_ANGEBOT' else 'REIFEGRAD' end
                from merged_service s
                cross join state_catalogue c
                left join merged_state ms on ms.leistungsschluessel = s.leistungsschluessel and ms.state = c.state
                where s.hoechster_reifegrad >= 3
                  and (ms.state is null or ms.hoechster_reifegrad is null or ms.hoechster_reifegrad < 3)""");
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
