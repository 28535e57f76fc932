package de.catalogsync.operate.http;

import java.util.List;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Health says whether the last finished run published. DOWN when it failed (a restart is due); UP otherwise,
 * with the states kept from an earlier import named, so a monitor sees a stale state.
 */
@Component("lastRun")
public class LastRunHealthIndicator extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;

    public LastRunHealthIndicator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<Object[]> last = jdbc.query("""
                select e.job_execution_id, e.status, e.end_time, e.job_instance_id from batch_job_execution e
                where e.status in ('COMPLETED', 'FAILED', 'STOPPED', 'ABANDONED')
                order by e.job_execution_id desc fetch first 1 rows only""",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getTimestamp(3), rs.getLong(4)});
        if (last.isEmpty()) {
            builder.up().withDetail("lastRun", "none yet");
            return;
        }
        Object[] run = last.get(0);
        Long published = jdbc.query("select count(*) from publication where job_instance_id = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L, run[3]);
        List<String> stale = jdbc.queryForList("select state from state_catalogue where status = 'STALE' order by state",
                String.class);
        boolean ok = "COMPLETED".equals(run[1]) && published != null && published > 0;
        (ok ? builder.up() : builder.down())
                .withDetail("lastRun", run[0])
                .withDetail("status", run[1])
                .withDetail("ended", String.valueOf(run[2]))
                .withDetail("published", ok)
                .withDetail("staleStates", stale);
    }
}
