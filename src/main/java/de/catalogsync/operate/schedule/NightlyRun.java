package de.catalogsync.operate.schedule;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import de.catalogsync.operate.RunQueue;
import de.catalogsync.operate.RunService;
import de.catalogsync.operate.ServeProperties;

/**
 * The nightly sync. The night's run is the job instance identified by its date, so however many schedulers
 * fire (two {@code serve} processes on one PostgreSQL repository, or a trigger fired twice), the repository
 * lets one of them create it; the others find it running or complete and leave it alone. A failed night is
 * restarted by the next trigger of the same night, not repeated.
 */
@Component
@ConditionalOnProperty(name = "catalog.serve.enabled", havingValue = "true")
public class NightlyRun {

    private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);

    private final RunQueue queue;
    private final RunService runs;
    private final Job catalogSyncJob;
    private final ServeProperties properties;

    public NightlyRun(RunQueue queue, RunService runs, Job catalogSyncJob, ServeProperties properties) {
        this.queue = queue;
        this.runs = runs;
        this.catalogSyncJob = catalogSyncJob;
        this.properties = properties;
    }

    @Scheduled(cron = "${catalog.schedule.cron:0 30 2 * * *}", zone = "${catalog.schedule.zone:Europe/Berlin}")
    public void onSchedule() {
        if (properties.schedule().enabled()) {
            trigger(LocalDate.now(ZoneId.of(properties.schedule().zone())));
        }
    }

    /** @return the run started for that night, or empty when it already runs or ran */
    public Optional<JobExecution> trigger(LocalDate night) {
        try {
            JobExecution execution = queue.submit(catalogSyncJob, runs.nightly(night));
            log.info("nightly run for {} started as run {}", night, execution.getId());
            return Optional.of(execution);
        } catch (JobExecutionAlreadyRunningException e) {
            log.info("nightly run for {} is already running: not started again", night);
        } catch (JobInstanceAlreadyCompleteException e) {
            log.info("nightly run for {} already completed: not started again", night);
        } catch (DataIntegrityViolationException e) {
            log.info("nightly run for {} was created by another process at the same moment: not started here", night);
        } catch (Exception e) {
            log.error("nightly run for {} could not start: {}", night, e.getMessage());
        }
        return Optional.empty();
    }
}
