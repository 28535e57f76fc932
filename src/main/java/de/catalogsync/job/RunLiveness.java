package de.catalogsync.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a run that the repository shows as running still has a live process behind it: a run started on this host
 * by another process lives as long as that process does; a run of another host (or of this very process) lives
 * while its steps or its heartbeat have written within {@link #ALIVE_WINDOW}.
 */
@Component
public class RunLiveness {

    /** Silence after which a run of another host is taken to be dead; the heartbeat writes at least every minute. */
    public static final Duration ALIVE_WINDOW = Duration.ofMinutes(2);

    /** Clock ticks and rounding between a process's recorded start and the run it creates. */
    private static final Duration START_TOLERANCE = Duration.ofSeconds(1);

    /** What this host can tell of the process that runs an execution. */
    public enum Owner { ALIVE, GONE, UNKNOWN }

    private final JdbcTemplate jdbc;

    public RunLiveness(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isAlive(JobExecution execution) {
        Owner owner = owner(execution);
        if (owner != Owner.UNKNOWN) {
            return owner == Owner.ALIVE;
        }
        return heardOfLately(lastSignOfLife(execution));
    }

    /** A sign of life within {@link #ALIVE_WINDOW} of now. */
    public static boolean heardOfLately(LocalDateTime lastSign) {
        return lastSign != null && lastSign.isAfter(LocalDateTime.now().minus(ALIVE_WINDOW));
    }

    /**
     * ALIVE or GONE when the run was started on this host by another process, which still exists or not (killed);
     * UNKNOWN for a run of another host, or of this very process (a run of {@code serve} is judged by its signs of
     * life, like one of another host).
     */
    public Owner owner(JobExecution execution) {
        var context = execution.getExecutionContext();
        if (!context.containsKey(RunLogContext.OWNER_PID)
                || !RunLogContext.hostName().equals(context.getString(RunLogContext.OWNER_HOST, ""))) {
            return Owner.UNKNOWN;
        }
        long pid = context.getLong(RunLogContext.OWNER_PID);
        if (pid == ProcessHandle.current().pid()) {
            return Owner.UNKNOWN;
        }
        // a pid taken over since by another process (a killed run's pid, reused weeks later) is not the owner: the
        // owner is a java process that started before it created the run
        Instant created = execution.getCreateTime() == null ? null
                : execution.getCreateTime().atZone(ZoneId.systemDefault()).toInstant();
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(command -> command.contains("java")).orElse(true))
                .filter(p -> created == null || p.info().startInstant()
                        .map(started -> !started.isAfter(created.plus(START_TOLERANCE))).orElse(true))
                .isPresent() ? Owner.ALIVE : Owner.GONE;
    }

    /** The latest write of the run to the repository or to its heartbeat. */
    public LocalDateTime lastSignOfLife(JobExecution execution) {
        LocalDateTime last = RunHeartbeat.lastBeat(jdbc, execution.getId());
        if (execution.getLastUpdated() != null && (last == null || execution.getLastUpdated().isAfter(last))) {
            last = execution.getLastUpdated();
        }
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getLastUpdated() != null && (last == null || step.getLastUpdated().isAfter(last))) {
                last = step.getLastUpdated();
            }
        }
        return last;
    }
}
