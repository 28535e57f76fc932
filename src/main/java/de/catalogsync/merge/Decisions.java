package de.catalogsync.merge;

import java.util.OptionalLong;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which runs have decided: their merge committed the states' outcomes (table import_result). A run that a run
 * started after it has decided after is overtaken: the states now point at newer imports than its own, and the
 * merged catalogue is no longer its. So it must not restart (its publish would put older data over newer), no
 * restart will read its imports again, and if its own publish never wrote its change file, the next publish does.
 */
public final class Decisions {

    private Decisions() {
    }

    /** The first run (job instance) started after {@code instance} that has decided, if any. */
    public static OptionalLong overtakenBy(JdbcTemplate jdbc, long instance) {
        Long later = jdbc.queryForObject("select min(job_instance_id) from import_result where job_instance_id > ?",
                Long.class, instance);
        return later == null ? OptionalLong.empty() : OptionalLong.of(later);
    }

    /**
     * The run that overtook {@code instance}, by the id operators know it by ({@code runs}, {@code restart}: its last
     * execution's), or empty when none did.
     */
    public static OptionalLong overtakingRun(JdbcTemplate jdbc, long instance) {
        OptionalLong later = overtakenBy(jdbc, instance);
        if (later.isEmpty()) {
            return later;
        }
        Long execution = jdbc.queryForObject(
                "select max(job_execution_id) from batch_job_execution where job_instance_id = ?", Long.class,
                later.getAsLong());
        return OptionalLong.of(execution != null ? execution : later.getAsLong());
    }

    /** Why a run that {@code laterRun} overtook must not go on, for the messages that refuse it. */
    public static String because(long laterRun) {
        return "run " + laterRun + ", started after it, has decided on the states' imports since, so its exports are "
                + "older than what the catalogue holds";
    }
}
