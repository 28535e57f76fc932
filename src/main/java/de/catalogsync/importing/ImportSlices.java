package de.catalogsync.importing;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One state's import in consecutive ranges of its row positions (pos, the rows' numbers in key order), so that
 * work on millions of rows (change records, deletions) can commit slice by slice along the primary key instead of
 * in one transaction that grows with the size of a state.
 */
public final class ImportSlices {

    /** Row positions per slice. */
    public static final int SIZE = 20_000;

    /** Work on the rows with {@code fromPos <= pos < toPos}; returns how many rows it wrote. */
    public interface Slice {
        long handle(long fromPos, long toPos);
    }

    private ImportSlices() {
    }

    /** Calls {@code slice} for each range of the import's row positions, first to last; returns the sum of its results. */
    public static long forEach(JdbcTemplate jdbc, long instanceId, String state, Slice slice) {
        long[] range = jdbc.queryForObject("""
                select min(pos), max(pos) from imported_offering where job_instance_id = ? and state = ?""",
                (rs, i) -> rs.getObject(1) == null ? null : new long[] {rs.getLong(1), rs.getLong(2)}, instanceId, state);
        long written = 0;
        if (range != null) {
            for (long from = range[0]; from <= range[1]; from += SIZE) {
                written += slice.handle(from, from + SIZE);
            }
        }
        return written;
    }
}
