package de.catalogsync.merge;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The per-state outcome of each run, as recorded by the merge. */
@Repository
public class StateImports {

    private final JdbcTemplate jdbc;

    public StateImports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long jobInstanceId, ImportOutcome outcome) {
        jdbc.update("delete from import_result where job_instance_id = ? and state = ?", jobInstanceId, outcome.state());
        jdbc.update("""
                insert into import_result (job_instance_id, state, source_file, status, read_count, imported_count,
                    rejected_count, reason) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                jobInstanceId, outcome.state(), outcome.sourceFile(), outcome.status().name(), outcome.read(),
                outcome.imported(), outcome.rejected(), outcome.reason());
    }

    public List<ImportOutcome> forInstance(long jobInstanceId) {
        return jdbc.query("""
                select state, source_file, status, read_count, imported_count, rejected_count, reason
                from import_result where job_instance_id = ? order by state""",
                (rs, i) -> new ImportOutcome(rs.getString(1), rs.getString(2), ImportOutcome.Status.valueOf(rs.getString(3)),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getString(7)), jobInstanceId);
    }
}
