package de.catalogsync.job;

import java.sql.SQLException;
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
 * <p>
 * It is also the run's watchdog for one case: an embedded H2 database that closed itself under the run (after a
 * panic: out of memory, disk full) leaves the job's thread spinning on the closed store for good, so the
 * scheduler would wait forever. When two beats in a row find the database closed, the process ends with a
 * failure; the run is then restarted like one that was killed.
 */
public class RunHeartbeat implements JobExecutionListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunHeartbeat.class);
    /** org.h2.api.ErrorCode.DATABASE_IS_CLOSED, named here so that the job does not depend on H2's API. */
    static final int DATABASE_IS_CLOSED = 90098;

    private final JdbcTemplate jdbc;
    private final Duration interval;
    private final ScheduledExecutorService timer;
    private final Map<Long, ScheduledFuture<?>> beating = new ConcurrentHashMap<>();
    private final Runnable endProcess;
    private volatile int closedBeats; // the first beat runs on the job's thread, the others on the timer's

    /**
     * @param interval   positive; catalog.heartbeat-interval is checked when the configuration binds
     * @param endProcess what ends the process when the database closed under the run
     */
    public RunHeartbeat(JdbcTemplate jdbc, Duration interval, Runnable endProcess) {
        this.jdbc = jdbc;
        this.interval = interval;
        this.endProcess = endProcess;
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
            closedBeats = 0;
        } catch (DataAccessException e) {
            if (databaseClosed(e) && ++closedBeats >= 2) {
                log.error("run {}: the database closed under the running run ({}); ending this process so that its "
                        + "scheduler learns of it. The database's trace file names the cause; then restart the run",
                        jobExecutionId, e.getMostSpecificCause().getMessage());
                endProcess.run();
                return;
            }
            // otherwise the run itself will meet the same database: it decides whether that is fatal
            log.warn("heartbeat of run {} not written: {}", jobExecutionId, e.getMessage());
        }
    }

    /** H2's "The database has been closed" (error 90098): the embedded store closed itself after a panic. */
    static boolean databaseClosed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DATABASE_IS_CLOSED) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
