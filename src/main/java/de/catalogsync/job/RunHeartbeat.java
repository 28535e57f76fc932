package de.catalogsync.job;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the time into table run_heartbeat every {@code interval} while a run's process lives, whatever step it is
 * in. The job repository hears of a step only when it commits a chunk, and the merge and the publish are one long
 * call each (minutes at national scale): without the heartbeat a {@code restart} from another host would take such
 * a run for dead after {@link RunLiveness#ALIVE_WINDOW} and start it a second time. The time is this host's clock,
 * as in the repository's own LAST_UPDATED.
 */
public class RunHeartbeat implements JobExecutionListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunHeartbeat.class);

    private final JdbcTemplate jdbc;
    private final Duration interval;
    private final ScheduledExecutorService timer;
    private final Map<Long, ScheduledFuture<?>> beating = new ConcurrentHashMap<>();

    /** @param interval positive; catalog.heartbeat-interval is checked when the configuration binds */
    public RunHeartbeat(JdbcTemplate jdbc, Duration interval) {
        this.jdbc = jdbc;
        this.interval = interval;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "run-heartbeat");
            thread.setDaemon(true); // a heartbeat never keeps a finished process alive
            return thread;
        });
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        long id = jobExecution.getId();
        beat(id);
        long millis = interval.toMillis();
        ScheduledFuture<?> previous = beating.put(id,
                timer.scheduleAtFixedRate(() -> beat(id), millis, millis, TimeUnit.MILLISECONDS));
        if (previous != null) {
            previous.cancel(false);
        }
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        ScheduledFuture<?> beat = beating.remove(jobExecution.getId());
        if (beat != null) {
            beat.cancel(false);
        }
        try {
            // the run's end is in the repository now: its status says all there is to say
            jdbc.update("delete from run_heartbeat where job_execution_id = ?", jobExecution.getId());
        } catch (DataAccessException e) {
            log.warn("could not remove the heartbeat of run {}: {}", jobExecution.getId(), e.getMessage());
        }
    }

    /** The last beat of a run, or null when it has none. */
    public static LocalDateTime lastBeat(JdbcTemplate jdbc, long jobExecutionId) {
        return jdbc.query("select beat_at from run_heartbeat where job_execution_id = ?",
                rs -> rs.next() ? rs.getTimestamp(1).toLocalDateTime() : null, jobExecutionId);
    }

    private void beat(long jobExecutionId) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        try {
            if (jdbc.update("update run_heartbeat set beat_at = ? where job_execution_id = ?", now, jobExecutionId) == 0) {
                jdbc.update("insert into run_heartbeat (job_execution_id, beat_at) values (?, ?)", jobExecutionId, now);
            }
        } catch (DataAccessException e) {
            // the run itself will meet the same database: it decides whether that is fatal, not the heartbeat
            log.warn("heartbeat of run {} not written: {}", jobExecutionId, e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
